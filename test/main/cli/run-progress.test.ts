import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../../main/cli/run-progress';
import { countJobs } from '../../../preload/counts';
import type { JobCounts, RunStatus } from '../../../preload/jobs-domain';

function run(counts: Partial<JobCounts>, extra: Partial<RunStatus> = {}): RunStatus {
  return {
    armed: true,
    paused: false,
    workflowId: 'supervise-and-enroll',
    countdownSeconds: 5,
    concurrency: 8,
    counts: { ...countJobs([]), ...counts },
    ...extra,
  };
}

describe('summaryLine: run’s live line and status say what the header says', () => {
  it('the counts, and the measured time left in whole minutes', () => {
    expect(summaryLine(run({ succeeded: 3, running: 2, failed: 1 }, { cartEtaMs: 61_000 }))).toBe(
      '3 done · 2 running · 0 waiting for you · 1 failed · 0 queued · about 2 min left',
    );
  });

  it('says the time left is not known yet before any step was timed, and nothing when idle', () => {
    expect(summaryLine(run({ running: 2 }, { cartEtaUnknown: true }))).toBe(
      '0 done · 2 running · 0 waiting for you · 0 failed · 0 queued · time left not known yet',
    );
    expect(summaryLine(run({ succeeded: 2 }))).toBe(
      '2 done · 0 running · 0 waiting for you · 0 failed · 0 queued',
    );
  });
});
