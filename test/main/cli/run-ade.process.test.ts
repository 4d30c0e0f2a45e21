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
const dataDirs: string[] = [];
beforeAll(async () => {
  cli = await bundleCli();
}, 60_000);
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

/** A new data folder whose supervision identity's organization is Contoso Schools. */
async function contosoBench(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-ade-'));
  dataDirs.push(dir);
  const identity = await run(dir, ['identity', 'create', '--organization', 'Contoso Schools']);
  expect(identity.code).toBe(0);
  return dir;
}

function run(
  dataDir: string,
  args: readonly string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
    const result = await run(await contosoBench(), [
      'run',
      '--workflow',
      'ade-reenroll',
      '--simulate',
      '--scenario',
      'ade-cart',
      '--time-scale',
      '0.01',
      '--until-idle',
      // The cart is being reset: the iPad set up before its assignment is in use (unsupervised, named), and
      // the change guard would otherwise ask a person before erasing it (issue 19).
      '--erase-in-use',
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

  it('with --unassigned-to-direct, the device without an ADE configuration goes on as direct enrollment, its erase already done', async () => {
    const result = await run(await contosoBench(), [
      'run',
      '--workflow',
      'ade-reenroll',
      '--simulate',
      '--scenario',
      'ade-cart',
      '--time-scale',
      '0.01',
      '--until-idle',
      // The cart is being reset: the iPad set up before its assignment is in use (unsupervised, named), and
      // the change guard would otherwise ask a person before erasing it (issue 19).
      '--erase-in-use',
      '--unassigned-to-direct',
      '--json',
    ]);
    const report = JSON.parse(result.stdout) as { devices: ReportDevice[] };
    expect(report.devices).toHaveLength(adeCartScenario.devices.length);
    // The switched job is the device's job now: supervise-and-enroll, its erase done by what the device shows
    // (already at Setup Assistant; test/main/jobs/job-board.ade.test.ts counts that no erase is sent).
    const switched = report.devices.filter((d) =>
      d.steps.some((s) => s.step === 'install-enrollment-profile'),
    );
    expect(switched).toHaveLength(1);
    expect(switched[0]).toMatchObject({ outcome: 'succeeded', adeStanding: null });
    expect(switched[0]?.steps[0]).toMatchObject({ step: 'erase', outcome: 'succeeded' });
    expect(result.stderr).toMatch(/has no ADE configuration; switching it to direct enrollment/);
    const ends = report.devices.map((d) => `${d.outcome}:${d.errorCode ?? d.adeStanding ?? ''}`).sort();
    expect(ends).toEqual(
      [
        'succeeded:ready-for-user',
        'succeeded:ready-for-user',
        'succeeded:',
        'skipped:',
        'failed:unknown',
      ].sort(),
    );
  }, 120_000);
});
