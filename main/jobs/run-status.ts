/** The bench header's numbers from the jobs' views (pure). */
import type { JobCounts, JobView, RunStatus } from '../../preload/jobs-domain';

export function countJobs(jobs: readonly JobView[]): JobCounts {
  const counts = { queued: 0, running: 0, waitingForOperator: 0, succeeded: 0, failed: 0, other: 0 };
  for (const job of jobs) {
    if (job.phase === 'queued' || job.phase === 'countdown') counts.queued += 1;
    else if (job.phase === 'running' || job.phase === 'waiting-for-reattach') counts.running += 1;
    else if (job.phase === 'waiting-for-operator') counts.waitingForOperator += 1;
    else if (job.phase === 'succeeded') counts.succeeded += 1;
    else if (job.phase === 'failed') counts.failed += 1;
    else counts.other += 1;
  }
  return counts;
}

/** What the board itself decides; the counts, rate and ETA are derived from the jobs. */
export type RunState = Omit<RunStatus, 'counts' | 'devicesPerHour' | 'cartEtaMs'>;

/**
 * Devices per hour from the jobs succeeded since `since`; the cart's ETA as the longest job's time left
 * plus the queued jobs' expected time shared across the cap.
 */
export function runStatusOf(
  state: RunState,
  jobs: readonly JobView[],
  since: number | undefined,
  now: number,
  expectedJobMs: number,
): RunStatus {
  const counts = countJobs(jobs);
  const hours = since === undefined ? 0 : (now - since) / 3_600_000;
  const longest = Math.max(0, ...jobs.map((j) => j.etaMs ?? 0));
  const queuedMs = (counts.queued * expectedJobMs) / Math.max(1, state.concurrency);
  // Not armed, queued devices wait for the operator: no time to finish can be promised for them.
  const busy = counts.running > 0 || (counts.queued > 0 && state.armed);
  return {
    ...state,
    counts,
    ...(hours > 0 && counts.succeeded > 0
      ? { devicesPerHour: Math.round((counts.succeeded / hours) * 10) / 10 }
      : {}),
    ...(busy ? { cartEtaMs: Math.round(longest + queuedMs) } : {}),
  };
}
