/**
 * The cart's time left, as the header and `run` say it (issue 21 item 4): from step times measured on this
 * bench only, never from a constant. Until every step the cart still has to run has been timed at least once,
 * the time left is not known, and the header says so instead of guessing.
 *
 * The estimate: the running job with the most left (its current step's median less the time it has spent in
 * it, plus the medians of its later steps), plus the waiting jobs' whole workflows shared across the cap.
 * It moves whenever a step finishes (a new measurement, a job one step further), which is when the board
 * sends the run status again.
 */
import type { JobView, WorkflowStepKind } from '../../preload/jobs-domain';
import { countStateOf } from '../../preload/counts';

export type TimeLeft = { readonly known: true; readonly ms: number } | { readonly known: false };

export interface EtaJob {
  readonly view: Pick<JobView, 'phase' | 'stepIndex' | 'steps'>;
  /** The step kinds of the job's workflow, in order. */
  readonly steps: readonly WorkflowStepKind[];
}

export interface CartEtaInput {
  readonly jobs: readonly EtaJob[];
  /** The median measured on this bench for a step kind; undefined before the first measurement. */
  readonly measured: (step: WorkflowStepKind) => number | undefined;
  /** Heavy steps at once: waiting jobs share it. */
  readonly concurrency: number;
  /** Not armed, waiting jobs wait for the operator: no time can be promised for them. */
  readonly armed: boolean;
  readonly now: number;
}

function sumMeasured(
  steps: readonly WorkflowStepKind[],
  measured: CartEtaInput['measured'],
): number | undefined {
  let sum = 0;
  for (const step of steps) {
    const ms = measured(step);
    if (ms === undefined) return undefined;
    sum += ms;
  }
  return sum;
}

/** Undefined when nothing is on its way (no running job, and no waiting one the bench will start). */
export function cartTimeLeft(input: CartEtaInput): TimeLeft | undefined {
  const { measured, now } = input;
  let longest = 0;
  let waitingMs = 0;
  let busy = false;
  let unknown = false;
  for (const { view, steps } of input.jobs) {
    const state = countStateOf(view.phase);
    if (state === 'running') {
      busy = true;
      const index = view.stepIndex ?? 0;
      const current = steps[index];
      const currentMs = current === undefined ? 0 : measured(current);
      const laterMs = sumMeasured(steps.slice(index + 1), measured);
      if (currentMs === undefined || laterMs === undefined) {
        unknown = true;
        continue;
      }
      const started = view.steps.at(-1)?.startedAt ?? now;
      longest = Math.max(longest, Math.max(0, currentMs - Math.max(0, now - started)) + laterMs);
    } else if (state === 'waiting-to-start' && input.armed) {
      busy = true;
      const ms = sumMeasured(steps.slice(view.stepIndex ?? 0), measured);
      if (ms === undefined) unknown = true;
      else waitingMs += ms;
    }
  }
  if (!busy) return undefined;
  if (unknown) return { known: false };
  return { known: true, ms: Math.round(longest + waitingMs / Math.max(1, input.concurrency)) };
}
