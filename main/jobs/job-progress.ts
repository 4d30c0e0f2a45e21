/**
 * Overall progress and time left, weighted by step and learned from this bench.
 *
 * Each step kind weighs its expected duration: the median of the times measured on this bench when there are
 * any, else a default from public bench logs (./README.md J6: erase and its reboot ~65 s, prepare ~60 s…).
 * So a job that has done "erase" is further along than one that has only renamed, and the ETA gets truer as
 * the cart goes.
 */
import type { JobView, WorkflowStepKind } from '../../preload/jobs-domain';

/** Default device seconds per step, before this bench has measured any. */
export const DEFAULT_STEP_SECONDS: Readonly<Record<WorkflowStepKind, number>> = {
  erase: 65,
  'wait-until-settled': 60,
  prepare: 65,
  // AZTEC's logs: `prepare --dep` succeeds in ~85 s, then the device reboots (~60 s).
  'prepare-ade': 145,
  'confirm-ade-enrollment': 2,
  'finish-setup-assistant': 5,
  'install-enrollment-profile': 4,
  'verify-enrollment': 2,
  rename: 2,
  'install-extra-profiles': 4,
  'shut-down': 5,
};

const KEEP = 50;

/** Measured step durations (milliseconds, device time as this bench saw it), a bounded window per kind. */
export class StepTimes {
  private readonly samples = new Map<WorkflowStepKind, number[]>();

  constructor(private readonly defaultScale = 1) {}

  record(step: WorkflowStepKind, ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    const list = this.samples.get(step) ?? [];
    list.push(ms);
    if (list.length > KEEP) list.shift();
    this.samples.set(step, list);
  }

  /** The median of the times measured on this bench for one step kind; undefined before the first. */
  measuredMs(step: WorkflowStepKind): number | undefined {
    const list = this.samples.get(step);
    if (!list || list.length === 0) return undefined;
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
  }

  /**
   * Expected milliseconds for one step: the median measured, else the default (scaled like the clock). For
   * the progress bar's weights only: a time promised to the operator comes from measurements alone
   * (./cart-eta.ts).
   */
  expectedMs(step: WorkflowStepKind): number {
    return this.measuredMs(step) ?? DEFAULT_STEP_SECONDS[step] * 1000 * this.defaultScale;
  }
}

/** Fills `progress` and `etaMs` for a job running `steps`, as of `now`. */
export function withProgress(
  view: JobView,
  steps: readonly WorkflowStepKind[],
  times: StepTimes,
  now: number,
): JobView {
  if (view.phase === 'succeeded') return { ...view, progress: 1 };
  const expected = steps.map((s) => times.expectedMs(s));
  const total = expected.reduce((a, b) => a + b, 0) || 1;
  const index = view.stepIndex;
  if (index === undefined) return { ...view, progress: 0 };
  const done = expected.slice(0, index).reduce((a, b) => a + b, 0);
  const current = expected[index] ?? 0;
  const started = view.steps.at(-1)?.startedAt ?? now;
  const elapsed = Math.max(0, now - started);
  // Without a fraction from cfgutil, time spent against the expected time stands in (capped below 1).
  const fraction = view.stepFraction ?? Math.min(0.95, current === 0 ? 0 : elapsed / current);
  const progress = Math.min(1, (done + current * fraction) / total);
  const running = view.phase === 'running' || view.phase === 'waiting-for-reattach';
  const left = expected.slice(index + 1).reduce((a, b) => a + b, 0) + Math.max(0, current * (1 - fraction));
  return { ...view, progress, ...(running ? { etaMs: Math.round(left) } : {}) };
}
