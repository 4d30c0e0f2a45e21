/**
 * Where the UI figure's progress goes on its way to the hub: through the jobs area's own forwarder
 * (main/jobs/job-event-forwarder.ts), which sends step changes at once and coalesces progress-only changes per
 * job (one event per COALESCE_MS), exactly as the job board's events reach every UI.
 */
import type { EventHub } from '../../../main/events/event-hub';
import { COALESCE_MS, JobEventForwarder } from '../../../main/jobs/job-event-forwarder';
import type { JobView } from '../../../preload/jobs-domain';

export interface ProgressSink {
  jobChanged(job: JobView, immediate: boolean): void;
  close(): void;
  readonly describe: string;
}

export function progressSink(hub: EventHub): ProgressSink {
  const forwarder = new JobEventForwarder(hub);
  return {
    jobChanged: (job, immediate) => forwarder.jobChanged(job, immediate),
    close: () => forwarder.flush(),
    describe: `coalesced per job every ${COALESCE_MS} ms by the jobs area's forwarder`,
  };
}
