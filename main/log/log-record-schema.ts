/**
 * What the bench log accepts from a journal or a log file: a `LogRecord` built field by field from an
 * allow-list. Files are untrusted (hand-edited, copied from another Mac, cut off by a crash), so every field is
 * checked and bounded, every text is cleaned, and any field the schema does not name (a challenge someone
 * put there, a future field) is dropped rather than carried into an export.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../preload/domain';
import type { WorkflowStepKind } from '../../preload/jobs-domain';
import type { LogOutcome, LogRecord } from '../../preload/log-domain';
import { cleanText } from './clean-text';

const errorCodes: Readonly<Record<ErrorCode, true>> = {
  'needs-user-approval': true,
  'already-prepared': true,
  'configuration-unavailable': true,
  'not-activated': true,
  'passcode-locked': true,
  'trust-pending': true,
  'trust-denied': true,
  'pairing-prohibited': true,
  'device-disconnected': true,
  'device-busy': true,
  'activation-locked': true,
  'mac-out-of-date': true,
  'no-devices-found': true,
  'value-missing': true,
  'set-prohibited': true,
  'network-unavailable': true,
  'no-such-profile': true,
  'output-unparseable': true,
  'cfgutil-missing': true,
  'cfgutil-not-executable': true,
  'timed-out': true,
  'in-use-unanswered': true,
  'manager-unknown': true,
  cancelled: true,
  'invalid-request': true,
  internal: true,
  unknown: true,
};

const stepKinds: Readonly<Record<WorkflowStepKind, true>> = {
  erase: true,
  prepare: true,
  'prepare-ade': true,
  'confirm-ade-enrollment': true,
  'wait-until-settled': true,
  'finish-setup-assistant': true,
  'install-enrollment-profile': true,
  'verify-enrollment': true,
  rename: true,
  'install-extra-profiles': true,
  'shut-down': true,
};

export const logOutcomes: Readonly<Record<LogOutcome, true>> = {
  succeeded: true,
  failed: true,
  skipped: true,
  cancelled: true,
  interrupted: true,
};

const keys = <T extends string>(table: Readonly<Record<T, true>>) => Object.keys(table) as [T, ...T[]];

// Too long is cut, not refused: a record is never lost over a long error message. A journal line is at most
// 1 MB before it is parsed (jsonl-scan.ts), which bounds the work.
const text = (max: number) => z.string().transform((value) => cleanText(value, max));
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).transform((items) => items.slice(0, max));
const time = z.number().finite().nonnegative();

const recordSchema = z.object({
  jobId: text(100).pipe(z.string().min(1)),
  startedAt: time,
  finishedAt: time,
  durationMs: time,
  serialNumber: text(64).optional(),
  ecid: text(40),
  udid: text(80).optional(),
  deviceType: text(64).optional(),
  model: text(200).optional(),
  iosVersion: text(40).optional(),
  finalName: text(200).optional(),
  workflowId: text(64),
  workflowName: text(200).optional(),
  profileIdentifier: text(300).optional(),
  organization: text(200).optional(),
  // A value this version does not know (a later one's) reads as unknown; the record itself is kept.
  enrollmentPath: z.enum(['direct', 'ade']).optional().catch(undefined),
  portLabel: text(100).optional(),
  outcome: z.enum(keys(logOutcomes)),
  errorCode: z.enum(keys(errorCodes)).optional(),
  errorMessage: text(2000).optional(),
  overrides: list(text(500), 50),
  steps: list(z.object({ step: z.enum(keys(stepKinds)), outcome: text(64) }), 50),
  stationName: text(200),
  appVersion: text(40),
  sessionId: text(100),
});

const jobEndedSchema = z.object({ kind: z.literal('job-ended'), record: recordSchema });

/**
 * A record as another Mac exported it: with its Intune columns (joined there at read time). Only `log merge`
 * reads these; a journal line never carries them (they are joined from the enrollment journal, never stored).
 * A column this version does not understand is dropped, never the record.
 */
const intuneColumnsSchema = z.object({
  state: z.enum(['enrolled', 'several', 'not-yet-seen', 'not-seen', 'not-checked']),
  push: z.enum(['queued', 'started', 'pushed', 'failed']).optional().catch(undefined),
  pushedAt: time.optional().catch(undefined),
  pushWhy: text(500).optional().catch(undefined),
  enrolledAt: time.optional().catch(undefined),
  enrollmentType: text(100).optional().catch(undefined),
  supervised: z.boolean().optional().catch(undefined),
});
const exportedRecordSchema = recordSchema.extend({ intune: intuneColumnsSchema.optional().catch(undefined) });

/** A validated record, or undefined. Unknown fields are dropped, never kept. */
export function parseLogRecord(value: unknown): LogRecord | undefined {
  const parsed = recordSchema.safeParse(value);
  return parsed.success ? withoutUndefined(parsed.data) : undefined;
}

/** A record from another bench's export, Intune columns included when valid. Unknown fields are dropped. */
export function parseExportedRecord(value: unknown): LogRecord | undefined {
  const parsed = exportedRecordSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const record = withoutUndefined(parsed.data);
  if (record.intune) withoutUndefined(record.intune);
  return record;
}

/**
 * For a journal line: the record of a valid `job-ended` entry; `'other'` for another kind of entry (the
 * prefilter lets a few through, and they are not a problem); undefined for a line that is neither.
 */
export function parseJobEnded(value: unknown): LogRecord | 'other' | undefined {
  const parsed = jobEndedSchema.safeParse(value);
  if (parsed.success) return withoutUndefined(parsed.data.record);
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  return typeof kind === 'string' && kind !== 'job-ended' ? 'other' : undefined;
}

/** Drops optional fields that are absent, so a record compares and serialises the same as the original. */
function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
