/**
 * One device's job as a pure state machine: `reduceJob(view, event)` is the only way a job changes.
 *
 * The state is the `JobView` every UI sees (preload/jobs-domain.ts), so what is journaled, sent and shown is
 * one value. An event that does not apply in the current phase returns the same object unchanged: a late
 * progress report after a cancel, or a second "succeeded", can never move a job. Progress and ETA are filled
 * in separately (job-progress.ts) because they depend on this bench's measured step times.
 */
import type { ErrorInfo } from '../../preload/domain';
import type {
  AdeStanding,
  JobPhase,
  JobStepRecord,
  JobView,
  OperatorReason,
  SkipReason,
  WorkflowStepKind,
} from '../../preload/jobs-domain';

export type JobEvent =
  | { readonly type: 'countdown'; readonly at: number; readonly endsAt: number }
  /** Disarmed during the countdown: back to waiting for the operator's start. */
  | { readonly type: 'held' }
  | { readonly type: 'identified'; readonly serialNumber: string }
  /** The name the device reported on arrival (kept once: later reads may show the bench's own name). */
  | { readonly type: 'named'; readonly deviceName: string }
  | {
      readonly type: 'step-started';
      readonly at: number;
      readonly index: number;
      readonly step: WorkflowStepKind;
    }
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'step-ended'; readonly at: number; readonly outcome: 'succeeded' | 'skipped' }
  | { readonly type: 'attempt'; readonly error?: ErrorInfo }
  | {
      readonly type: 'waiting-for-operator';
      readonly at: number;
      readonly reason: OperatorReason;
      readonly instruction: string;
    }
  | { readonly type: 'waiting-for-reattach'; readonly at: number }
  | { readonly type: 'resumed' }
  | { readonly type: 'renamed'; readonly name: string }
  | { readonly type: 'ade-standing'; readonly standing: AdeStanding }
  | { readonly type: 'succeeded'; readonly at: number }
  | { readonly type: 'failed'; readonly at: number; readonly error: ErrorInfo }
  | { readonly type: 'cancelled'; readonly at: number }
  | { readonly type: 'interrupted'; readonly at: number }
  | { readonly type: 'skipped'; readonly at: number; readonly reason: SkipReason }
  | { readonly type: 'requeued'; readonly at: number };

/** Phases a job never leaves by itself (only `requeued`, on the operator's word, leaves failed/interrupted). */
export const FINAL_PHASES: ReadonlySet<JobPhase> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
]);

/** A job whose step is under way: it holds (or waits for) its device. */
export const ACTIVE_PHASES: ReadonlySet<JobPhase> = new Set([
  'running',
  'waiting-for-operator',
  'waiting-for-reattach',
]);

export function isFinal(phase: JobPhase): boolean {
  return FINAL_PHASES.has(phase);
}

export function newJob(fields: {
  readonly jobId: string;
  readonly ecid: string;
  readonly workflowId: string;
  readonly stepCount: number;
  readonly serialNumber?: string;
  readonly deviceName?: string;
}): JobView {
  return {
    jobId: fields.jobId,
    ecid: fields.ecid,
    workflowId: fields.workflowId,
    ...(fields.serialNumber === undefined ? {} : { serialNumber: fields.serialNumber }),
    ...(fields.deviceName === undefined ? {} : { deviceName: fields.deviceName }),
    phase: 'queued',
    stepCount: fields.stepCount,
    progress: 0,
    attempt: 1,
    steps: [],
  };
}

/** Removes the keys that only belong to a phase the job is leaving. */
function leavePhase(view: JobView, phase: JobPhase): JobView {
  const { waiting: _w, countdownEndsAt: _c, error: _e, skipReason: _s, ...rest } = view;
  return { ...rest, phase };
}

function closeStep(steps: readonly JobStepRecord[], at: number, outcome: JobStepRecord['outcome']) {
  const last = steps.at(-1);
  if (!last || last.endedAt !== undefined) return steps;
  return [...steps.slice(0, -1), { ...last, endedAt: at, outcome }];
}

function end(view: JobView, phase: JobPhase, at: number, outcome: JobStepRecord['outcome']): JobView {
  const { stepFraction: _f, etaMs: _eta, ...rest } = leavePhase(view, phase);
  return { ...rest, endedAt: at, steps: closeStep(view.steps, at, outcome) };
}

export function reduceJob(view: JobView, event: JobEvent): JobView {
  const { phase } = view;
  const active = ACTIVE_PHASES.has(phase);
  switch (event.type) {
    case 'countdown':
      if (phase !== 'queued') return view;
      return { ...leavePhase(view, 'countdown'), countdownEndsAt: event.endsAt };
    case 'held':
      return phase === 'countdown' ? leavePhase(view, 'queued') : view;
    case 'identified':
      return view.serialNumber === event.serialNumber ? view : { ...view, serialNumber: event.serialNumber };
    case 'named':
      return view.deviceName !== undefined ? view : { ...view, deviceName: event.deviceName };
    case 'step-started': {
      if (phase !== 'queued' && phase !== 'countdown' && phase !== 'running') return view;
      const steps = closeStep(view.steps, event.at, 'succeeded');
      const { stepFraction: _f, ...rest } = leavePhase(view, 'running');
      return {
        ...rest,
        step: event.step,
        stepIndex: event.index,
        attempt: 1,
        startedAt: view.startedAt ?? event.at,
        steps: [...steps, { step: event.step, startedAt: event.at }],
      };
    }
    case 'progress':
      if (phase !== 'running') return view;
      return { ...view, stepFraction: Math.min(1, Math.max(0, event.fraction)) };
    case 'step-ended':
      if (!active) return view;
      return {
        ...leavePhase(view, 'running'),
        stepFraction: 1,
        steps: closeStep(view.steps, event.at, event.outcome),
      };
    case 'attempt':
      if (!active) return view;
      return { ...view, attempt: view.attempt + 1, ...(event.error ? { error: event.error } : {}) };
    case 'waiting-for-operator':
      if (!active) return view;
      return {
        ...leavePhase(view, 'waiting-for-operator'),
        waiting: {
          reason: event.reason,
          instruction: event.instruction,
          since:
            view.waiting?.reason === event.reason && phase === 'waiting-for-operator'
              ? view.waiting.since
              : event.at,
        },
      };
    case 'waiting-for-reattach':
      if (!active) return view;
      return leavePhase(view, 'waiting-for-reattach');
    case 'resumed':
      if (phase !== 'waiting-for-operator' && phase !== 'waiting-for-reattach') return view;
      return leavePhase(view, 'running');
    case 'renamed':
      if (!active) return view;
      return { ...view, finalName: event.name };
    case 'ade-standing':
      if (!active) return view;
      return { ...view, adeStanding: event.standing };
    case 'succeeded':
      if (!active) return view;
      return { ...end(view, 'succeeded', event.at, 'succeeded'), progress: 1 };
    case 'failed':
      if (!active && phase !== 'queued' && phase !== 'countdown') return view;
      return { ...end(view, 'failed', event.at, 'failed'), error: event.error };
    case 'cancelled':
      if (isFinal(phase)) return view;
      return end(view, 'cancelled', event.at, 'cancelled');
    case 'interrupted':
      if (isFinal(phase)) return view;
      return end(view, 'interrupted', event.at, 'interrupted');
    case 'skipped':
      if (isFinal(phase)) return view;
      return { ...end(view, 'skipped', event.at, 'skipped'), skipReason: event.reason };
    case 'requeued': {
      if (phase !== 'failed' && phase !== 'interrupted' && phase !== 'cancelled') return view;
      const { endedAt: _end, ...rest } = leavePhase(view, 'queued');
      return { ...rest, attempt: 1 };
    }
  }
}
