import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ErrorCode, ErrorInfo } from '../../../preload/domain';
import {
  skipReasonWords,
  type JobView,
  type OperatorReason,
  type SkipReason,
} from '../../../preload/jobs-domain';
import { INSTRUCTIONS } from '../../../main/jobs/guidance';
import { EXIT } from '../../../main/cli/exit-codes';
import { runExitCode, runReport, whyNot } from '../../../main/cli/run-report';

const operatorReasons = Object.keys(INSTRUCTIONS) as OperatorReason[];
const skipReasons = Object.keys(skipReasonWords) as SkipReason[];
const errorCodes: ErrorCode[] = [
  'needs-user-approval',
  'already-prepared',
  'configuration-unavailable',
  'not-activated',
  'passcode-locked',
  'trust-pending',
  'trust-denied',
  'pairing-prohibited',
  'device-disconnected',
  'device-busy',
  'activation-locked',
  'mac-out-of-date',
  'no-devices-found',
  'value-missing',
  'set-prohibited',
  'network-unavailable',
  'no-such-profile',
  'output-unparseable',
  'cfgutil-missing',
  'cfgutil-not-executable',
  'timed-out',
  'cancelled',
  'invalid-request',
  'internal',
  'unknown',
];

let n = 0;
function job(over: Partial<JobView>): JobView {
  n += 1;
  return {
    jobId: `j${n}`,
    ecid: `0x${n.toString(16).toUpperCase()}`,
    workflowId: 'supervise-and-enroll',
    phase: 'succeeded',
    stepCount: 3,
    progress: 1,
    attempt: 1,
    steps: [],
    ...over,
  };
}

const error = (code: ErrorCode): ErrorInfo => ({
  code,
  title: `T ${code}`,
  detail: `Fix ${code}.`,
  retryable: true,
});

const anyJob = fc.oneof(
  fc.constant(job({ phase: 'succeeded' })),
  fc.constantFrom(...operatorReasons).map((reason) =>
    job({
      phase: 'waiting-for-operator',
      waiting: { reason, instruction: INSTRUCTIONS[reason], since: 1 },
    }),
  ),
  fc.constantFrom(...skipReasons).map((skipReason) => job({ phase: 'skipped', skipReason })),
  fc.constantFrom(...errorCodes).map((code) => job({ phase: 'failed', error: error(code) })),
  fc
    .constantFrom(
      'cancelled',
      'interrupted',
      'running',
      'queued',
      'countdown',
      'waiting-for-reattach' as const,
    )
    .map((phase) => job({ phase, step: 'erase', stepIndex: 0 })),
);

describe('run --json: every device that did not succeed says why and what to do', () => {
  it('gives a reason and the card’s words to every device that did not succeed, and none to those that did', () => {
    fc.assert(
      fc.property(fc.array(anyJob, { maxLength: 12 }), (jobs) => {
        const report = runReport(jobs, new Map());
        for (const [i, device] of report.devices.entries()) {
          const source = jobs[i] as JobView;
          if (device.outcome === 'succeeded') {
            expect(device.reason).toBeUndefined();
            continue;
          }
          expect(device.reason).toMatch(/^[a-z-]+$/);
          expect(device.instruction?.length).toBeGreaterThan(0);
          if (source.waiting) expect(device.instruction).toBe(source.waiting.instruction);
          if (source.phase === 'failed') expect(device.instruction).toBe(source.error?.detail);
          if (source.skipReason)
            expect(device.instruction).toBe(`Skipped: ${skipReasonWords[source.skipReason]}`);
          if (device.outcome === 'interrupted') expect(device.step).toBe('erase');
        }
      }),
    );
  });

  it('tells unlock from Activation Lock from approve-profile from trust, waiting or failed', () => {
    const reasonOf = (j: JobView) => whyNot(j)?.reason;
    const waiting = (reason: OperatorReason) =>
      reasonOf(
        job({
          phase: 'waiting-for-operator',
          waiting: { reason, instruction: INSTRUCTIONS[reason], since: 1 },
        }),
      );
    expect(waiting('unlock-device')).toBe('unlock');
    expect(waiting('activation-lock')).toBe('activation-lock');
    expect(waiting('approve-profile')).toBe('approve-profile');
    expect(waiting('tap-trust')).toBe('trust');
    expect(waiting('finish-setup-assistant')).toBe('finish-setup');
    expect(reasonOf(job({ phase: 'failed', error: error('passcode-locked') }))).toBe('unlock');
    expect(reasonOf(job({ phase: 'failed', error: error('activation-locked') }))).toBe('activation-lock');
    expect(reasonOf(job({ phase: 'failed', error: error('device-busy') }))).toBe('in-use');
    // A question that ran out says which one: the in-use question, or who manages the device.
    expect(reasonOf(job({ phase: 'failed', error: error('in-use-unanswered') }))).toBe('in-use');
    expect(reasonOf(job({ phase: 'failed', error: error('manager-unknown') }))).toBe('cannot-tell');
    expect(reasonOf(job({ phase: 'skipped', skipReason: 'ignore-list' }))).toBe('ignored');
    expect(reasonOf(job({ phase: 'skipped', skipReason: 'other-organization' }))).toBe('other-organization');
    expect(reasonOf(job({ phase: 'skipped', skipReason: 'already-done' }))).toBe('already-done');
  });
});

describe('the run’s exit code', () => {
  it('is 1 when any device failed, else 3 when any waits for a person, else 0; already-done never fails it', () => {
    fc.assert(
      fc.property(fc.array(anyJob, { minLength: 1, maxLength: 12 }), (jobs) => {
        const report = runReport(jobs, new Map());
        const code = runExitCode(report);
        const bad = report.devices.filter(
          (d) =>
            d.outcome !== 'succeeded' &&
            d.reason !== 'already-done' &&
            !(d.outcome === 'skipped' && ['ignored', 'skipped-by-operator'].includes(d.reason ?? '')),
        );
        const expected = bad.some((d) => d.outcome !== 'waiting-for-operator')
          ? EXIT.failed
          : bad.length > 0
            ? EXIT.waiting
            : EXIT.ok;
        expect(code).toBe(expected);
      }),
    );
    const done = job({ phase: 'skipped', skipReason: 'already-done' });
    expect(runExitCode(runReport([done, job({ phase: 'succeeded' })], new Map()))).toBe(EXIT.ok);
    expect(runExitCode(runReport([], new Map()))).toBe(EXIT.failed);
  });
});
