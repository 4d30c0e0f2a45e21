/**
 * The jobs' events to every UI: step changes and final states at once, progress-only changes coalesced per
 * job (one event per `coalesceMs`, 100–250 ms), so a cart of 40 reporting progress does not flood a window.
 */
import type { Ecid } from '../../preload/domain';
import type { DeviceFacts, JobView, RunStatus } from '../../preload/jobs-domain';
import type { EventHub } from '../events/event-hub';
import { realJobClock, type JobClock, type JobEventSink } from './job-board-types';

export const COALESCE_MS = 150;

type Emit = Pick<EventHub, 'emit'>;

export class JobEventForwarder implements JobEventSink {
  private readonly pending = new Map<Ecid, { job: JobView; timer: unknown }>();

  constructor(
    private readonly hub: Emit,
    private readonly clock: JobClock = realJobClock,
    private readonly coalesceMs = COALESCE_MS,
  ) {}

  jobChanged(job: JobView, immediate: boolean): void {
    const waiting = this.pending.get(job.ecid);
    if (immediate) {
      if (waiting) this.clock.clearTimeout(waiting.timer);
      this.pending.delete(job.ecid);
      this.hub.emit('jobChanged', { job });
      return;
    }
    if (waiting) {
      waiting.job = job;
      return;
    }
    const timer = this.clock.setTimeout(() => {
      const latest = this.pending.get(job.ecid);
      this.pending.delete(job.ecid);
      if (latest) this.hub.emit('jobChanged', { job: latest.job });
    }, this.coalesceMs);
    this.pending.set(job.ecid, { job, timer });
  }

  jobRemoved(ecid: Ecid): void {
    const waiting = this.pending.get(ecid);
    if (waiting) this.clock.clearTimeout(waiting.timer);
    this.pending.delete(ecid);
    this.hub.emit('jobRemoved', { ecid });
  }

  factsChanged(ecid: Ecid, facts: DeviceFacts): void {
    this.hub.emit('factsChanged', { ecid, facts });
  }

  runChanged(run: RunStatus): void {
    this.hub.emit('runChanged', { run });
  }

  /** Sends whatever is still held (on close). */
  flush(): void {
    for (const [ecid, { job, timer }] of this.pending) {
      this.clock.clearTimeout(timer);
      this.pending.delete(ecid);
      this.hub.emit('jobChanged', { job });
    }
  }
}
