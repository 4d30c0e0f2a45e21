import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DropWatch } from '../../../main/jobs/drop-watch';

const timings = { dropWindowMs: 60_000, dropsToLowerCap: 3 };

function watch() {
  const clock = { at: 0, now: () => clock.at };
  return { clock, drops: new DropWatch(timings, clock) };
}

describe('DropWatch', () => {
  it('halves the cap on the third drop within the window, and says why', () => {
    const { clock, drops } = watch();
    expect(drops.noteDrop(8)).toBeUndefined();
    clock.at = 10_000;
    expect(drops.noteDrop(8)).toBeUndefined();
    clock.at = 20_000;
    expect(drops.noteDrop(8)).toEqual({
      limit: 4,
      note: "Lowered to 4 heavy steps at once: 3 devices dropped off USB mid-step within 1 min. Check the hubs' power and the cables. It steps back up after 1 quiet min.",
    });
    // The count starts again after lowering.
    expect(drops.noteDrop(4)).toBeUndefined();
  });

  it('forgets drops older than the window', () => {
    const { clock, drops } = watch();
    drops.noteDrop(8);
    drops.noteDrop(8);
    clock.at = 60_001;
    expect(drops.noteDrop(8)).toBeUndefined();
  });

  it('never lowers below one, and never lowers a cap of one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 20 }),
        (cap, gaps) => {
          const { clock, drops } = watch();
          let limit = cap;
          for (const gap of gaps) {
            clock.at += gap;
            const lowered = drops.noteDrop(limit);
            if (!lowered) continue;
            expect(limit).toBeGreaterThan(1);
            expect(lowered.limit).toBe(Math.max(1, Math.floor(limit / 2)));
            limit = lowered.limit;
          }
          expect(limit).toBeGreaterThanOrEqual(1);
        },
      ),
    );
  });

  it('a lowered cap doubles back to the setting only after a quiet window since the last drop or change', () => {
    const { clock, drops } = watch();
    for (let i = 0; i < 3; i += 1) drops.noteDrop(8);
    // Lowered at 0 to 4: not quiet long enough yet.
    clock.at = 59_999;
    expect(drops.recover(4, 8)).toBeUndefined();
    // A drop that does not lower it still restarts the quiet window.
    drops.noteDrop(4);
    clock.at = 60_000 + 59_998;
    expect(drops.recover(4, 8)).toBeUndefined();
    clock.at = 59_999 + 60_000;
    expect(drops.recover(4, 8)).toEqual({ limit: 8 });
    // At the setting there is nothing to recover.
    clock.at += 600_000;
    expect(drops.recover(8, 8)).toBeUndefined();
  });

  it('steps back up one doubling per quiet window, saying so until it is back at the setting', () => {
    const { clock, drops } = watch();
    for (let i = 0; i < 3; i += 1) drops.noteDrop(8);
    clock.at = 60_000;
    expect(drops.recover(1, 8)).toEqual({
      limit: 2,
      note: 'Stepping back up: 2 heavy steps at once after 1 min without drop-offs.',
    });
    expect(drops.recover(2, 8)).toBeUndefined();
    clock.at = 120_000;
    expect(drops.recover(2, 8)?.limit).toBe(4);
    clock.at = 180_000;
    expect(drops.recover(4, 8)).toEqual({ limit: 8 });
  });

  it('never raises above the setting nor below where it was (any drops, any times)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 90_000 })), { maxLength: 40 }),
        (setting, events) => {
          const { clock, drops } = watch();
          let limit = setting;
          for (const [drop, gap] of events) {
            clock.at += gap;
            if (drop) limit = drops.noteDrop(limit)?.limit ?? limit;
            else {
              const raised = drops.recover(limit, setting);
              if (raised) {
                expect(raised.limit).toBeGreaterThan(limit);
                expect(raised.limit).toBeLessThanOrEqual(setting);
                expect(raised.note === undefined).toBe(raised.limit === setting);
                limit = raised.limit;
              }
            }
          }
        },
      ),
    );
  });
});
