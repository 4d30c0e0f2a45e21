/**
 * The cart's outcome, from the jobs on the bench: when it is done, and which devices failed with what.
 */
import { useMemo } from 'react';
import type { Device } from '../../preload/domain';
import { countJobs, countStateOf, isActiveState } from '../../preload/counts';
import type { JobCounts, JobView } from '../../preload/jobs-domain';
import type { BenchState } from '../state/bench-state';
import { useBench } from '../state/bench-store';

/**
 * The jobs on this screen counted by the one counter (preload/counts.ts): the header, Results and the cart's
 * done strip all read this, so they cannot disagree.
 */
export function useJobCounts(): JobCounts {
  const jobs = useBench((s) => s.jobs);
  return useMemo(() => countJobs(Object.values(jobs)), [jobs]);
}

/** A cart is done when something ended and nothing is still going. */
export function isCartDone(state: BenchState): boolean {
  const jobs = Object.values(state.jobs);
  return (
    jobs.length > 0 &&
    jobs.every((j) => !isActiveState(countStateOf(j.phase))) &&
    jobs.some((j) => j.phase !== 'skipped')
  );
}

export interface FailedRow {
  readonly job: JobView;
  readonly device?: Device;
}

export function failedRows(jobs: BenchState['jobs'], devices: readonly Device[]): FailedRow[] {
  return Object.values(jobs)
    .filter((j) => countStateOf(j.phase) === 'failed')
    .map((job) => ({ job, device: devices.find((d) => d.ecid === job.ecid) }))
    .sort((a, b) =>
      (a.device?.portLabel ?? '').localeCompare(b.device?.portLabel ?? '', undefined, { numeric: true }),
    );
}
