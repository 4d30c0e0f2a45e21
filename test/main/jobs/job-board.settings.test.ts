/** Settings saved while the bench runs: the cap, the countdown, the ignore list and the station name. */
import { describe, expect, it } from 'vitest';
import type { LiveJobSettings } from '../../../main/jobs/job-board-types';
import type { JournalEntry } from '../../../main/journal/journal-entry';
import { jobOf, jobsBench, until } from './jobs-sim-harness';

const saved: LiveJobSettings = {
  concurrency: 3,
  countdownSeconds: 60,
  countdownMs: 60_000,
  ignoreSerials: [],
  ignoreEcids: ['0x1234ABCD5678'],
  stationName: 'Cart room 2',
};

describe('settings applied while the bench runs', () => {
  it('the header shows the new cap and countdown at once', async () => {
    const bench = await jobsBench({ settings: { armed: false } });
    const run = bench.board.applySettings(saved);
    expect(run).toMatchObject({ concurrency: 3, countdownSeconds: 60 });
    expect(run.concurrencyNote).toBeUndefined();
    expect(bench.board.snapshot().run).toMatchObject({ concurrency: 3, countdownSeconds: 60 });
  });

  it('a device that arrives afterwards counts down the new time, or is left alone when ignored', async () => {
    const bench = await jobsBench();
    bench.board.applySettings(saved);
    const ignored = bench.handle.world.attach({ paired: true, ecid: '0x1234ABCD5678' });
    const counted = bench.handle.world.attach({ paired: true });
    const jobs = await until(
      bench,
      (j) => jobOf(j, ignored.ecid)?.phase === 'skipped' && jobOf(j, counted.ecid)?.phase === 'countdown',
    );
    expect(jobOf(jobs, ignored.ecid)?.skipReason).toBe('ignore-list');
    // Five clock-milliseconds before the save; a minute after it.
    expect((jobOf(jobs, counted.ecid)?.countdownEndsAt ?? 0) - Date.now()).toBeGreaterThan(30_000);
  });

  it('a job that ends after the save is recorded under the new station name', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    bench.board.applySettings({ ...saved, countdownMs: 5, ignoreEcids: [] });
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    const ended = (bench.journal.entries as JournalEntry[]).filter((e) => e.kind === 'job-ended');
    expect(ended).toMatchObject([{ record: { stationName: 'Cart room 2', outcome: 'succeeded' } }]);
  }, 40_000);
});
