/**
 * The one way the bench counts devices by state (issue 21 item 4): the header, the banners, Results, the Dock
 * badge's source, `enroll-bench status` and `run`'s live line all count through these functions, so no two
 * of them can disagree ("0 failed" in the header while a banner says "1 failed").
 *
 * Pure functions over the shared vocabulary, compiled by main and by the renderer (the preload script itself
 * never imports this file). Every device is in exactly one state: one job per device on the bench, and in the
 * bench log the state of a device's last attempt.
 */
import type { Device, Ecid } from './domain';
import type { JobCounts, JobPhase, JobView } from './jobs-domain';

/** A device's state as the counts name it; each phase belongs to exactly one. */
export type CountState =
  'waiting-to-start' | 'running' | 'needs-you' | 'done' | 'failed' | 'skipped' | 'cancelled';

const stateOfPhase: Readonly<Record<JobPhase, CountState>> = {
  queued: 'waiting-to-start',
  countdown: 'waiting-to-start',
  running: 'running',
  // Restarting between steps is work in progress: the job expects the device back by itself.
  'waiting-for-reattach': 'running',
  'waiting-for-operator': 'needs-you',
  succeeded: 'done',
  failed: 'failed',
  // Cut off (the bench stopped mid-job): it did not finish, and Retry is its way on, as for a failure.
  interrupted: 'failed',
  skipped: 'skipped',
  cancelled: 'cancelled',
};

export function countStateOf(phase: JobPhase): CountState {
  return stateOfPhase[phase];
}

/** Phases whose job is still going (or waiting for a person): the cart is not finished while any is. */
export function isActiveState(state: CountState): boolean {
  return state === 'waiting-to-start' || state === 'running' || state === 'needs-you';
}

/** The counts of the jobs on the bench, one job per device. */
export function countJobs(jobs: Iterable<JobView>): JobCounts {
  const c = {
    queued: 0,
    running: 0,
    waitingForOperator: 0,
    inUse: 0,
    succeeded: 0,
    failed: 0,
    skipped: 0,
    cancelled: 0,
    total: 0,
  };
  for (const job of jobs) {
    c.total += 1;
    switch (countStateOf(job.phase)) {
      case 'waiting-to-start':
        c.queued += 1;
        break;
      case 'running':
        c.running += 1;
        break;
      case 'needs-you':
        c.waitingForOperator += 1;
        if (job.waiting?.reason === 'in-use') c.inUse += 1;
        break;
      case 'done':
        c.succeeded += 1;
        break;
      case 'failed':
        c.failed += 1;
        break;
      case 'skipped':
        c.skipped += 1;
        break;
      case 'cancelled':
        c.cancelled += 1;
        break;
    }
  }
  return c;
}

/** Jobs still going or waiting for a person: Results' "still going". */
export function activeCount(c: JobCounts): number {
  return c.queued + c.running + c.waitingForOperator;
}

/**
 * The devices on the bench: every attached device, and every device whose job is still going while it is off
 * USB. Erase, prepare and restart steps take a device away for a minute and the job expects it back; when it
 * takes longer than the bench waits, the job asks a person to plug it back in and still ends by itself when
 * it returns. Either way the device belongs to the cart until its job ends, so the count stays at the cart's
 * size while no one unplugs anything. A job that ended (done, failed, skipped) holds no device: once it is
 * unplugged, it is gone from the count.
 */
export function devicesOnBench(
  devices: readonly Pick<Device, 'ecid'>[],
  jobs: Iterable<Pick<JobView, 'ecid' | 'phase'>>,
): number {
  const on = new Set<Ecid>(devices.map((d) => d.ecid));
  for (const job of jobs) if (isActiveState(countStateOf(job.phase))) on.add(job.ecid);
  return on.size;
}
