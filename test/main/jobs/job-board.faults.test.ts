/**
 * The device says what happened, not the exit code: busy and transient failures retried, an ambiguous
 * −402653052 judged by a re-read, devices unplugged at every step, and the cap lowered when they keep dropping.
 */
import { describe, expect, it } from 'vitest';
import { ENROLL_IN_PLACE, presetWorkflows, SUPERVISE_AND_ENROLL } from '../../../main/jobs/workflow/presets';
import { expectNoOverlap, jobOf, jobsBench, ORG, until } from './jobs-sim-harness';

const silent = { quirks: { mdmSilentOnSupervised: true } } as const;

describe('faults', () => {
  it('retries busy/settling (603) and unreadable output until the device shows the effect', async () => {
    const bench = await jobsBench({ world: silent });
    const device = bench.handle.world.attach({ paired: true });
    bench.handle.world.injectFault(
      { kind: 'error', error: 'deviceStateUnknown' },
      { command: 'prepare', times: 2 },
    );
    bench.handle.world.injectFault({ kind: 'garbage' }, { command: 'rename' });
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
    expect(bench.runs.filter((r) => r.command === 'prepare').length).toBeGreaterThanOrEqual(3);
    // The shipped preset names the device class: an iPhone is never named "iPad-…".
    const deviceClass = device.deviceType.startsWith('iPhone') ? 'iPhone' : 'iPad';
    expect(jobOf(jobs, device.ecid)?.finalName).toBe(`${deviceClass}-${device.serialNumber}`);
    expectNoOverlap(bench.runs);
  });

  for (const effectApplied of [true, false]) {
    it(`an ambiguous −402653052 on install that ${effectApplied ? 'did' : 'did not'} happen is decided by a re-read`, async () => {
      const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE, world: silent });
      const device = bench.handle.world.attach({
        paired: true,
        supervisedBy: { organizationName: ORG, certificate: bench.identity.certBytes },
      });
      bench.handle.world.injectFault(
        { kind: 'disconnect', effectApplied, reattachAfterSeconds: 10 },
        { command: 'install-profile' },
      );
      await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
      const installs = bench.runs.filter((r) => r.command === 'install-profile').length;
      expect(installs).toBe(effectApplied ? 1 : 2);
      expect(bench.handle.world.device(device.ecid)?.profiles.map((p) => p.identifier)).toContain(
        bench.profile.payloadIdentifier,
      );
    });
  }

  for (const effectApplied of [true, false]) {
    it(`an ambiguous −402653052 on erase that ${effectApplied ? 'did' : 'did not'} happen: erased once, or sent again`, async () => {
      const bench = await jobsBench({ world: silent });
      const device = bench.handle.world.attach({ paired: true });
      bench.handle.world.injectFault(
        { kind: 'disconnect', effectApplied, reattachAfterSeconds: 5 },
        { command: 'erase' },
      );
      await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
      expect(bench.runs.filter((r) => r.command === 'erase')).toHaveLength(effectApplied ? 1 : 2);
      expect(bench.handle.world.device(device.ecid)).toMatchObject({
        isSupervised: true,
        organizationName: ORG,
      });
    }, 40_000);
  }

  it('re-attach after prepare (its reboot) continues the same job', async () => {
    const bench = await jobsBench({ world: silent });
    const device = bench.handle.world.attach({ paired: true });
    bench.handle.world.injectFault(
      { kind: 'disconnect', effectApplied: true, reattachAfterSeconds: 30 },
      { command: 'prepare' },
    );
    const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
    expect(jobs).toHaveLength(1);
    // Sent once: tries the device refused as busy while it settled after the erase did nothing.
    const sent = (command: string) =>
      bench.runs.filter((r) => r.command === command && r.errorCode !== 'device-busy');
    expect(sent('prepare')).toHaveLength(1);
    expect(sent('erase')).toHaveLength(1);
  });

  const steps = presetWorkflows.find((w) => w.id === SUPERVISE_AND_ENROLL)?.steps ?? [];
  for (const [index, step] of steps.entries()) {
    it(`unplugged during step ${index + 1} (${step.kind}) and plugged back in: the same job finishes`, async () => {
      const bench = await jobsBench({ world: silent });
      const world = bench.handle.world;
      const device = world.attach({ paired: true });
      await until(bench, (j) => (jobOf(j, device.ecid)?.stepIndex ?? -1) >= index, 30_000);
      world.detach(device.ecid);
      await new Promise((resolve) => setTimeout(resolve, 150));
      world.attach({ ecid: device.ecid });
      const jobs = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
      expect(jobs).toHaveLength(1);
      expect(world.device(device.ecid)).toMatchObject({ isSupervised: true, organizationName: ORG });
      expectNoOverlap(bench.runs);
    }, 40_000);
  }

  it('an unplugged device waits for "plug it back", and the cap is lowered when devices keep dropping', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE, settings: { concurrency: 8 } });
    const world = bench.handle.world;
    const devices = Array.from({ length: 3 }, () => world.attach({ paired: true }));
    // Waiting for approval on the device: an unplug now is not the job's own reboot.
    await until(
      bench,
      (j) => j.length === 3 && j.every((x) => x.waiting?.reason === 'approve-profile'),
      30_000,
    );
    for (const d of devices) world.detach(d.ecid);
    const jobs = await until(bench, (j) => j.every((x) => x.waiting?.reason === 'reconnect-device'));
    expect(jobs[0]?.waiting?.instruction).toMatch(/plug it back/);
    const run = bench.board.runStatus();
    expect(run.concurrency).toBe(4);
    expect(run.concurrencyNote).toMatch(/Lowered to 4 .*3 devices dropped off USB/);
    for (const d of devices) world.attach({ ecid: d.ecid });
    await until(bench, (j) => j.every((x) => x.waiting?.reason === 'approve-profile'));
    for (const d of devices) world.approveProfile(d.ecid);
    await until(bench, (j) => j.every((x) => x.phase === 'succeeded'), 30_000);
  }, 40_000);
});
