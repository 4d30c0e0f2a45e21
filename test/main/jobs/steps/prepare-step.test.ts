/**
 * The prepare step on the simulator behaving as real captures show (issue 20 items 1 and 2): a prepare that
 * forbids pairing is sent with the supervision identity and every later command carries it; "The device is
 * not activated." is retried, then the device is erased and prepared once more, and only then is the operator
 * told, without the Find My words that belong to Activation Lock alone.
 */
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { sameEcid } from '../../../../main/cfgutil/ecid';
import { INSTRUCTIONS } from '../../../../main/jobs/guidance';
import { jobOf, jobsBench, until } from '../jobs-sim-harness';

// Simulated carts on a loaded 2-core machine: the harness waits up to 30 s per job, so the test may too.
describe('prepare step against captured cfgutil behaviour', { timeout: 60_000 }, () => {
  it('supervise-and-enroll (pairing forbidden) succeeds: prepare and every later read carry -C/-K', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true });
    const done = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    expect(jobOf(done, device.ecid)?.error).toBeUndefined();
    const state = bench.handle.world.device(device.ecid);
    expect(state).toMatchObject({ isSupervised: true, pairingForbidden: true });
    // The simulator answers a forbidding prepare without -C/-K with −402653030, and every later command
    // without them with "pairing prohibited": no run after the prepare met that code.
    const prepared = bench.runs.findIndex((r) => sameEcid(r.ecid, device.ecid) && r.command === 'prepare');
    expect(prepared).toBeGreaterThanOrEqual(0);
    const after = bench.runs.slice(prepared).filter((r) => sameEcid(r.ecid, device.ecid));
    expect(after.length).toBeGreaterThan(1);
    expect(after.filter((r) => r.errorCode === 'pairing-prohibited')).toEqual([]);
  });

  it('"not activated" a few times is transient: retried with back-off, no erase, the job succeeds', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true, notActivatedPrepares: 2 });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    const mine = bench.runs.filter((r) => sameEcid(r.ecid, device.ecid));
    expect(mine.filter((r) => r.errorCode === 'not-activated')).toHaveLength(2);
    // Only the workflow's own erase: the retries alone were enough.
    expect(mine.filter((r) => r.command === 'erase')).toHaveLength(1);
  });

  it('"not activated" past the retries: erase once and prepare again, which then succeeds', async () => {
    const bench = await jobsBench({
      world: { quirks: { mdmSilentOnSupervised: true } },
      timings: { transient: { baseMs: 1, maxMs: 4, attempts: 3 } },
    });
    const device = bench.handle.world.attach({ paired: true, notActivatedPrepares: 3 });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    const mine = bench.runs.filter((r) => sameEcid(r.ecid, device.ecid));
    expect(mine.filter((r) => r.errorCode === 'not-activated')).toHaveLength(3);
    expect(mine.filter((r) => r.command === 'erase')).toHaveLength(2);
    const lastErase = mine.map((r) => r.command).lastIndexOf('erase');
    expect(mine.slice(lastErase).some((r) => r.command === 'prepare' && r.errorCode === undefined)).toBe(
      true,
    );
  });

  it('"not activated" that never clears: the operator is told, without the Activation Lock instruction', async () => {
    const bench = await jobsBench({
      world: { quirks: { mdmSilentOnSupervised: true } },
      timings: { transient: { baseMs: 1, maxMs: 4, attempts: 2 } },
    });
    const device = bench.handle.world.attach({ paired: true, notActivatedPrepares: 100 });
    const failed = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'failed', 30_000);
    const job = jobOf(failed, device.ecid);
    expect(job?.error?.code).toBe('not-activated');
    expect(job?.error?.detail).toMatch(/online/);
    expect(job?.error?.detail).not.toMatch(/Find My/);
    expect(job?.waiting?.reason).not.toBe('activation-lock');
    const mine = bench.runs.filter((r) => sameEcid(r.ecid, device.ecid));
    // 2 tries, the erase, 1 more try: exactly one extra erase, and it never waited for Find My.
    expect(mine.filter((r) => r.command === 'erase')).toHaveLength(2);
    expect(mine.filter((r) => r.errorCode === 'not-activated')).toHaveLength(3);
    expect(INSTRUCTIONS['activation-lock']).toMatch(/Find My/);
  });
  it('-402653030 after a prepare whose re-read with the identity still fails: one clear failure, no loop', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    // A damaged private key: cfgutil cannot use the identity, so the forbidding prepare loses the pairing.
    await writeFile(bench.identity.keyPath, '');
    const device = bench.handle.world.attach({ paired: true });
    const failed = await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'failed', 30_000);
    expect(jobOf(failed, device.ecid)?.error?.code).toBe('pairing-prohibited');
    expect(jobOf(failed, device.ecid)?.error?.detail).toMatch(/identity/);
    // Tries refused as busy while the device settles changed nothing: only prepares it took count.
    const prepares = bench.runs.filter(
      (r) => sameEcid(r.ecid, device.ecid) && r.command === 'prepare' && r.errorCode !== 'device-busy',
    );
    expect(prepares).toHaveLength(1);
  });
});
