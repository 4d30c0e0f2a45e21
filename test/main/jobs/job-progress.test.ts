import { describe, expect, it } from 'vitest';
import type { JobView, WorkflowStepKind } from '../../../preload/jobs-domain';
import { DEFAULT_STEP_SECONDS, StepTimes, withProgress } from '../../../main/jobs/job-progress';
import { newJob } from '../../../main/jobs/job-state';

const steps: WorkflowStepKind[] = ['erase', 'prepare', 'rename'];
const running = (index: number, fraction: number | undefined, startedAt = 0): JobView => ({
  ...newJob({ jobId: 'j', ecid: '0xA', workflowId: 'w', stepCount: 3 }),
  phase: 'running',
  stepIndex: index,
  step: steps[index],
  ...(fraction === undefined ? {} : { stepFraction: fraction }),
  steps: [{ step: steps[index] ?? 'erase', startedAt }],
});

describe('weighted progress and ETA', () => {
  it('weighs each step by its expected time, so erase counts more than rename', () => {
    const times = new StepTimes();
    const afterErase = withProgress(running(1, 0), steps, times, 0);
    const total = DEFAULT_STEP_SECONDS.erase + DEFAULT_STEP_SECONDS.prepare + DEFAULT_STEP_SECONDS.rename;
    expect(afterErase.progress).toBeCloseTo(DEFAULT_STEP_SECONDS.erase / total);
    expect(afterErase.etaMs).toBe((DEFAULT_STEP_SECONDS.prepare + DEFAULT_STEP_SECONDS.rename) * 1000);
  });

  it('learns this bench’s step times (median) and uses elapsed time when cfgutil gives no fraction', () => {
    const times = new StepTimes();
    for (const ms of [10_000, 30_000, 20_000]) times.record('erase', ms);
    expect(times.expectedMs('erase')).toBe(20_000);
    const half = withProgress(running(0, undefined, 0), steps, times, 10_000);
    expect(half.etaMs).toBe(10_000 + (DEFAULT_STEP_SECONDS.prepare + DEFAULT_STEP_SECONDS.rename) * 1000);
  });

  it('scales the defaults with the simulated clock, and a finished job is at 1 with no ETA', () => {
    expect(new StepTimes(0.5).expectedMs('prepare')).toBe(DEFAULT_STEP_SECONDS.prepare * 500);
    const done = withProgress({ ...running(2, 1), phase: 'succeeded' }, steps, new StepTimes(), 0);
    expect(done.progress).toBe(1);
    expect(done.etaMs).toBeUndefined();
  });
});
