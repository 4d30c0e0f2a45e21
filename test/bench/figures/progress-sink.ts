/**
 * Where the UI figure's progress goes on its way to the hub. Until the jobs area's own coalescing forwarder
 * is on this branch, every update is sent as it is (the worst case: no coalescing at all).
 */
import type { EventHub } from '../../../main/app/event-hub';
import type { JobView } from '../../../preload/jobs-domain';

export interface ProgressSink {
  jobChanged(job: JobView, immediate: boolean): void;
  close(): void;
  readonly describe: string;
}

export function progressSink(hub: EventHub): ProgressSink {
  return {
    jobChanged: (job) => hub.emit('jobChanged', { job }),
    close: () => {},
    describe: 'no coalescing',
  };
}
