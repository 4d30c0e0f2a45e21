/** @vitest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { countJobs } from '../../../preload/counts';
import type { JobCounts, RunStatus } from '../../../preload/jobs-domain';
import { RunCounts } from '../../../renderer/bench/bench-header';

afterEach(cleanup);

function run(counts: Partial<JobCounts>, extra: Partial<RunStatus> = {}): RunStatus {
  return {
    armed: false,
    paused: false,
    workflowId: 'supervise-and-enroll',
    countdownSeconds: 5,
    concurrency: 8,
    counts: { ...countJobs([]), ...counts },
    ...extra,
  };
}

const counts = () =>
  screen
    .getAllByRole('listitem')
    .map((li) => li.textContent?.trim())
    .filter(Boolean);

describe('RunCounts', () => {
  it('a cart waiting while not armed is queued, not running', () => {
    const r = run({ queued: 40 });
    render(<RunCounts run={r} counts={r.counts} />);
    expect(counts()).toEqual(['0 running', '40 queued', '0 need you', '0 done', '0 failed']);
  });

  it('armed, a queued device is on its way and counts as running; the ETA shows when main gives one', () => {
    const r = run({ running: 3, queued: 2, succeeded: 2 }, { armed: true, cartEtaMs: 125_000 });
    render(<RunCounts run={r} counts={r.counts} />);
    expect(counts()).toEqual(['5 running', '0 need you', '2 done', '0 failed', 'Time left ~2 min']);
  });

  it('says the time left is not known yet until this bench has measured the steps', () => {
    const r = run({ running: 3 }, { armed: true, cartEtaUnknown: true });
    render(<RunCounts run={r} counts={r.counts} />);
    expect(counts()).toEqual(['3 running', '0 need you', '0 done', '0 failed', 'Time left: not known yet']);
  });
});
