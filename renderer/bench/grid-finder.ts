/**
 * What the grid toolbar decides on, pure so every rule is tested without rendering: which devices match the
 * search and the state filter, in which order, and which device needing a person comes next.
 */
import type { Device, Ecid } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';

export type StateFilter = 'all' | 'needs-you' | 'failed' | 'working' | 'done';
export type GridSort = 'port' | 'state';

export const stateFilterWords: Readonly<Record<StateFilter, string>> = {
  all: 'All devices',
  'needs-you': 'Needs you',
  failed: 'Failed',
  working: 'Working',
  done: 'Done',
};

/** The filter a job's phase falls under (a device without a job is "working": the bench reads it). */
export function stateOf(job: JobView | undefined): Exclude<StateFilter, 'all'> {
  switch (job?.phase) {
    case 'waiting-for-operator':
      return 'needs-you';
    case 'failed':
    case 'interrupted':
      return 'failed';
    case 'succeeded':
    case 'skipped':
    case 'cancelled':
      return 'done';
    case 'queued':
    case 'countdown':
    case 'running':
    case 'waiting-for-reattach':
    case undefined:
      return 'working';
  }
}

/** Needs you first, then failed, working, done: what a person should look at, in that order. */
const stateRank: Readonly<Record<Exclude<StateFilter, 'all'>, number>> = {
  'needs-you': 0,
  failed: 1,
  working: 2,
  done: 3,
};

/** Whether the search text is in the serial, our name, the device's own name, the ECID or the port. */
export function matchesSearch(device: Device, job: JobView | undefined, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === '') return true;
  return [device.serialNumber, job?.serialNumber, job?.finalName, device.name, device.ecid, device.portLabel]
    .filter((field): field is string => typeof field === 'string')
    .some((field) => field.toLowerCase().includes(needle));
}

/** `ordered` is already in port order; sorting by state keeps port order within each state. */
export function findDevices(
  ordered: readonly Device[],
  jobs: Readonly<Record<Ecid, JobView>>,
  query: { readonly search: string; readonly filter: StateFilter; readonly sort: GridSort },
): Device[] {
  const shown = ordered.filter(
    (d) =>
      (query.filter === 'all' || stateOf(jobs[d.ecid]) === query.filter) &&
      matchesSearch(d, jobs[d.ecid], query.search),
  );
  if (query.sort === 'port') return shown;
  return shown
    .map((device, index) => ({ device, index, rank: stateRank[stateOf(jobs[device.ecid])] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ device }) => device);
}

/** The next device after `current` (in the order shown) that needs a person, wrapping around; or none. */
export function nextNeedingYou(
  shown: readonly Device[],
  jobs: Readonly<Record<Ecid, JobView>>,
  current: Ecid | undefined,
): Ecid | undefined {
  const needing = shown.filter((d) => stateOf(jobs[d.ecid]) === 'needs-you').map((d) => d.ecid);
  if (needing.length === 0) return undefined;
  const at = current === undefined ? -1 : shown.findIndex((d) => d.ecid === current);
  const after = needing.find((ecid) => shown.findIndex((d) => d.ecid === ecid) > at);
  return after ?? needing[0];
}
