import { describe, expect, it } from 'vitest';
import type { ErrorInfo } from '../../../preload/domain';
import type { JobPhase, JobView } from '../../../preload/jobs-domain';
import { newJob, reduceJob, type JobEvent } from '../../../main/jobs/job-state';

const error: ErrorInfo = { code: 'device-busy', title: 'Busy', detail: 'Wait.', retryable: true };
const base = newJob({ jobId: 'j1', ecid: '0xABC', workflowId: 'w', stepCount: 3 });

function inPhase(phase: JobPhase): JobView {
  const extra: Partial<JobView> =
    phase === 'waiting-for-operator'
      ? { waiting: { reason: 'tap-trust', instruction: 'Tap Trust', since: 5 } }
      : phase === 'countdown'
        ? { countdownEndsAt: 99 }
        : {};
  return { ...base, phase, step: 'erase', stepIndex: 0, steps: [{ step: 'erase', startedAt: 1 }], ...extra };
}

const events: Record<string, JobEvent> = {
  countdown: { type: 'countdown', at: 2, endsAt: 7 },
  held: { type: 'held' },
  'step-started': { type: 'step-started', at: 3, index: 1, step: 'prepare' },
  progress: { type: 'progress', fraction: 0.5 },
  'step-ended': { type: 'step-ended', at: 4, outcome: 'succeeded' },
  attempt: { type: 'attempt', error },
  'waiting-for-operator': {
    type: 'waiting-for-operator',
    at: 4,
    reason: 'unlock-device',
    instruction: 'Unlock',
  },
  'waiting-for-reattach': { type: 'waiting-for-reattach', at: 4 },
  resumed: { type: 'resumed' },
  succeeded: { type: 'succeeded', at: 9 },
  failed: { type: 'failed', at: 9, error },
  cancelled: { type: 'cancelled', at: 9 },
  interrupted: { type: 'interrupted', at: 9 },
  skipped: { type: 'skipped', at: 9, reason: 'operator' },
  requeued: { type: 'requeued', at: 10 },
};

/** For each phase, the events that move it, and to where; every other event leaves it untouched. */
const moves: Record<JobPhase, Partial<Record<keyof typeof events, JobPhase>>> = {
  queued: {
    countdown: 'countdown',
    'step-started': 'running',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
    skipped: 'skipped',
  },
  countdown: {
    held: 'queued',
    'step-started': 'running',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
    skipped: 'skipped',
  },
  running: {
    'step-started': 'running',
    progress: 'running',
    'step-ended': 'running',
    attempt: 'running',
    'waiting-for-operator': 'waiting-for-operator',
    'waiting-for-reattach': 'waiting-for-reattach',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
    skipped: 'skipped',
  },
  'waiting-for-operator': {
    'step-ended': 'running',
    attempt: 'waiting-for-operator',
    'waiting-for-operator': 'waiting-for-operator',
    'waiting-for-reattach': 'waiting-for-reattach',
    resumed: 'running',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
    skipped: 'skipped',
  },
  'waiting-for-reattach': {
    'step-ended': 'running',
    attempt: 'waiting-for-reattach',
    'waiting-for-operator': 'waiting-for-operator',
    'waiting-for-reattach': 'waiting-for-reattach',
    resumed: 'running',
    succeeded: 'succeeded',
    failed: 'failed',
    cancelled: 'cancelled',
    interrupted: 'interrupted',
    skipped: 'skipped',
  },
  succeeded: {},
  failed: { requeued: 'queued' },
  cancelled: { requeued: 'queued' },
  interrupted: { requeued: 'queued' },
  skipped: {},
};

describe('reduceJob', () => {
  for (const [phase, allowed] of Object.entries(moves) as [JobPhase, Partial<Record<string, JobPhase>>][]) {
    for (const [name, event] of Object.entries(events)) {
      const target = allowed[name];
      it(`${phase} + ${name} → ${target ?? 'unchanged'}`, () => {
        const before = inPhase(phase);
        const after = reduceJob(before, event);
        if (target === undefined) expect(after).toBe(before);
        else expect(after.phase).toBe(target);
      });
    }
  }

  it('keeps only the fields of the phase it is in', () => {
    const waiting = reduceJob(inPhase('running'), events['waiting-for-operator'] as JobEvent);
    expect(waiting.waiting).toEqual({ reason: 'unlock-device', instruction: 'Unlock', since: 4 });
    const resumed = reduceJob(waiting, { type: 'resumed' });
    expect(resumed.waiting).toBeUndefined();
    expect(reduceJob(inPhase('countdown'), { type: 'held' }).countdownEndsAt).toBeUndefined();
  });

  it('keeps the waiting time when the same reason is shown again with new words', () => {
    const first = reduceJob(inPhase('running'), {
      type: 'waiting-for-operator',
      at: 4,
      reason: 'tap-trust',
      instruction: 'A',
    });
    const again = reduceJob(first, {
      type: 'waiting-for-operator',
      at: 8,
      reason: 'tap-trust',
      instruction: 'B',
    });
    expect(again.waiting).toEqual({ reason: 'tap-trust', instruction: 'B', since: 4 });
  });

  it('records each step with its times and outcome, and closes the open one when the job ends', () => {
    let job = reduceJob(base, { type: 'step-started', at: 1, index: 0, step: 'erase' });
    job = reduceJob(job, { type: 'attempt' });
    expect(job.attempt).toBe(2);
    job = reduceJob(job, { type: 'step-ended', at: 2, outcome: 'succeeded' });
    job = reduceJob(job, { type: 'step-started', at: 3, index: 1, step: 'prepare' });
    expect(job.attempt).toBe(1);
    job = reduceJob(job, { type: 'failed', at: 5, error });
    expect(job.steps).toEqual([
      { step: 'erase', startedAt: 1, endedAt: 2, outcome: 'succeeded' },
      { step: 'prepare', startedAt: 3, endedAt: 5, outcome: 'failed' },
    ]);
    expect(job).toMatchObject({ phase: 'failed', error, endedAt: 5, startedAt: 1, stepIndex: 1 });
    const again = reduceJob(job, { type: 'requeued', at: 6 });
    expect(again).toMatchObject({ phase: 'queued', stepIndex: 1, attempt: 1 });
    expect(again.error).toBeUndefined();
    expect(again.endedAt).toBeUndefined();
  });

  it('clamps progress to 0..1 and takes the serial number in any phase', () => {
    expect(reduceJob(inPhase('running'), { type: 'progress', fraction: 3 }).stepFraction).toBe(1);
    expect(reduceJob(inPhase('succeeded'), { type: 'identified', serialNumber: 'S1' }).serialNumber).toBe(
      'S1',
    );
  });
});
