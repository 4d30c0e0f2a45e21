/**
 * The cap record of `run --json`: the lowest cap is the lowest the board ever announced, and every time the
 * bench (not the operator) brought the cap down is listed, whatever the order of lowerings and raises.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunCapRecord } from '../../../main/cli/run-cap';

describe('RunCapRecord', () => {
  it('nothing seen, nothing to report', () => {
    expect(new RunCapRecord().report()).toBeUndefined();
  });

  it('a run that never lowered: the setting throughout, no note', () => {
    const record = new RunCapRecord();
    for (let i = 0; i < 5; i++) record.see({ concurrency: 8, concurrencySetting: 8 });
    expect(record.report()).toEqual({ setting: 8, inForceAtEnd: 8, lowestInForce: 8, lowered: [] });
  });

  it('lists each lowering with its note; a raise and its note are not one; the operator’s own change is not one', () => {
    const record = new RunCapRecord();
    record.see({ concurrency: 8, concurrencySetting: 8 });
    record.see({
      concurrency: 4,
      concurrencySetting: 8,
      concurrencyNote: 'Lowered to 4 heavy steps at once',
    });
    record.see({
      concurrency: 4,
      concurrencySetting: 8,
      concurrencyNote: 'Lowered to 4 heavy steps at once',
    });
    record.see({
      concurrency: 2,
      concurrencySetting: 8,
      concurrencyNote: 'Lowered to 2 heavy steps at once',
    });
    record.see({ concurrency: 4, concurrencySetting: 8, concurrencyNote: 'Stepping back up: 4' });
    record.see({ concurrency: 8, concurrencySetting: 8 });
    record.see({ concurrency: 6, concurrencySetting: 6 });
    expect(record.report()).toEqual({
      setting: 6,
      inForceAtEnd: 6,
      lowestInForce: 2,
      lowered: ['Lowered to 4 heavy steps at once', 'Lowered to 2 heavy steps at once'],
    });
  });

  it('the lowest is the minimum announced, and a lowering below the setting is always listed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 30 }),
        (setting, caps) => {
          const record = new RunCapRecord();
          const seen = caps.map((c) => Math.min(c, setting));
          for (const concurrency of seen) record.see({ concurrency, concurrencySetting: setting });
          const report = record.report();
          expect(report?.lowestInForce).toBe(Math.min(...seen));
          expect(report?.inForceAtEnd).toBe(seen.at(-1));
          const descents = seen.filter((c, i) => i > 0 && c < (seen[i - 1] ?? c)).length;
          expect(report?.lowered).toHaveLength(descents);
          // A run that starts at the setting: "never lowered" and "lowest is the setting" are one fact.
          if (seen[0] === setting)
            expect(report?.lowered.length === 0).toBe(report?.lowestInForce === setting);
        },
      ),
    );
  });
});
