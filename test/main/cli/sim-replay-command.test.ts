import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../main/text/parse-flags';
import { runSimReplay } from '../../../main/cli/sim-replay-command';

const FIXTURE = path.resolve(__dirname, '../../fixtures/field/simulated-field-check');

describe('enroll-bench sim replay', () => {
  it('prints a cfgutil path that answers from the bundle, and on stop names what it could not answer', async () => {
    const out: string[] = [];
    const err: string[] = [];
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runSimReplay([FIXTURE], { out: (t) => out.push(t), err: (t) => err.push(t), stopped });
    while (!out.join('').includes('cfgutil: ')) await new Promise((r) => setTimeout(r, 10));
    const cfgutil = /cfgutil: (\S+)/.exec(out.join('\n'))?.[1] ?? '';
    const list = await promisify(execFile)(cfgutil, ['--format', 'JSON', 'list']);
    expect(JSON.parse(list.stdout)).toMatchObject({ Command: 'list', Type: 'CommandOutput' });
    await promisify(execFile)(cfgutil, ['-e', '0x99', '--format', 'JSON', 'erase']).catch(() => undefined);
    stop();
    expect(await running).toBe(1);
    expect(err.join('\n')).toMatch(/no recorded answer: .*0x99/);
  });

  it('explains a folder that is not a recording, and a missing folder argument', async () => {
    const err: string[] = [];
    expect(await runSimReplay([__dirname], { out: () => {}, err: (t) => err.push(t) })).toBe(1);
    expect(err.join('')).toMatch(/is it a recording folder made by --record/);
    await expect(runSimReplay([], { out: () => {}, err: () => {} })).rejects.toThrow(UsageError);
  });
});
