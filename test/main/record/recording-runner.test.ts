import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import {
  processCfgutilRunner,
  setCfgutilRunnerDecorator,
} from '../../../main/cfgutil/recording/process-runner';
import type { CfgutilRun, CfgutilRunner } from '../../../main/cfgutil/run-cfgutil';
import { runRunCommand } from '../../../main/cli/run-command';
import { readBundle } from '../../../main/record/bundle-reader';
import { startRecording } from '../../../main/record/bundle-writer';
import { recordingRunner } from '../../../main/record/recording-runner';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rec-runner-'));
  dirs.push(dir);
  return dir;
}

const answer: CfgutilRun = {
  argv: ['/x/cfgutil', '--format', 'JSON', 'list'],
  exitCode: 0,
  signal: null,
  stdout: '{"Command":"list","Output":{},"Type":"CommandOutput","Devices":[]}',
  stderr: '',
  durationMs: 3,
  outcome: 'exited',
};

describe('recordingRunner', () => {
  it('returns the inner run untouched and records it; a start failure is recorded and rethrown', async () => {
    const bundle = await startRecording({
      appVersion: '0.1.0-test',
      dir: path.join(await tempDir(), 'b'),
      recordedBy: 'test',
    });
    const inner: CfgutilRunner = async (_path, args) => {
      if (args.includes('version')) throw new Error('spawn ENOENT');
      return answer;
    };
    const runner = recordingRunner(inner, bundle);
    expect(await runner('/x/cfgutil', ['--format', 'JSON', 'list'])).toBe(answer);
    await expect(runner('/x/cfgutil', ['version'])).rejects.toThrow('spawn ENOENT');
    await bundle.close();
    const read = await readBundle(bundle.dir);
    expect(read.exchanges.map((e) => e.outcome)).toEqual(['exited', 'start-failed']);
  });

  it('reaches every client created while a recording is installed, and none after it is removed', async () => {
    const bundle = await startRecording({
      appVersion: '0.1.0-test',
      dir: path.join(await tempDir(), 'b'),
      recordedBy: 'test',
    });
    const remove = setCfgutilRunnerDecorator((inner) =>
      recordingRunner(async (p, a, o) => (a.includes('list') ? answer : inner(p, a, o)), bundle),
    );
    try {
      await createCfgutilClient({ cfgutilPath: '/x/cfgutil' }).list();
    } finally {
      remove();
    }
    await bundle.close();
    expect(bundle.count()).toBe(1);
    const base: CfgutilRunner = async () => answer;
    expect(processCfgutilRunner(base)).toBe(base);
  });

  it('run --record: a simulated cart is recorded with no real serial or ECID in the bundle', async () => {
    const dataDir = await tempDir();
    const record = path.join(dataDir, 'bundle');
    const out: string[] = [];
    const errs: string[] = [];
    const code = await runRunCommand(
      [
        '--simulate',
        '--cart',
        '1',
        '--workflow',
        'supervise-and-enroll',
        '--time-scale',
        '0.01',
        '--until-idle',
        '--json',
        '--record',
        record,
      ],
      { out: (t) => out.push(t), err: (t) => errs.push(t), env: { ENROLL_BENCH_DATA: dataDir } },
    );
    // A transient the bench retries (a busy simulator under load) is a note, not a failure; a failed job is.
    expect(errs.filter((e) => / failed|fail:/i.test(e) && !/retrying with back-off/.test(e))).toEqual([]);
    expect(code).toBe(0);
    const report = JSON.parse(out.join('')) as { devices: { ecid: string; serial: string }[] };
    const read = await readBundle(record);
    expect(read.exchanges.length).toBeGreaterThan(5);
    expect(read.exchanges.map((e) => e.command)).toEqual(
      expect.arrayContaining(['erase', 'prepare', 'install-profile']),
    );
    const text = await readFile(path.join(record, 'exchanges-000001.jsonl'), 'utf8');
    for (const device of report.devices) {
      expect(text).not.toContain(device.serial);
      expect(text.toLowerCase()).not.toContain(device.ecid.slice(2).toLowerCase());
    }
  }, 60_000);
});
