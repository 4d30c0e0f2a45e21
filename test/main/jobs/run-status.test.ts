import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../preload/jobs-domain';
import { runStatusOf, type RunState } from '../../../main/jobs/run-status';

const state = (armed: boolean): RunState => ({
  armed,
  paused: false,
  workflowId: 'supervise-and-enroll',
  countdownSeconds: 5,
  concurrency: 2,
});

const jobs = (phases: JobView['phase'][]): JobView[] =>
  phases.map((phase, i) => ({ jobId: `j${i}`, ecid: `0x${i + 1}`, phase }) as JobView);

describe('runStatusOf', () => {
  it('counts with the one counter: an interrupted job is failed, as Results and the banner count it', () => {
    const run = runStatusOf(state(true), jobs(['failed', 'interrupted', 'skipped']), undefined, 0, undefined);
    expect(run.counts).toMatchObject({ failed: 2, skipped: 1, total: 3 });
  });

  it('says the time left only as measured, "not known yet" without a measurement, nothing when idle', () => {
    const busy = jobs(['running']);
    expect(runStatusOf(state(true), busy, undefined, 0, { known: true, ms: 90_000 }).cartEtaMs).toBe(90_000);
    const unknown = runStatusOf(state(true), busy, undefined, 0, { known: false });
    expect(unknown.cartEtaMs).toBeUndefined();
    expect(unknown.cartEtaUnknown).toBe(true);
    const idle = runStatusOf(state(true), jobs(['succeeded']), undefined, 0, undefined);
    expect(idle).not.toHaveProperty('cartEtaMs');
    expect(idle).not.toHaveProperty('cartEtaUnknown');
  });

  it('devices per hour from the jobs succeeded since the first start', () => {
    const run = runStatusOf(state(true), jobs(['succeeded', 'succeeded']), 0, 1_800_000, undefined);
    expect(run.devicesPerHour).toBe(4);
  });
});
