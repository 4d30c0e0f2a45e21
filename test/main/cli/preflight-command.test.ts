import { mkdir, mkdtemp, readdir, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPreflightCommand } from '../../../main/cli/preflight-command';
import { UsageError } from '../../../main/text/parse-flags';
import { IDLE_MS } from '../../../main/preflight/restore-leftovers';
import type { PreflightDeps } from '../../../main/preflight/run-preflight';
import { healthyDeps, reachable } from '../preflight/preflight-fakes';

const LEFTOVER = 'E0000000-0000-4000-8000-000000000001';

async function run(argv: string[], deps: Partial<PreflightDeps> = {}) {
  let out = '';
  let err = '';
  const code = await runPreflightCommand(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { ENROLL_BENCH_DATA: '/nonexistent' },
    deps: async () => healthyDeps({ now: () => Date.now(), ...deps }),
  });
  return { code, out, err };
}

describe('enroll-bench preflight', () => {
  it('exits 0 when every check is ok, and prints each line', async () => {
    const r = await run([]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('cfgutil reports version 2.20 (1001.5).');
    expect(r.out).toContain('Overall: ok.');
  });

  it('exits 1 on any problem, with the fix; --json gives the report', async () => {
    const r = await run(['--json'], { identity: () => null, reachability: reachable('timed-out') });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.overall).toBe('problem');
    expect(
      report.checks
        .filter((c: { status: string }) => c.status === 'problem')
        .map((c: { id: string }) => c.id),
    ).toEqual(['supervision-identity', 'mac-online']);
    const text = await run([], { identity: () => null });
    expect(text.out).toMatch(/PROBLEM {2}Supervision identity.*\n\s+Fix: Import the identity/);
  });

  it('cleans leftovers only when named or with --all', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-preflight-'));
    await mkdir(path.join(folder, LEFTOVER));
    const past = (Date.now() - IDLE_MS - 1000) / 1000;
    await utimes(path.join(folder, LEFTOVER), past, past);
    const tempFolder = { simulated: true, locate: async () => folder };
    const listed = await run([], { tempFolder });
    expect(listed.out).toContain(LEFTOVER);
    expect(await readdir(folder)).toEqual([LEFTOVER]);
    await expect(run(['clean'], { tempFolder })).rejects.toBeInstanceOf(UsageError);
    const cleaned = await run(['clean', '--all'], { tempFolder });
    expect(cleaned.code).toBe(0);
    expect(cleaned.out).toContain('Deleted 1 folder');
    expect(await readdir(folder)).toEqual([]);
  });
});
