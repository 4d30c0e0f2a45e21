/** @vitest-environment jsdom */
/**
 * The one counter (preload/counts.ts) and its promise (issue 21 item 4): for any set of jobs, the bench
 * header, Results, the in-use banner and `enroll-bench status`/`run`'s line say the same numbers, and each
 * device is counted in exactly one state.
 */
import { cleanup, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { summaryLine } from '../../main/cli/run-progress';
import { runStatusOf } from '../../main/jobs/run-status';
import { countJobs, countStateOf, devicesOnBench, type CountState } from '../../preload/counts';
import type { JobPhase, JobView, OperatorReason } from '../../preload/jobs-domain';
import { BenchHeader } from '../../renderer/bench/bench-header';
import { InUseBanner } from '../../renderer/bench/in-use-banner';
import { ResultsView } from '../../renderer/bench/results-view';
import { device } from '../renderer/fixtures';
import { job, loadedStore, renderWithStore } from '../renderer/store-fixtures';

afterEach(cleanup);

const phases: readonly JobPhase[] = [
  'queued',
  'countdown',
  'running',
  'waiting-for-operator',
  'waiting-for-reattach',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
];
const reasons: readonly OperatorReason[] = ['tap-trust', 'in-use', 'unlock-device', 'reconnect-device'];

const jobSpec = fc.record({
  phase: fc.constantFrom(...phases),
  reason: fc.constantFrom(...reasons),
  attached: fc.boolean(),
});

function jobsOf(specs: readonly { phase: JobPhase; reason: OperatorReason }[]): JobView[] {
  return specs.map(({ phase, reason }, i) =>
    job(i + 1, {
      phase,
      ...(phase === 'waiting-for-operator'
        ? { waiting: { reason, instruction: 'Do the thing on the device.', since: 0 } }
        : {}),
    }),
  );
}

/** "3 running", "1 need you" … from a list of counts, as numbers by their words. */
function numbers(list: HTMLElement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const li of within(list).queryAllByRole('listitem')) {
    const match = /^(\d+) (.+)$/.exec(li.textContent?.trim() ?? '');
    if (match?.[1] && match[2]) out[match[2]] = Number(match[1]);
  }
  return out;
}

/** `12 done · 3 running · 1 waiting for you · 0 failed · 2 queued…` as numbers by their words. */
function cliNumbers(line: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of line.split(' · ')) {
    const match = /^(\d+) (.+)$/.exec(part);
    if (match?.[1] && match[2]) out[match[2]] = Number(match[1]);
  }
  return out;
}

describe('countJobs', () => {
  it('puts every phase in exactly one state, interrupted with failed', () => {
    const states = phases.map((p) => countStateOf(p));
    expect(new Set<CountState>(states)).toEqual(
      new Set(['waiting-to-start', 'running', 'needs-you', 'done', 'failed', 'skipped', 'cancelled']),
    );
    expect(countStateOf('interrupted')).toBe('failed');
    expect(countStateOf('waiting-for-reattach')).toBe('running');
  });

  it('property: each device is counted in exactly one state', () => {
    fc.assert(
      fc.property(fc.array(jobSpec, { maxLength: 64 }), (specs) => {
        const jobs = jobsOf(specs);
        const c = countJobs(jobs);
        const sum =
          c.queued + c.running + c.waitingForOperator + c.succeeded + c.failed + c.skipped + c.cancelled;
        expect(sum).toBe(jobs.length);
        expect(c.total).toBe(jobs.length);
        expect(c.inUse).toBe(
          jobs.filter((j) => j.phase === 'waiting-for-operator' && j.waiting?.reason === 'in-use').length,
        );
      }),
    );
  });
});

describe('every surface counts with it (header = Results = banner = CLI)', () => {
  it('property: for any set of jobs, the numbers agree', () => {
    fc.assert(
      fc.property(fc.array(jobSpec, { maxLength: 40 }), fc.boolean(), (specs, armed) => {
        cleanup();
        const jobs = jobsOf(specs);
        const devices = specs.flatMap((s, i) => (s.attached ? [device(i + 1)] : []));
        const run = runStatusOf(
          { armed, paused: false, workflowId: 'supervise-and-enroll', countdownSeconds: 5, concurrency: 8 },
          jobs,
          undefined,
          0,
          undefined,
        );
        const store = loadedStore({ devices, jobs: { jobs, facts: {}, run } });
        renderWithStore(
          <>
            <BenchHeader onArm={() => {}} onPause={() => {}} onSelectWorkflow={() => {}} />
            <InUseBanner onEraseAll={() => {}} />
            <ResultsView onRetryFailed={() => {}} onOpenLog={() => {}} />
          </>,
          store,
        );
        const header = numbers(screen.getByRole('list', { name: 'Cart' }));
        const results = numbers(screen.getByRole('list', { name: 'Results' }));
        const cli = cliNumbers(summaryLine(run));
        const c = countJobs(jobs);

        expect(header.done).toBe(c.succeeded);
        expect(results.done).toBe(c.succeeded);
        expect(cli.done).toBe(c.succeeded);
        expect(header.failed).toBe(c.failed);
        expect(results.failed).toBe(c.failed);
        expect(cli.failed).toBe(c.failed);
        expect(header['need you']).toBe(c.waitingForOperator);
        expect(cli['waiting for you']).toBe(c.waitingForOperator);
        expect((header.running ?? NaN) + (header.queued ?? 0)).toBe(c.running + c.queued);
        expect((cli.running ?? NaN) + (cli.queued ?? NaN)).toBe(c.running + c.queued);
        expect(results['still going'] ?? 0).toBe(c.queued + c.running + c.waitingForOperator);
        expect(results.skipped).toBe(c.skipped);
        expect(results.cancelled).toBe(c.cancelled);

        // The in-use banner names as many devices as the counter holds at the in-use question.
        const banner = screen.queryByRole('region', { name: 'Devices in use' });
        if (c.inUse === 0) expect(banner).toBeNull();
        else
          expect(within(banner as HTMLElement).getByRole('button').textContent).toBe(
            `Erase the ${c.inUse} in-use device${c.inUse === 1 ? '' : 's'} on this bench`,
          );

        // The header's device count: attached, plus those restarting under their job.
        const onBench = devicesOnBench(devices, jobs);
        expect(
          screen.getByLabelText(`${onBench} ${onBench === 1 ? 'device' : 'devices'} on the bench`),
        ).toBeTruthy();
      }),
      { numRuns: 40 },
    );
  });
});

describe('devicesOnBench', () => {
  it('counts a device away under a job still going, and not one unplugged after its job ended', () => {
    const replug = { reason: 'reconnect-device', instruction: 'Plug it back in.', since: 0 } as const;
    const jobs = [
      job(1, { phase: 'waiting-for-reattach' }),
      job(2, { phase: 'running' }),
      // The restart took longer than the bench waits: it asks a person, and still expects the device back.
      job(3, { phase: 'waiting-for-operator', waiting: replug }),
      job(4, { phase: 'succeeded' }),
      job(5, { phase: 'failed' }),
    ];
    // Devices 1 to 3 are off USB mid-job; 4 and 5 were unplugged after their jobs ended; 6 has no job yet.
    expect(devicesOnBench([device(6)], jobs)).toBe(4);
    expect(devicesOnBench([device(1), device(2), device(4), device(6)], jobs)).toBe(5);
  });
});
