/** Cart safety on the simulator: other organizations, the ignore list, nothing started while not armed, 612. */
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../../preload/jobs-domain';
import { expectNoOverlap, jobOf, jobsBench, until } from './jobs-sim-harness';

const CHANGING = new Set([
  'erase',
  'prepare',
  'install-profile',
  'rename',
  'shut-down',
  'restart',
  'remove-profile',
]);

describe('cart safety', () => {
  it('never erases a device supervised by another organization', async () => {
    const bench = await jobsBench();
    const device = bench.handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Fabrikam', certificate: Buffer.from('0\u0082someone-else') },
    });
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'skipped');
    expect(jobOf(jobs, device.ecid)?.skipReason).toBe('other-organization');
    expect(bench.runs.filter((r) => r.ecid === device.ecid && CHANGING.has(r.command))).toEqual([]);
    expect(bench.handle.world.device(device.ecid)).toMatchObject({
      isSupervised: true,
      organizationName: 'Fabrikam',
    });
  });

  it('erases another organization’s device only when the erase step allows it', async () => {
    const allowing: Workflow = {
      id: 'wipe-any',
      name: 'Wipe any',
      description: '',
      preset: false,
      steps: [{ kind: 'erase', allowOtherOrganization: true }],
    };
    const bench = await jobsBench({ workflows: [allowing], workflowId: 'wipe-any' });
    const device = bench.handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Fabrikam', certificate: Buffer.from('0\u0082someone-else') },
    });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
    expect(bench.handle.world.device(device.ecid)).toMatchObject({
      isSupervised: false,
      activationState: 'Unactivated',
    });
  });

  it('never touches a device on the ignore list, by ECID or by serial', async () => {
    const bench = await jobsBench({ settings: { armed: false } });
    const world = bench.handle.world;
    const mine = world.attach({ paired: true });
    const second = world.attach({ paired: true });
    const ignoring = await bench.restart(
      { lastByEcid: new Map(), doneBySerial: new Map(), warnings: [] },
      {
        settings: {
          workflowId: 'supervise-and-enroll',
          concurrency: 8,
          countdownSeconds: 5,
          countdownMs: 5,
          ignoreEcids: [mine.ecid.toLowerCase()],
          ignoreSerials: [second.serialNumber],
          stationName: 't',
          armed: true,
        },
      },
    );
    const jobs = await until(
      { board: ignoring },
      (j) => j.length === 2 && j.every((x) => x.phase === 'skipped'),
    );
    expect(jobs.map((j) => j.skipReason)).toEqual(['ignore-list', 'ignore-list']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bench.runs.filter((r) => CHANGING.has(r.command))).toEqual([]);
    expect(world.device(mine.ecid)?.activationState).toBe('Activated');
  });

  it('not armed, nothing starts by itself; the countdown can be cancelled per device', async () => {
    const bench = await jobsBench({ settings: { armed: false } });
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.serialNumber !== undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(jobOf(bench.board.views(), device.ecid)?.phase).toBe('queued');
    expect(bench.runs.filter((r) => CHANGING.has(r.command))).toEqual([]);
    const armed = await bench.restart(
      { lastByEcid: new Map(), doneBySerial: new Map(), warnings: [] },
      {
        settings: {
          workflowId: 'supervise-and-enroll',
          concurrency: 8,
          countdownSeconds: 5,
          countdownMs: 60_000,
          ignoreEcids: [],
          ignoreSerials: [],
          stationName: 't',
          armed: true,
        },
      },
    );
    const counting = await until({ board: armed }, (j) => jobOf(j, device.ecid)?.phase === 'countdown');
    expect(jobOf(counting, device.ecid)?.countdownEndsAt).toBeGreaterThan(Date.now());
    armed.jobAction(device.ecid, 'cancel');
    expect(jobOf(armed.views(), device.ecid)?.phase).toBe('cancelled');
    expect(bench.runs.filter((r) => CHANGING.has(r.command))).toEqual([]);
  });

  it('prepare on a device that was not erased fails with 612 and says to erase first', async () => {
    const prepareOnly: Workflow = {
      id: 'prepare-only',
      name: 'Prepare only',
      description: '',
      preset: false,
      steps: [{ kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false }],
    };
    const bench = await jobsBench({ workflows: [prepareOnly], workflowId: 'prepare-only' });
    const device = bench.handle.world.attach({ paired: true });
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'failed');
    expect(jobOf(jobs, device.ecid)?.error).toMatchObject({
      code: 'already-prepared',
      title: 'Erase the device first',
      retryable: false,
    });
    expectNoOverlap(bench.runs);
  });

  it('without an enrollment profile nothing is done to the device: the job fails before erasing', async () => {
    const bench = await jobsBench({ settings: { armed: false } });
    const device = bench.handle.world.attach({ paired: true });
    const board = await bench.restart(
      { lastByEcid: new Map(), doneBySerial: new Map(), warnings: [] },
      { profile: { current: () => undefined } },
    );
    await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'queued');
    board.jobAction(device.ecid, 'start-now');
    const jobs = await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'failed');
    expect(jobOf(jobs, device.ecid)?.error?.title).toBe('No usable enrollment profile');
    expect(bench.runs.filter((r) => CHANGING.has(r.command))).toEqual([]);
  });

  it('paused: a countdown does not start the job and a running job starts no new step; resume goes on', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    bench.board.setPaused(true);
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'countdown');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(jobOf(bench.board.views(), device.ecid)?.phase).toBe('countdown');
    expect(bench.runs.filter((r) => CHANGING.has(r.command))).toEqual([]);
    bench.board.setPaused(false);
    await until(bench, (j) => jobOf(j, device.ecid)?.step === 'prepare', 30_000);
    bench.board.setPaused(true);
    // The prepare under way finishes; the next step does not start while paused.
    await until(bench, (j) => jobOf(j, device.ecid)?.steps.at(-1)?.endedAt !== undefined, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const held = jobOf(bench.board.views(), device.ecid);
    expect(held?.stepIndex).toBe(2);
    expect(held?.steps.map((x) => x.step)).toEqual(['erase', 'wait-until-settled', 'prepare']);
    expect(bench.board.runStatus().paused).toBe(true);
    bench.board.setPaused(false);
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
  }, 40_000);
});
