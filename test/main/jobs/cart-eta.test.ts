import { describe, expect, it } from 'vitest';
import { cartTimeLeft, type EtaJob } from '../../../main/jobs/cart-eta';
import { StepTimes } from '../../../main/jobs/job-progress';
import type { JobPhase, WorkflowStepKind } from '../../../preload/jobs-domain';

const steps: WorkflowStepKind[] = ['erase', 'prepare', 'rename'];

/** A fake clock: the test moves `now` by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function job(phase: JobPhase, stepIndex?: number, stepStartedAt = 0): EtaJob {
  return {
    view: {
      phase,
      ...(stepIndex === undefined ? {} : { stepIndex }),
      steps: stepIndex === undefined ? [] : [{ step: steps[stepIndex] ?? 'erase', startedAt: stepStartedAt }],
    },
    steps,
  };
}

function eta(jobs: readonly EtaJob[], times: StepTimes, now: number, armed = true, concurrency = 2) {
  return cartTimeLeft({ jobs, measured: (s) => times.measuredMs(s), concurrency, armed, now });
}

describe('the cart’s time left comes from step times measured on this bench (issue 21 item 4)', () => {
  it('with no measurement, the time left is not known (never a default constant)', () => {
    const clock = fakeClock();
    const times = new StepTimes();
    expect(eta([job('running', 0, clock.now())], times, clock.now())).toEqual({ known: false });
    // One step timed is not enough while the job still has steps nobody has timed.
    times.record('erase', 60_000);
    expect(eta([job('running', 0, clock.now())], times, clock.now())).toEqual({ known: false });
  });

  it('measured: the estimate follows the remaining steps and the time spent in the current one', () => {
    const clock = fakeClock();
    const times = new StepTimes();
    times.record('erase', 60_000);
    times.record('prepare', 40_000);
    times.record('rename', 2_000);
    const started = clock.now();
    expect(eta([job('running', 0, started)], times, clock.now())).toEqual({ known: true, ms: 102_000 });
    clock.advance(20_000);
    expect(eta([job('running', 0, started)], times, clock.now())).toEqual({ known: true, ms: 82_000 });
    // A step that overruns its median has nothing left of it; the later steps remain.
    clock.advance(100_000);
    expect(eta([job('running', 0, started)], times, clock.now())).toEqual({ known: true, ms: 42_000 });
  });

  it('changes when a step finishes: a new measurement, and the job one step further', () => {
    const clock = fakeClock();
    const times = new StepTimes();
    for (const [step, ms] of [
      ['erase', 60_000],
      ['prepare', 40_000],
      ['rename', 2_000],
    ] as const)
      times.record(step, ms);
    const started = clock.now();
    const before = eta([job('running', 0, started)], times, clock.now());
    // The erase took 90 s this time: its median moves, and the job is now at prepare.
    clock.advance(90_000);
    times.record('erase', 90_000);
    times.record('erase', 90_000);
    const after = eta([job('running', 1, clock.now())], times, clock.now());
    expect(before).toEqual({ known: true, ms: 102_000 });
    expect(after).toEqual({ known: true, ms: 42_000 });
    expect(times.measuredMs('erase')).toBe(90_000);
  });

  it('waiting jobs add their whole workflow shared across the cap, only while armed', () => {
    const times = new StepTimes();
    for (const step of steps) times.record(step, 10_000);
    const cart = [job('running', 2, 0), job('queued'), job('countdown'), job('succeeded')];
    expect(eta(cart, times, 0, true, 2)).toEqual({ known: true, ms: 10_000 + (2 * 30_000) / 2 });
    expect(eta(cart, times, 0, false, 2)).toEqual({ known: true, ms: 10_000 });
    expect(eta([job('queued')], times, 0, false)).toBeUndefined();
    expect(eta([job('succeeded'), job('failed')], times, 0)).toBeUndefined();
  });
});
