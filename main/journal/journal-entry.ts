/**
 * What the jobs' journal holds: one JSON object per line, appended and flushed per record.
 *
 * The journal is the one source of truth for what happened to each device. After a restart the jobs area
 * replays it to reconcile attached devices; the bench log (main/log/) reads its `job-ended` entries, whose
 * `record` is built from the job's state by one pure function, so the log cannot disagree with the journal.
 * A torn last line (a crash mid-write) is skipped with a warning by every reader.
 */
import type { Ecid, ErrorInfo } from '../../preload/domain';
import type { JobPhase, OperatorReason, SkipReason, WorkflowStepKind } from '../../preload/jobs-domain';
import type { LogRecord } from '../../preload/log-domain';

export const JOURNAL_VERSION = 1;

export type JournalEntry =
  | {
      readonly v: 1;
      readonly kind: 'session-started';
      readonly at: number;
      readonly sessionId: string;
      readonly stationName: string;
      readonly appVersion: string;
    }
  | {
      readonly v: 1;
      readonly kind: 'job-created';
      readonly at: number;
      readonly sessionId: string;
      readonly jobId: string;
      readonly ecid: Ecid;
      readonly serialNumber?: string;
      readonly workflowId: string;
      /** sha256 of the profile bytes the job will install, so a rerun check can compare. */
      readonly profileSha256?: string;
    }
  | {
      readonly v: 1;
      readonly kind: 'job-transition';
      readonly at: number;
      readonly jobId: string;
      readonly ecid: Ecid;
      readonly phase: JobPhase;
      readonly step?: WorkflowStepKind;
      readonly stepIndex?: number;
      readonly attempt: number;
      readonly reason?: OperatorReason;
      readonly skipReason?: SkipReason;
      readonly error?: Pick<ErrorInfo, 'code' | 'title' | 'cfgutilCode'>;
    }
  | {
      readonly v: 1;
      readonly kind: 'job-ended';
      readonly at: number;
      readonly jobId: string;
      readonly ecid: Ecid;
      /** Everything the bench log shows for this job; never a secret. */
      readonly record: LogRecord;
    };

/** Where the journal lives inside the data folder, and its file prefix (see main/storage/jsonl-files.ts). */
export const JOURNAL_DIR = 'journal';
export const JOURNAL_PREFIX = 'jobs';
