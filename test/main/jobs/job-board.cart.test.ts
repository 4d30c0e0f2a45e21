/** A cart of 30 through supervise-and-enroll on the simulator, silent MDM installs (AGREED-SIM item 2). */
import { describe, expect, it } from 'vitest';
import { expectNoOverlap, jobsBench, ORG, until } from './jobs-sim-harness';

describe('a cart of 30 through supervise-and-enroll', () => {
  it('supervises, enrolls, verifies and renames every device, never two commands at once on one device', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const devices = Array.from({ length: 30 }, () =>
      bench.handle.world.attach({ deviceClass: 'iPad', paired: true }),
    );
    const jobs = await until(
      bench,
      (j) => j.length === 30 && j.every((x) => x.phase === 'succeeded'),
      90_000,
    );
    for (const device of devices) {
      const state = bench.handle.world.device(device.ecid);
      expect(state).toMatchObject({
        isSupervised: true,
        organizationName: ORG,
        name: `iPad-${device.serialNumber}`,
      });
      expect(state?.profiles.map((p) => p.identifier)).toContain(bench.profile.payloadIdentifier);
    }
    expect(jobs.every((j) => j.steps.length === 8 && j.steps.every((s) => s.outcome === 'succeeded'))).toBe(
      true,
    );
    expect(bench.board.runStatus().counts.succeeded).toBe(30);
    expectNoOverlap(bench.runs);
    // Each device was erased exactly once: the re-attach after erase continued the same job.
    const erases = bench.runs.filter((r) => r.command === 'erase');
    expect(erases).toHaveLength(30);
  }, 120_000);
});

describe('a clean cart never lowers the heavy-step cap (issue 21)', () => {
  for (const count of [30, 64]) {
    it(`${count} devices: erase and prepare reboots are expected, not drop-offs; no banner`, async () => {
      const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
      const seen: number[] = [];
      const notes: string[] = [];
      const watch = setInterval(() => {
        const run = bench.board.runStatus();
        seen.push(run.concurrency);
        if (run.concurrencyNote) notes.push(run.concurrencyNote);
      }, 20);
      try {
        for (let i = 0; i < count; i++) bench.handle.world.attach({ deviceClass: 'iPad', paired: true });
        await until(bench, (j) => j.length === count && j.every((x) => x.phase === 'succeeded'), 180_000);
      } finally {
        clearInterval(watch);
      }
      const run = bench.board.runStatus();
      expect(notes).toEqual([]);
      expect(run.concurrencyNote).toBeUndefined();
      expect(new Set(seen)).toEqual(new Set([run.concurrencySetting]));
      expect(run.concurrency).toBe(run.concurrencySetting);
    }, 200_000);
  }
});
