/**
 * Done-criterion of issue 26 through the command line, as a separate process: `enroll-bench run --workflow
 * ade-reenroll --json` on the simulated mixed ADE cart (the shipped `ade-cart` scenario) ends each device in
 * its right state, on a bench whose organization (Contoso Schools) is the one Apple Business Manager
 * supervises its ADE iPads for. Nothing but the existing workflow selection picks the preset.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adeCartScenario } from '../../../main/sim/shipped-scenarios';
import { bundleCli } from '../../reliability/cli-bundle';

let cli = '';
let dataDir = '';
beforeAll(async () => {
  cli = await bundleCli();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-ade-'));
}, 60_000);
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function run(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ENROLL_BENCH_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const wedge = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(wedge);
      resolve({ code, stdout, stderr });
    }),
  );
}

interface ReportDevice {
  readonly outcome: string;
  readonly errorCode: string | null;
  readonly adeStanding: string | null;
  readonly steps: readonly { readonly step: string; readonly outcome: string | null }[];
}

describe('enroll-bench run --workflow ade-reenroll (child process)', () => {
  it('ends the mixed ADE cart with each device in its right state', async () => {
    const identity = await run(['identity', 'create', '--organization', 'Contoso Schools']);
    expect(identity.code).toBe(0);
    const result = await run([
      'run',
      '--workflow',
      'ade-reenroll',
      '--simulate',
      '--scenario',
      'ade-cart',
      '--time-scale',
      '0.01',
      '--until-idle',
      '--json',
    ]);
    // Not every device succeeds (that is the point), so the run exits 1 with its report.
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { devices: ReportDevice[] };
    expect(report.devices).toHaveLength(adeCartScenario.devices.length);
    const ends = report.devices.map((d) => `${d.outcome}:${d.errorCode ?? d.adeStanding ?? ''}`).sort();
    expect(ends).toEqual(
      [
        // Last year's ADE iPad, and the one whose fresh assignment answered 33001 twice first.
        'succeeded:ready-for-user',
        'succeeded:ready-for-user',
        // Set up before it was assigned: held with the checklist.
        'failed:configuration-unavailable',
        // Another organization's device: never erased.
        'skipped:',
        // Apple Business Manager assigns it to another organization: held after prepare --dep.
        'failed:unknown',
      ].sort(),
    );
    const skipped = report.devices.find((d) => d.outcome === 'skipped');
    expect(skipped?.steps.some((s) => s.step === 'erase' && s.outcome === 'succeeded')).toBe(false);
    expect(result.stderr).toMatch(
      /This device has no Automated Device Enrollment configuration|configuration-unavailable/,
    );
  }, 120_000);
});
