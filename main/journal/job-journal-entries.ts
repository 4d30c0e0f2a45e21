/** The journal lines for one job's life (main/journal/journal-entry.ts), built from its view: pure. */
import type { ErrorInfo } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';
import { logRecordFor, type LogRecordContext } from './job-log-record';
import type { JournalEntry } from './journal-entry';

export function createdEntry(
  view: JobView,
  sessionId: string,
  profileSha256: string | undefined,
  at: number,
): JournalEntry {
  return {
    v: 1,
    kind: 'job-created',
    at,
    sessionId,
    jobId: view.jobId,
    ecid: view.ecid,
    workflowId: view.workflowId,
    ...(view.serialNumber ? { serialNumber: view.serialNumber } : {}),
    ...(profileSha256 ? { profileSha256 } : {}),
  };
}

export function transitionEntry(view: JobView, at: number): JournalEntry {
  return {
    v: 1,
    kind: 'job-transition',
    at,
    jobId: view.jobId,
    ecid: view.ecid,
    phase: view.phase,
    attempt: view.attempt,
    ...(view.step ? { step: view.step } : {}),
    ...(view.stepIndex === undefined ? {} : { stepIndex: view.stepIndex }),
    ...(view.waiting ? { reason: view.waiting.reason } : {}),
    ...(view.skipReason ? { skipReason: view.skipReason } : {}),
    ...(view.error ? { error: errorSummary(view.error) } : {}),
  };
}

/** The `job-ended` line: the bench log's record, from the one pure function that builds it. */
export function endedEntry(view: JobView, context: LogRecordContext, at: number): JournalEntry {
  return {
    v: 1,
    kind: 'job-ended',
    at,
    jobId: view.jobId,
    ecid: view.ecid,
    record: logRecordFor(view, context, at),
  };
}

function errorSummary(error: ErrorInfo): Pick<ErrorInfo, 'code' | 'title' | 'cfgutilCode'> {
  return {
    code: error.code,
    title: error.title,
    ...(error.cfgutilCode === undefined ? {} : { cfgutilCode: error.cfgutilCode }),
  };
}
