/**
 * What a job asks the device and when (main/jobs/step-kit.ts, last-read.ts, steps/*): only the properties a
 * decision needs, no second read when nothing happened in between, every change judged by a re-read after
 * it, and no re-read after a busy refusal.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../../main/jobs/job-runner';
import { backoffWindowMs } from '../../../main/jobs/backoff';
import { READ_PROPERTIES } from '../../../main/jobs/device-read';
import { runPrepare } from '../../../main/jobs/steps/prepare-step';
import { commandsOf, fakeJob, ORG, PROFILE_ID, propertiesRead, type LoggedCall } from './fake-job';

const noHooks = { unpaused: () => Promise.resolve(), measured: () => {} };
const PREPARE = {
  kind: 'prepare',
  language: 'en',
  locale: 'en_US',
  skipPanes: 'all',
  allowPairing: false,
} as const;

function outcomeOf(job: ReturnType<typeof fakeJob>) {
  return job.events.filter((e) => ['succeeded', 'failed', 'cancelled', 'skipped'].includes(e.type)).at(-1);
}

/** Every changing command that went through is followed by a `get` before the next one or the end. */
function changesJudgedByReRead(calls: readonly LoggedCall[]): string[] {
  const unjudged: string[] = [];
  calls.forEach((call, i) => {
    if (call.command === 'get' || call.failed) return;
    const next = calls.slice(i + 1).find((c) => c.command === 'get' || !c.failed);
    if (next?.command !== 'get') unjudged.push(`${call.command} #${i}`);
  });
  return unjudged;
}

describe('a supervise-and-enroll job on one device', () => {
  it('reads only what each decision needs, once, and judges every change by a re-read after it', async () => {
    const job = fakeJob({ device: { busyAfterReboot: 3 } });
    await runJob(job.ctx, 0, noHooks);

    expect(outcomeOf(job)).toMatchObject({ type: 'succeeded' });
    expect(job.device).toMatchObject({ isSupervised: true, organizationName: ORG, name: 'iPad-F9FXK2ABCD' });
    expect(job.device.configurationProfiles.map((p) => p.identifier)).toEqual([PROFILE_ID]);
    expect(commandsOf(job.calls)).toEqual([
      'get', // erase: who supervises it (the board's arrival read serves when there is one)
      'erase',
      'get', // came back erased? everything, once: the device is new to the bench
      // settle and prepare decide on that read: nothing was done to the device in between
      'prepare:device-busy',
      'prepare:device-busy',
      'prepare:device-busy',
      'prepare',
      'get', // supervised by us?
      'get', // settle: booted?
      'get', // install: paired, profiles
      'install-profile:device-busy',
      'install-profile:device-busy',
      'install-profile:device-busy',
      'install-profile',
      'get', // the profile is there (verify decides on this read)
      'get', // rename: the current name
      'rename',
      'get', // the new name is there
    ]);
    expect(job.calls.filter((c) => c.command === 'get').map((c) => c.properties)).toEqual([
      // erase decides with the change guard's properties too: the guard reuses this read (no second get)
      [
        'isPaired',
        'isSupervised',
        'organizationName',
        'activationState',
        'serialNumber',
        'name',
        'firmwareVersion',
        'passcodeProtected',
      ],
      [...READ_PROPERTIES],
      ['isPaired', 'isSupervised', 'organizationName', 'activationState'],
      ['bootedState'],
      ['isPaired', 'configurationProfiles'],
      ['configurationProfiles'],
      ['name'],
      ['name'],
    ]);
    // Before: 13 properties before and after every step and after every refusal (~30 reads, ~390 properties).
    expect(propertiesRead(job.calls)).toBe(31);
    expect(changesJudgedByReRead(job.calls)).toEqual([]);
  });

  it('retries a busy refusal on the short fixed interval, with no re-read and no counted attempt', async () => {
    const job = fakeJob({ device: { busyAfterReboot: 5 } });
    await runJob(job.ctx, 0, noHooks);

    expect(outcomeOf(job)).toMatchObject({ type: 'succeeded' });
    job.calls.forEach((call, i) => {
      if (call.failed === 'device-busy') expect(job.calls[i + 1]?.command, `after #${i}`).toBe(call.command);
    });
    const refused = job.calls.filter((c) => c.failed === 'device-busy');
    expect(refused).toHaveLength(10);
    // Each refusal waits busyRetryMs: the next try starts 0.5 s (the refusal) + 1.5 s after the previous.
    const prepares = job.calls.filter((c) => c.command === 'prepare').map((c) => c.at);
    expect(prepares.slice(1).map((at, i) => at - (prepares[i] ?? 0))).toEqual([2000, 2000, 2000, 2000, 2000]);
    expect(job.sleeps.filter((ms) => ms === job.ctx.timings.busyRetryMs)).toHaveLength(10);
    expect(job.events.filter((e) => e.type === 'attempt')).toEqual([]);
  });

  it('skips a device supervised by another organization after one small read, sending nothing', async () => {
    const job = fakeJob({ device: { isSupervised: true, organizationName: 'Fabrikam' } });
    await runJob(job.ctx, 0, noHooks);
    expect(outcomeOf(job)).toMatchObject({ type: 'skipped', reason: 'other-organization' });
    expect(commandsOf(job.calls)).toEqual(['get']);
  });
});

describe('prepare on a device that stays busy', () => {
  it('gives up after the busy back-off window, having sent prepare on the fixed interval all along', async () => {
    const job = fakeJob({ device: { activationState: 'Unactivated', busyFor: Number.MAX_SAFE_INTEGER } });
    const started = job.ctx.now();
    const ended = await runPrepare(job.ctx, PREPARE).catch((e: unknown) => e);

    expect(ended).toMatchObject({ info: { code: 'device-busy' } });
    const window = backoffWindowMs(job.ctx.timings.busy);
    const took = job.ctx.now() - started;
    expect(took).toBeGreaterThanOrEqual(window);
    expect(took).toBeLessThan(window + 2 * (job.ctx.timings.busyRetryMs + 500) + 1000);
    const prepares = job.calls.filter((c) => c.command === 'prepare');
    // One try every 2 s of device time (0.5 s refusal + 1.5 s), where the back-off made it one every ~8 s.
    expect(prepares.length).toBeGreaterThan(window / 2500);
    expect(job.calls.filter((c) => c.command === 'get')).toHaveLength(1);
  });
});
