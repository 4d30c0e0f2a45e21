/**
 * The board's wiring of the last read, on the simulator: the erase decides on the arrival read, a refused
 * command is sent again with no read in between, and every change is still judged by a re-read after it.
 */
import { describe, expect, it } from 'vitest';
import { jobsBench, until, type RunInterval } from './jobs-sim-harness';

const CHANGING = new Set(['erase', 'prepare', 'install-profile', 'rename']);

describe('what a job on the board asks the device', () => {
  it('decides on the arrival read, sends a refused command again without reading, and re-reads every change', async () => {
    // A generous age limit: on a loaded machine the 5 ms countdown must not age the arrival read out. A long
    // settle (1 s of wall time, inside the busy window of 1.8 s) so prepare and install surely meet it.
    const bench = await jobsBench({
      world: { quirks: { mdmSilentOnSupervised: true }, timings: { bootSettleSeconds: 250 } },
      timings: { lastReadMaxAgeMs: 60_000 },
    });
    const device = bench.handle.world.attach({ deviceClass: 'iPad', paired: true });
    await until(bench, (j) => j.length === 1 && j[0]?.phase === 'succeeded', 30_000);

    const runs = bench.runs.filter((r) => r.ecid?.toLowerCase() === device.ecid.toLowerCase());
    const arrival = runs.findIndex((r) => r.command === 'get' && r.args.includes('batteryCurrentCapacity'));
    const erase = runs.findIndex((r) => r.command === 'erase');
    expect(arrival).toBeGreaterThanOrEqual(0);
    expect(erase).toBeGreaterThan(arrival);
    // The device watcher's own serial read may come in between; the job's guard does not ask again.
    const asked = runs.slice(arrival + 1, erase).filter((r) => r.command === 'get');
    expect(asked.filter((r) => r.args.includes('isSupervised'))).toEqual([]);

    const refused = runs
      .map((run, i) => ({ run, next: runs[i + 1] }))
      .filter(({ run }) => CHANGING.has(run.command) && run.errorCode === 'device-busy');
    expect(refused.length).toBeGreaterThan(0);
    for (const { run, next } of refused) expect(next?.command).toBe(run.command);

    const unjudged = runs.flatMap((run: RunInterval, i) => {
      if (!CHANGING.has(run.command) || run.errorCode === 'device-busy') return [];
      const after = runs.slice(i + 1).find((r) => r.command === 'get' || CHANGING.has(r.command));
      return after?.command === 'get' ? [] : [`${run.command} #${i}`];
    });
    expect(unjudged).toEqual([]);
  }, 60_000);
});
