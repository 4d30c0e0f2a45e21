/**
 * Runs one job's steps in order around the reducer: each step starts, runs to what the device shows, and
 * ends; a thrown `JobFailure` fails the job with its words, a `JobSkip` skips it, an abort cancels it.
 * Pausing holds the job between steps (a step under way finishes).
 */
import type { WorkflowStepKind } from '../../preload/jobs-domain';
import type { JobContext } from './job-context';
import { failure, failureFrom, JobSkip } from './job-failure';
import { guardChanges } from './safety/guard-changes';
import { runStep } from './steps/run-step';

export interface RunnerHooks {
  /** Resolves when the bench is not paused. */
  unpaused(): Promise<void>;
  /** Device milliseconds a step took, for the ETA. */
  measured(step: WorkflowStepKind, ms: number): void;
}

/**
 * What a workflow needs before it may touch a device: never erase a device the bench then cannot supervise
 * or enroll for want of an identity or a profile.
 */
export function preflight(ctx: Pick<JobContext, 'workflow' | 'identity' | 'profile' | 'ours'>): void {
  const kinds = new Set(ctx.workflow.steps.map((s) => s.kind));
  if (
    (kinds.has('prepare') || kinds.has('install-enrollment-profile')) &&
    (!ctx.identity || !ctx.ours.organizationName)
  ) {
    throw failure(
      'invalid-request',
      'No supervision identity',
      'Create or import the supervision identity first, then press Retry. Nothing was done to the device.',
      true,
    );
  }
  if ((kinds.has('install-enrollment-profile') || kinds.has('verify-enrollment')) && !ctx.profile) {
    throw failure(
      'invalid-request',
      'No usable enrollment profile',
      'Import the Intune enrollment profile (or renew an expired one), then press Retry. Nothing was done to the device.',
      true,
    );
  }
}

/**
 * Runs the steps with the job's client behind the change guard (./safety/guard-changes.ts): no step can send
 * a changing command that the guard has not cleared. The device's lock is let go when the job stops.
 */
export async function runJob(unguarded: JobContext, fromIndex: number, hooks: RunnerHooks): Promise<void> {
  const ctx: JobContext = { ...unguarded, client: guardChanges(unguarded) };
  const steps = ctx.workflow.steps;
  try {
    preflight(ctx);
    for (let index = fromIndex; index < steps.length; index += 1) {
      const step = steps[index];
      if (!step) break;
      await hooks.unpaused();
      ctx.signal.throwIfAborted();
      const startedAt = ctx.now();
      ctx.dispatch({ type: 'step-started', at: startedAt, index, step: step.kind });
      const outcome = await runStep(ctx, step);
      hooks.measured(step.kind, ctx.now() - startedAt);
      ctx.dispatch({ type: 'step-ended', at: ctx.now(), outcome });
    }
    ctx.dispatch({ type: 'succeeded', at: ctx.now() });
  } catch (error) {
    if (ctx.signal.aborted) ctx.dispatch({ type: 'cancelled', at: ctx.now() });
    else if (error instanceof JobSkip) ctx.dispatch({ type: 'skipped', at: ctx.now(), reason: error.reason });
    else ctx.dispatch({ type: 'failed', at: ctx.now(), error: failureFrom(error).info });
  } finally {
    ctx.safety.deviceLocks.release(ctx.ecid);
  }
}
