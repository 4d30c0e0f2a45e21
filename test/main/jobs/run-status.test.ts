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
  phases.map((phase, i) => ({ jobId: `j${i}`, ecid: `0x${i + 1}`, phase, etaMs: 60_000 }) as JobView);

describe('runStatusOf', () => {
  it('promises no time to finish for a cart that waits because the bench is not armed', () => {
    expect(runStatusOf(state(false), jobs(['queued', 'queued']), undefined, 0, 300_000).cartEtaMs).toBe(
      undefined,
    );
  });

  it('counts queued jobs into the ETA once armed, and a running job whether armed or not', () => {
    expect(runStatusOf(state(true), jobs(['queued', 'queued']), undefined, 0, 300_000).cartEtaMs).toBe(
      300_000 + 60_000,
    );
    expect(runStatusOf(state(false), jobs(['running']), undefined, 0, 300_000).cartEtaMs).toBe(60_000);
  });
});
