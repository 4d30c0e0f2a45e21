import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runFieldCheckCommand } from '../../../main/cli/field-check-command';
import { UsageError } from '../../../main/text/parse-flags';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const lastFour = (question: string) => /\(…(\w{4})\)/.exec(question)?.[1] ?? '';

describe('enroll-bench field-check', () => {
  it('runs end to end with answers typed on stdin, writes the markdown and JSON report, exit 0', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'field-cli-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    // The erase questions carry the serial; stdin is fed as each question appears, as a person would type.
    const input = new Readable({ read() {} });
    const out: string[] = [];
    const code = await runFieldCheckCommand(
      ['--simulate', '--time-scale', '0.01', '--record', path.join(dataDir, 'rec')],
      {
        input,
        out: (text) => {
          out.push(text);
          if (text.includes('Press Enter')) input.push('\n');
          if (text.includes('Type the last four')) input.push(`${lastFour(text)}\n`);
        },
        err: () => {},
        env: { ENROLL_BENCH_DATA: dataDir },
      },
    );
    expect(code).toBe(0);
    const files = await readdir(path.join(dataDir, 'field-check'));
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(1);
    const json = JSON.parse(
      await readFile(path.join(dataDir, 'field-check', files.find((f) => f.endsWith('.json')) ?? ''), 'utf8'),
    ) as { rows: { status: string }[] };
    expect(json.rows.every((r) => r.status === 'confirmed')).toBe(true);
    const markdown = await readFile(
      path.join(dataDir, 'field-check', files.find((f) => f.endsWith('.md')) ?? ''),
      'utf8',
    );
    expect(markdown).toContain('| `cfgutil erase` |');
    expect(markdown).toMatch(/12 confirmed, 0 different, 0 not tried/);
    expect((await readdir(path.join(dataDir, 'rec'))).sort()).toEqual([
      'exchanges-000001.jsonl',
      'manifest.json',
    ]);
  }, 60_000);

  it('refuses flags that cannot go together, before touching any device', async () => {
    const io = { input: new Readable({ read() {} }), out: () => {}, err: () => {}, env: {} };
    await expect(runFieldCheckCommand(['--simulate', '--cfgutil', '/x'], io)).rejects.toThrow(UsageError);
    await expect(runFieldCheckCommand(['--record-raw'], io)).rejects.toThrow(/needs --record/);
    await expect(runFieldCheckCommand(['--time-scale', '0.1', '--cfgutil', '/x'], io)).rejects.toThrow(
      UsageError,
    );
  });
});
