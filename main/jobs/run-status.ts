/** The bench header's numbers from the jobs' views (pure). */
import type { JobView, RunStatus } from '../../preload/jobs-domain';
import { countJobs } from '../../preload/counts';
import type { TimeLeft } from './cart-eta';

/** What the board itself decides; the counts, rate and ETA are derived from the jobs. */
export type RunState = Omit<RunStatus, 'counts' | 'devicesPerHour' | 'cartEtaMs' | 'cartEtaUnknown'>;

/**
 * Devices per hour from the jobs succeeded since `since`; the cart's time left as ./cart-eta.ts measured it
 * (undefined when nothing is on its way).
 */
export function runStatusOf(
  state: RunState,
  jobs: readonly JobView[],
  since: number | undefined,
  now: number,
  timeLeft: TimeLeft | undefined,
): RunStatus {
  const counts = countJobs(jobs);
  const hours = since === undefined ? 0 : (now - since) / 3_600_000;
  return {
    ...state,
    counts,
    ...(hours > 0 && counts.succeeded > 0
      ? { devicesPerHour: Math.round((counts.succeeded / hours) * 10) / 10 }
      : {}),
    ...(timeLeft === undefined
      ? {}
      : timeLeft.known
        ? { cartEtaMs: timeLeft.ms }
        : { cartEtaUnknown: true as const }),
  };
}
