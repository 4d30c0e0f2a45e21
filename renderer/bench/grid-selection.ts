/**
 * Which devices the operator has selected on the grid, and what a bulk action would act on. A view concern,
 * so it lives in the renderer; pure, so every rule is tested without rendering
 * (test/renderer/bench/grid-selection.test.ts, with properties):
 * - a range (shift-click) is taken from the order the grid shows now, never beyond it;
 * - a bulk action's targets are selected devices whose card offers that action now (the card's own rules,
 *   ./job-status.ts), and main checks each again;
 * - bulk Start now never stands for a device in use's Erase (that answer is the in-use banner's, or the card's).
 */
import type { Ecid } from '../../preload/domain';
import type { JobAction, JobView } from '../../preload/jobs-domain';
import { describeJob } from './job-status';

export interface GridSelection {
  readonly selected: ReadonlySet<Ecid>;
  /** Where a range starts: the last device clicked without Shift. */
  readonly anchor?: Ecid;
}

export const noSelection: GridSelection = { selected: new Set() };

/** The actions the selection bar offers, in the order of its buttons. */
export const bulkActions = ['retry', 'cancel', 'skip', 'start-now'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** A click on a device's select box: it flips, and becomes where a range starts. */
export function toggle(selection: GridSelection, ecid: Ecid): GridSelection {
  const selected = new Set(selection.selected);
  if (selected.has(ecid)) selected.delete(ecid);
  else selected.add(ecid);
  return { selected, anchor: ecid };
}

/**
 * A shift-click: every device between the anchor and `ecid` in the order shown now is selected. With no
 * anchor shown (none yet, or hidden by the search or filter) it is a plain click on `ecid`.
 */
export function selectRange(selection: GridSelection, shown: readonly Ecid[], ecid: Ecid): GridSelection {
  const to = shown.indexOf(ecid);
  const from = selection.anchor === undefined ? -1 : shown.indexOf(selection.anchor);
  if (to < 0) return selection;
  if (from < 0) return toggle(selection, ecid);
  const range = shown.slice(Math.min(from, to), Math.max(from, to) + 1);
  return { selected: new Set([...selection.selected, ...range]), anchor: selection.anchor };
}

/** Adds every device in `ecids` (select all needing you, select all failed). */
export function selectAll(selection: GridSelection, ecids: readonly Ecid[]): GridSelection {
  return { ...selection, selected: new Set([...selection.selected, ...ecids]) };
}

/** Drops the devices that left the bench; the same object when none did, so nothing re-renders. */
export function keepPresent(selection: GridSelection, present: ReadonlySet<Ecid>): GridSelection {
  const kept = [...selection.selected].filter((ecid) => present.has(ecid));
  const anchorGone = selection.anchor !== undefined && !present.has(selection.anchor);
  if (kept.length === selection.selected.size && !anchorGone) return selection;
  return {
    selected: new Set(kept),
    ...(selection.anchor !== undefined && !anchorGone ? { anchor: selection.anchor } : {}),
  };
}

/**
 * Whether a device's card offers `action` now: the full card's actions (the compact card shows fewer, its
 * details show all). `armed` matters for a queued job: only on a bench that is not armed does it offer Start now.
 */
export function cardOffers(job: JobView | undefined, action: JobAction, armed: boolean | undefined): boolean {
  if (!job) return false;
  // A device in use: the card's Start now is its Erase. A bulk Start now must never erase a returned cart.
  if (action === 'start-now' && job.waiting?.reason === 'in-use') return false;
  return describeJob(job, undefined, job.phase === 'queued' ? armed : undefined).actions.includes(action);
}

/** The selected devices a bulk action acts on, in `order` (the grid's order, hidden devices after it). */
export function bulkTargets(
  selection: GridSelection,
  jobs: Readonly<Record<Ecid, JobView>>,
  action: BulkAction,
  armed: boolean | undefined,
  order: readonly Ecid[] = [],
): Ecid[] {
  const inOrder = [
    ...order.filter((ecid) => selection.selected.has(ecid)),
    ...[...selection.selected].filter((ecid) => !order.includes(ecid)),
  ];
  return inOrder.filter((ecid) => cardOffers(jobs[ecid], action, armed));
}

/** Each bulk action that at least one selected device offers now, with how many it would act on. */
export function bulkOffer(
  selection: GridSelection,
  jobs: Readonly<Record<Ecid, JobView>>,
  armed: boolean | undefined,
): { readonly action: BulkAction; readonly count: number }[] {
  return bulkActions
    .map((action) => ({ action, count: bulkTargets(selection, jobs, action, armed).length }))
    .filter((offer) => offer.count > 0);
}
