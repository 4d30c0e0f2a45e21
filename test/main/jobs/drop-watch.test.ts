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
      note: "Lowered to 4 heavy steps at once: 3 devices dropped off USB mid-step within 1 min. Check the hubs' power and the cables.",
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
});
