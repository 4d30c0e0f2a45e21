import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../preload/jobs-domain';
import { EventHub } from '../../../main/events/event-hub';
import type { BenchEvent } from '../../../preload/contract';
import { JobEventForwarder } from '../../../main/jobs/job-event-forwarder';
import type { JobClock } from '../../../main/jobs/job-board-types';
import { newJob } from '../../../main/jobs/job-state';

function fakeClock() {
  const timers: { at: number; cb: () => void; id: number }[] = [];
  let now = 0;
  let next = 1;
  const clock: JobClock = {
    now: () => now,
    setTimeout: (cb, ms) => {
      const id = next++;
      timers.push({ at: now + ms, cb, id });
      return id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1);
      t.cb();
    }
  };
  return { clock, advance };
}

const job = (fraction: number): JobView => ({
  ...newJob({ jobId: 'j', ecid: '0xA', workflowId: 'w', stepCount: 2 }),
  phase: 'running',
  stepFraction: fraction,
});

describe('JobEventForwarder', () => {
  it('sends step changes at once and coalesces progress to one event per window with the latest state', () => {
    const hub = new EventHub();
    const seen: BenchEvent[] = [];
    hub.subscribe((e) => seen.push(e));
    const { clock, advance } = fakeClock();
    const forwarder = new JobEventForwarder(hub, clock, 150);
    forwarder.jobChanged(job(0), true);
    expect(seen).toHaveLength(1);
    forwarder.jobChanged(job(0.1), false);
    forwarder.jobChanged(job(0.2), false);
    forwarder.jobChanged(job(0.3), false);
    expect(seen).toHaveLength(1);
    advance(150);
    expect(seen).toHaveLength(2);
    expect(seen[1]?.channel === 'jobChanged' && seen[1].payload.job.stepFraction).toBe(0.3);
    forwarder.jobChanged(job(0.4), false);
    forwarder.jobChanged({ ...job(1), phase: 'succeeded' }, true);
    advance(500);
    expect(seen.map((e) => (e.channel === 'jobChanged' ? e.payload.job.phase : e.channel))).toEqual([
      'running',
      'running',
      'succeeded',
    ]);
  });

  it('drops a pending progress event when the job is removed', () => {
    const hub = new EventHub();
    const seen: BenchEvent[] = [];
    hub.subscribe((e) => seen.push(e));
    const { clock, advance } = fakeClock();
    const forwarder = new JobEventForwarder(hub, clock, 150);
    forwarder.jobChanged(job(0.5), false);
    forwarder.jobRemoved('0xA');
    advance(200);
    expect(seen.map((e) => e.channel)).toEqual(['jobRemoved']);
  });
});
