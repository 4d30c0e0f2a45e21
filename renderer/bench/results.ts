/**
 * The cart's outcome, from the jobs on the bench: when it is done, and which devices failed with what.
 */
import type { Device } from '../../preload/domain';
import type { JobPhase, JobView } from '../../preload/jobs-domain';
import type { BenchState } from '../state/bench-state';

const active: ReadonlySet<JobPhase> = new Set([
  'queued',
  'countdown',
  'running',
  'waiting-for-operator',
  'waiting-for-reattach',
]);

export interface CartTally {
  readonly done: number;
  readonly failed: number;
  readonly skipped: number;
  readonly cancelled: number;
  readonly active: number;
}

export function tallyJobs(jobs: readonly JobView[]): CartTally {
  const count = (test: (j: JobView) => boolean) => jobs.filter(test).length;
  return {
    done: count((j) => j.phase === 'succeeded'),
    failed: count((j) => j.phase === 'failed' || j.phase === 'interrupted'),
    skipped: count((j) => j.phase === 'skipped'),
    cancelled: count((j) => j.phase === 'cancelled'),
    active: count((j) => active.has(j.phase)),
  };
}

/** A cart is done when something ended and nothing is still going. */
export function isCartDone(state: BenchState): boolean {
  const jobs = Object.values(state.jobs);
  return (
    jobs.length > 0 && jobs.every((j) => !active.has(j.phase)) && jobs.some((j) => j.phase !== 'skipped')
  );
}

export interface FailedRow {
  readonly job: JobView;
  readonly device?: Device;
}

export function failedRows(jobs: BenchState['jobs'], devices: readonly Device[]): FailedRow[] {
  return Object.values(jobs)
    .filter((j) => j.phase === 'failed' || j.phase === 'interrupted')
    .map((job) => ({ job, device: devices.find((d) => d.ecid === job.ecid) }))
    .sort((a, b) =>
      (a.device?.portLabel ?? '').localeCompare(b.device?.portLabel ?? '', undefined, { numeric: true }),
    );
}
