/**
 * The waits for a person, on the simulator: each shows its exact instruction, and the job goes on by itself
 * once the device shows the effect (or, where cfgutil cannot see it, on the operator's Retry).
 */
import { describe, expect, it } from 'vitest';
import { INSTRUCTIONS, TRUST_DENIED_INSTRUCTION } from '../../../main/jobs/guidance';
import { ENROLL_IN_PLACE } from '../../../main/jobs/workflow/presets';
import { expectNoOverlap, jobOf, jobsBench, until } from './jobs-sim-harness';

describe('guidance and automatic continuation', () => {
  it('enroll-in-place: 625 waits with the approval instruction and goes on once the profile shows', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE });
    const device = bench.handle.world.attach({ paired: true });
    const waiting = await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'approve-profile');
    expect(jobOf(waiting, device.ecid)?.waiting?.instruction).toBe(INSTRUCTIONS['approve-profile']);
    expect(bench.handle.world.device(device.ecid)?.pendingProfiles.map((p) => p.identifier)).toEqual([
      bench.profile.payloadIdentifier,
    ]);
    bench.handle.world.approveProfile(device.ecid);
    const done = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
    expect(jobOf(done, device.ecid)?.finalName).toMatch(/-/);
    expectNoOverlap(bench.runs);
  });

  it('enroll-in-place with approvals made on the devices: a few devices all succeed', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE, world: { autoApproveSeconds: 20 } });
    const devices = Array.from({ length: 4 }, () => bench.handle.world.attach({ paired: true }));
    await until(bench, (j) => j.length === 4 && j.every((x) => x.phase === 'succeeded'));
    for (const d of devices) {
      expect(bench.handle.world.device(d.ecid)?.profiles.map((p) => p.identifier)).toContain(
        bench.profile.payloadIdentifier,
      );
    }
  });

  it('Trust pending waits for the tap, then pairs and goes on', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE, world: { autoApproveSeconds: 5 } });
    const device = bench.handle.world.attach({ paired: false });
    const waiting = await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'tap-trust');
    expect(jobOf(waiting, device.ecid)?.waiting?.instruction).toBe(
      'Tap Trust on the device and enter its passcode.',
    );
    bench.handle.world.tapTrust(device.ecid, true);
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
  });

  it('Trust denied says so, asks again, and goes on after Trust', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE, world: { autoApproveSeconds: 5 } });
    const device = bench.handle.world.attach({ paired: false });
    await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'tap-trust');
    bench.handle.world.tapTrust(device.ecid, false);
    await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.instruction === TRUST_DENIED_INSTRUCTION);
    await until(bench, () => bench.handle.world.device(device.ecid)?.trust === 'shown');
    bench.handle.world.tapTrust(device.ecid, true);
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
  });

  it('a passcode-locked device waits for "Unlock the device", then goes on', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true, passcodeLocked: true });
    const waiting = await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'unlock-device');
    expect(jobOf(waiting, device.ecid)?.waiting?.instruction).toMatch(/^Unlock the device/);
    expect(bench.runs.filter((r) => r.ecid === device.ecid && r.command === 'erase')).toEqual([]);
    bench.handle.world.unlock(device.ecid);
    // It has a passcode, so it is somebody's device: erased only on the person's word (issue 19).
    const asking = await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'in-use');
    expect(jobOf(asking, device.ecid)?.waiting?.instruction).toMatch(/^In use: erase '/);
    expect(bench.runs.filter((r) => r.ecid === device.ecid && r.command === 'erase')).toEqual([]);
    bench.board.jobAction(device.ecid, 'start-now');
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
  });

  it('Activation Lock is explained; after Find My is off, Retry goes on', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true, findMy: true });
    const waiting = await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'activation-lock');
    expect(jobOf(waiting, device.ecid)?.waiting?.instruction).toMatch(/Find My.*this bench cannot/);
    bench.handle.world.setFindMy(device.ecid, false);
    bench.board.jobAction(device.ecid, 'retry');
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
  });

  it('a person who never acts: the wait is bounded and the job fails with the instruction kept in its error', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE, scale: 0.0005 });
    const device = bench.handle.world.attach({ paired: true });
    const failed = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'failed', 30_000);
    expect(jobOf(failed, device.ecid)?.error).toMatchObject({
      code: 'needs-user-approval',
      title: 'The profile was not approved',
    });
  }, 40_000);
});
