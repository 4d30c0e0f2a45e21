import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../main/log/log-query';
import type { LogOutcome, LogRecord } from '../../../preload/log-domain';
import { makeRecord } from './journal-fixtures';

/** Device `d`'s attempt number `a` (each Retry is a new job and a new record), ending `outcome`. */
function attempt(d: number, a: number, outcome: LogOutcome): LogRecord {
  const device = makeRecord(d);
  const startedAt = device.startedAt + a * 600_000;
  return {
    ...device,
    jobId: `job-${d}-${a}`,
    startedAt,
    finishedAt: startedAt + 300_000,
    outcome,
  };
}

describe('summarize counts devices, with attempts apart (issue 21 item 4)', () => {
  it('a device that failed twice and then succeeded on Retry is prepared, not failed', () => {
    const records = [
      attempt(1, 0, 'failed'),
      attempt(1, 1, 'failed'),
      attempt(1, 2, 'succeeded'),
      attempt(2, 0, 'failed'),
      attempt(2, 1, 'succeeded'),
      attempt(3, 0, 'failed'),
      attempt(4, 0, 'succeeded'),
    ];
    expect(summarize(records)).toMatchObject({
      devices: 4,
      prepared: 3,
      failed: 1,
      attempts: 7,
      failedAttempts: 4,
      retriedThenSucceeded: 2,
    });
  });

  it('takes the last attempt by time, whatever order the records come in', () => {
    const records = [attempt(1, 1, 'succeeded'), attempt(1, 0, 'failed')];
    expect(summarize(records)).toMatchObject({ prepared: 1, failed: 0, retriedThenSucceeded: 1 });
    expect(summarize([attempt(1, 1, 'interrupted'), attempt(1, 0, 'succeeded')])).toMatchObject({
      prepared: 0,
      failed: 1,
      retriedThenSucceeded: 0,
    });
  });

  it('property: every device is counted once, in the state of its last attempt', () => {
    const outcome = fc.constantFrom<LogOutcome>('succeeded', 'failed', 'skipped', 'cancelled', 'interrupted');
    const log = fc.array(fc.record({ device: fc.integer({ min: 0, max: 12 }), outcome }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(log, (entries) => {
        const seen = new Map<number, number>();
        const records = entries.map(({ device, outcome: o }) => {
          const a = seen.get(device) ?? 0;
          seen.set(device, a + 1);
          return attempt(device, a, o);
        });
        const s = summarize(records);
        expect(s.devices).toBe(seen.size);
        expect(s.prepared + s.failed + s.skipped + s.cancelled).toBe(s.devices);
        expect(s.attempts).toBe(records.length);
        expect(s.failedAttempts).toBe(
          records.filter((r) => r.outcome === 'failed' || r.outcome === 'interrupted').length,
        );
        // The state of each device is its last entry's.
        const lastOf = new Map<number, LogOutcome>();
        for (const e of entries) lastOf.set(e.device, e.outcome);
        const last = [...lastOf.values()];
        expect(s.prepared).toBe(last.filter((o) => o === 'succeeded').length);
        expect(s.failed).toBe(last.filter((o) => o === 'failed' || o === 'interrupted').length);
        expect(s.retriedThenSucceeded).toBeLessThanOrEqual(Math.min(s.prepared, s.failedAttempts));
      }),
    );
  });
});
