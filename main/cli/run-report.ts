/**
 * What `enroll-bench run --json` says about each device, and the exit code the run ends with.
 *
 * Every device that did not succeed carries `reason`, a short code a script can branch on, and `instruction`,
 * the words the device's card shows (the waiting instruction from main/jobs/guidance.ts, the failure's fix,
 * the skip reason), so "unlock it" and "Activation Lock" are told apart without reading prose.
 */
import type { ErrorCode } from '../../preload/domain';
import {
  skipReasonWords,
  type AdeStanding,
  type JobView,
  type OperatorReason,
  type SkipReason,
  type WorkflowStepKind,
} from '../../preload/jobs-domain';
import { modelNameFor } from '../devices/device-models';
import { EXIT } from './exit-codes';

export type RunOutcome =
  'succeeded' | 'failed' | 'waiting-for-operator' | 'skipped' | 'cancelled' | 'interrupted';

/** Why a device did not succeed, as a script reads it. */
export type RunReason =
  | 'unlock'
  | 'activation-lock'
  | 'approve-profile'
  | 'trust'
  | 'finish-setup'
  | 'reconnect'
  | 'mac-offline'
  | 'in-use'
  | 'cannot-tell'
  | 'other-bench'
  | 'ignored'
  | 'other-organization'
  | 'already-done'
  | 'skipped-by-operator'
  | 'not-ios'
  | 'recovery-mode'
  | 'not-activated'
  | 'pairing-prohibited'
  | 'mac-out-of-date'
  /** `prepare --dep` said 33001 after its retries: check the ADE assignment, or switch it to direct. */
  | 'no-ade-configuration'
  | 'timed-out'
  | 'cancelled'
  | 'interrupted'
  | 'error';

const waitingReasons: Readonly<Record<OperatorReason, RunReason>> = {
  'tap-trust': 'trust',
  'approve-profile': 'approve-profile',
  'unlock-device': 'unlock',
  'activation-lock': 'activation-lock',
  'finish-setup-assistant': 'finish-setup',
  'reconnect-device': 'reconnect',
  'mac-offline': 'mac-offline',
  'confirm-rerun': 'already-done',
  'in-use': 'in-use',
  'cannot-tell': 'cannot-tell',
};

const skipReasons: Readonly<Record<SkipReason, RunReason>> = {
  'ignore-list': 'ignored',
  'already-done': 'already-done',
  'other-organization': 'other-organization',
  operator: 'skipped-by-operator',
  'not-an-ios-device': 'not-ios',
  'recovery-mode': 'recovery-mode',
  'in-use': 'in-use',
  'other-bench': 'other-bench',
};

/** A failure's code as the reason; a `Record` so a new error code cannot go unnamed here. */
const failureReasons: Readonly<Record<ErrorCode, RunReason>> = {
  'needs-user-approval': 'approve-profile',
  'already-prepared': 'other-organization',
  'configuration-unavailable': 'no-ade-configuration',
  'not-activated': 'not-activated',
  'passcode-locked': 'unlock',
  'trust-pending': 'trust',
  'trust-denied': 'trust',
  'pairing-prohibited': 'pairing-prohibited',
  'device-disconnected': 'reconnect',
  'device-busy': 'in-use',
  'activation-locked': 'activation-lock',
  'mac-out-of-date': 'mac-out-of-date',
  'no-devices-found': 'reconnect',
  'value-missing': 'error',
  'set-prohibited': 'error',
  'network-unavailable': 'mac-offline',
  'no-such-profile': 'error',
  'output-unparseable': 'error',
  'cfgutil-missing': 'error',
  'cfgutil-not-executable': 'error',
  'timed-out': 'timed-out',
  'in-use-unanswered': 'in-use',
  'manager-unknown': 'cannot-tell',
  cancelled: 'cancelled',
  'invalid-request': 'error',
  internal: 'error',
  unknown: 'error',
};

/** Skips that are what the operator wanted: they do not make the run fail. */
const harmlessSkips: ReadonlySet<RunReason> = new Set(['already-done', 'ignored', 'skipped-by-operator']);

export function outcomeOf(job: JobView): RunOutcome {
  switch (job.phase) {
    case 'succeeded':
    case 'failed':
    case 'waiting-for-operator':
    case 'skipped':
    case 'cancelled':
    case 'interrupted':
      return job.phase;
    case 'countdown':
    case 'queued':
    case 'running':
    case 'waiting-for-reattach':
      return 'interrupted';
  }
}

/** The command that continues interrupted jobs, for the sentence and the instruction. */
export const RESUME_HINT = 'run the same command again with --resume to continue at that step';

export function whyNot(job: JobView): { reason: RunReason; instruction: string } | undefined {
  const outcome = outcomeOf(job);
  switch (outcome) {
    case 'succeeded':
      return undefined;
    case 'waiting-for-operator':
      return job.waiting
        ? { reason: waitingReasons[job.waiting.reason], instruction: job.waiting.instruction }
        : { reason: 'error', instruction: 'Needs you: look at the device.' };
    case 'skipped': {
      const reason = job.skipReason ? skipReasons[job.skipReason] : 'skipped-by-operator';
      const words = job.skipReason ? skipReasonWords[job.skipReason] : 'not run';
      return { reason, instruction: `Skipped: ${words}` };
    }
    case 'failed':
      return job.error
        ? { reason: failureReasons[job.error.code], instruction: job.error.detail }
        : { reason: 'error', instruction: 'Failed.' };
    case 'cancelled':
      return { reason: 'cancelled', instruction: 'Cancelled.' };
    case 'interrupted':
      return { reason: 'interrupted', instruction: `Interrupted: ${RESUME_HINT}.` };
  }
}

export interface RunReportDevice {
  readonly ecid: string;
  readonly serial: string | null;
  /** The name the bench gave the device (its rename step), null when it gave none (yet). */
  readonly name: string | null;
  readonly model: string | null;
  readonly outcome: RunOutcome;
  readonly errorCode: ErrorCode | null;
  /** ADE re-enrollment (issue 26): where the device stands by its own read, `ready-for-user` or `enrolled`. */
  readonly adeStanding: AdeStanding | null;
  readonly reason?: RunReason;
  readonly instruction?: string;
  /** Interrupted devices: the step they continue at with --resume. */
  readonly step?: WorkflowStepKind | null;
  readonly steps: readonly {
    readonly step: WorkflowStepKind;
    readonly startedAt: number;
    readonly endedAt: number | null;
    readonly outcome: string | null;
  }[];
}

/** The --json object: one entry per device, and how many ended each way. */
export function runReport(jobs: readonly JobView[], deviceTypes: ReadonlyMap<string, string | undefined>) {
  const devices: RunReportDevice[] = jobs.map((job) => {
    const outcome = outcomeOf(job);
    const deviceType = deviceTypes.get(job.ecid);
    const why = whyNot(job);
    return {
      ecid: job.ecid,
      serial: job.serialNumber ?? null,
      name: job.finalName ?? null,
      model: (deviceType ? modelNameFor(deviceType) : undefined) ?? deviceType ?? null,
      outcome,
      errorCode: outcome === 'succeeded' ? null : (job.error?.code ?? null),
      adeStanding: job.adeStanding ?? null,
      ...(why ?? {}),
      ...(outcome === 'interrupted' ? { step: job.step ?? null } : {}),
      steps: job.steps.map((s) => ({
        step: s.step,
        startedAt: s.startedAt,
        endedAt: s.endedAt ?? null,
        outcome: s.outcome ?? null,
      })),
    };
  });
  const counts: Record<RunOutcome, number> = {
    succeeded: 0,
    failed: 0,
    'waiting-for-operator': 0,
    skipped: 0,
    cancelled: 0,
    interrupted: 0,
  };
  for (const d of devices) counts[d.outcome] += 1;
  return { devices, counts };
}

export type RunReport = ReturnType<typeof runReport>;

/**
 * 0 every device succeeded or was done already (or skipped as wished), 1 some failed (or were cut off, or
 * cannot be done here), 3 nothing failed but some wait for a person. No device at all is 1: nothing was done.
 */
export function runExitCode(report: RunReport): number {
  if (report.devices.length === 0) return EXIT.failed;
  let waiting = false;
  for (const device of report.devices) {
    if (device.outcome === 'succeeded') continue;
    if (
      device.reason === 'already-done' ||
      (device.outcome === 'skipped' && harmlessSkips.has(device.reason ?? 'error'))
    )
      continue;
    if (device.outcome === 'waiting-for-operator') waiting = true;
    else return EXIT.failed;
  }
  return waiting ? EXIT.waiting : EXIT.ok;
}
