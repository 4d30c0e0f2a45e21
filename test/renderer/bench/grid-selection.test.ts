import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JobPhase, JobView, OperatorReason } from '../../../preload/jobs-domain';
import {
  bulkActions,
  bulkOffer,
  bulkTargets,
  cardOffers,
  keepPresent,
  noSelection,
  selectAll,
  selectRange,
  toggle,
  type GridSelection,
} from '../../../renderer/bench/grid-selection';
import { describeJob } from '../../../renderer/bench/job-status';
import { job } from '../store-fixtures';

const ecids = Array.from({ length: 12 }, (_, i) => `0x${(0x1000 + i + 1).toString(16).toUpperCase()}`);

const phases: JobPhase[] = [
  'queued',
  'countdown',
  'running',
  'waiting-for-reattach',
  'waiting-for-operator',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
];
const reasons: OperatorReason[] = [
  'tap-trust',
  'approve-profile',
  'in-use',
  'reconnect-device',
  'cannot-tell',
];

const arbJob = (n: number) =>
  fc
    .record({ phase: fc.constantFrom(...phases), reason: fc.constantFrom(...reasons) })
    .map(({ phase, reason }): JobView =>
      job(n, {
        phase,
        ...(phase === 'waiting-for-operator'
          ? { waiting: { reason, instruction: 'Do the thing.', since: 1 } }
          : {}),
      }),
    );

/** A click script: plain or shift clicks on positions in a shown order. */
const arbClicks = fc.array(fc.record({ at: fc.nat(11), shift: fc.boolean() }), { maxLength: 20 });

function play(shown: readonly string[], clicks: readonly { at: number; shift: boolean }[]): GridSelection {
  let selection = noSelection;
  for (const click of clicks) {
    const ecid = shown[click.at % shown.length]!;
    selection = click.shift ? selectRange(selection, shown, ecid) : toggle(selection, ecid);
  }
  return selection;
}

describe('grid selection', () => {
  it('a click flips one device; a shift-click selects the range from the last click in the order shown', () => {
    const shown = ecids.slice(0, 6);
    let s = toggle(noSelection, shown[1]!);
    expect([...s.selected]).toEqual([shown[1]]);
    s = selectRange(s, shown, shown[4]!);
    expect([...s.selected].sort()).toEqual(shown.slice(1, 5).sort());
    // Backwards from the same anchor adds the other side.
    s = selectRange(s, shown, shown[0]!);
    expect(s.selected.has(shown[0]!)).toBe(true);
    s = toggle(s, shown[2]!);
    expect(s.selected.has(shown[2]!)).toBe(false);
  });

  it('a shift-click whose anchor is hidden (filtered out) selects only the device clicked', () => {
    const s = toggle(noSelection, ecids[0]!);
    const shown = ecids.slice(3, 8);
    const next = selectRange(s, shown, shown[3]!);
    expect([...next.selected].sort()).toEqual([ecids[0], shown[3]].sort());
  });

  it('property: clicks in any order never select a device outside the range of the order shown', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 11 }),
        arbClicks,
        (n, start, clicks) => {
          const shown = ecids.slice(Math.min(start, 12 - n), Math.min(start, 12 - n) + n);
          const selection = play(shown, clicks);
          for (const ecid of selection.selected) expect(shown).toContain(ecid);
          // And exactly: a plain-click-only script selects the devices clicked an odd number of times.
          if (clicks.every((c) => !c.shift)) {
            const odd = shown.filter(
              (e) => clicks.filter((c) => shown[c.at % shown.length] === e).length % 2 === 1,
            );
            expect([...selection.selected].sort()).toEqual(odd.sort());
          }
        },
      ),
    );
  });

  it('property: a shift-click selects exactly the span between anchor and click, added to what was selected', () => {
    fc.assert(
      fc.property(arbClicks, fc.nat(11), fc.nat(11), (before, a, b) => {
        const shown = ecids;
        const start = toggle(play(shown, before), shown[a]!);
        const after = selectRange(start, shown, shown[b]!);
        const span = shown.slice(Math.min(a, b), Math.max(a, b) + 1);
        expect([...after.selected].sort()).toEqual([...new Set([...start.selected, ...span])].sort());
      }),
    );
  });

  it('survives filtering (it holds ECIDs, not positions) and drops devices that leave the bench', () => {
    const s = selectAll(noSelection, ecids.slice(0, 4));
    expect(keepPresent(s, new Set(ecids))).toBe(s);
    const kept = keepPresent(toggle(s, ecids[2]!), new Set([ecids[0]!, ecids[1]!]));
    expect([...kept.selected].sort()).toEqual([ecids[0], ecids[1]].sort());
    expect(kept.anchor).toBeUndefined();
  });

  it('offers each bulk action the card offers, with its count; Start now is never a device in use’s Erase', () => {
    const jobs = {
      [ecids[0]!]: job(1, { phase: 'failed' }),
      [ecids[1]!]: job(2, { phase: 'failed' }),
      [ecids[2]!]: job(3, { phase: 'running' }),
      [ecids[3]!]: job(4, {
        phase: 'waiting-for-operator',
        waiting: { reason: 'in-use', instruction: 'It is in use.', since: 1 },
      }),
      [ecids[4]!]: job(5, { phase: 'queued' }),
    };
    const s = selectAll(noSelection, ecids.slice(0, 5));
    expect(bulkOffer(s, jobs, true)).toEqual([
      { action: 'retry', count: 2 },
      { action: 'cancel', count: 2 },
      { action: 'skip', count: 3 },
    ]);
    // Not armed: the queued card offers Start now; the in-use card's Start now (Erase) is still left out.
    expect(bulkTargets(s, jobs, 'start-now', false)).toEqual([ecids[4]]);
    expect(cardOffers(jobs[ecids[3]!], 'skip', true)).toBe(true);
    expect(cardOffers(undefined, 'cancel', true)).toBe(false);
  });

  it('property: bulk targets ⊆ selected ∩ devices whose card offers the action now', () => {
    const arbJobs = fc.tuple(...ecids.map((_, i) => fc.option(arbJob(i + 1), { nil: undefined })));
    fc.assert(
      fc.property(arbJobs, arbClicks, fc.boolean(), (list, clicks, armed) => {
        const jobs = Object.fromEntries(
          list.flatMap((j, i) => (j ? [[ecids[i]!, { ...j, ecid: ecids[i]! }] as const] : [])),
        );
        const selection = play(ecids, clicks);
        for (const action of bulkActions) {
          const targets = bulkTargets(selection, jobs, action, armed, ecids);
          for (const ecid of targets) {
            expect(selection.selected.has(ecid)).toBe(true);
            const j = jobs[ecid]!;
            expect(describeJob(j, undefined, armed).actions).toContain(action);
            if (action === 'start-now') expect(j.waiting?.reason).not.toBe('in-use');
          }
          // And nothing offering is left out.
          const missed = [...selection.selected].filter(
            (e) => !targets.includes(e) && cardOffers(jobs[e], action, armed),
          );
          expect(missed).toEqual([]);
        }
      }),
    );
  });
});
