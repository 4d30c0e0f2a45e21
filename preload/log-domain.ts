/**
 * The bench log's vocabulary: one record per finished job, derived from the jobs' journal.
 *
 * Pure types (the same rules as ./domain.ts). Records never carry a secret: no SCEP challenge, password or key.
 */
import type { Ecid, ErrorCode } from './domain';
import type { WorkflowStepKind } from './jobs-domain';

/** What the log shows of a serial in Intune; `not-checked` when the bench never asked. */
export type LogIntuneState = 'enrolled' | 'several' | 'not-yet-seen' | 'not-seen' | 'not-checked';

export interface LogIntuneColumns {
  readonly state: LogIntuneState;
  readonly push?: 'queued' | 'started' | 'pushed' | 'failed';
  readonly pushedAt?: number;
  readonly pushWhy?: string;
  readonly enrolledAt?: number;
  readonly enrollmentType?: string;
  readonly supervised?: boolean;
}

export type LogOutcome = 'succeeded' | 'failed' | 'skipped' | 'cancelled' | 'interrupted';

export type EnrollmentPath = 'direct' | 'ade';

export interface LogRecord {
  /** The job's id: unique per job, so a merge can de-duplicate. */
  readonly jobId: string;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly durationMs: number;
  readonly serialNumber?: string;
  readonly ecid: Ecid;
  readonly udid?: string;
  /** Apple product type, for example `iPad14,1`. */
  readonly deviceType?: string;
  readonly model?: string;
  readonly iosVersion?: string;
  readonly finalName?: string;
  readonly workflowId: string;
  readonly workflowName?: string;
  readonly profileIdentifier?: string;
  readonly organization?: string;
  /**
   * How the device was enrolled: `ade` (prepare --dep; Setup Assistant enrolls it) or `direct` (the bench
   * installs the Intune profile). Absent in records written before it existed, and for workflows that enroll
   * neither way: read as unknown.
   */
  readonly enrollmentPath?: EnrollmentPath;
  readonly portLabel?: string;
  readonly outcome: LogOutcome;
  readonly errorCode?: ErrorCode;
  readonly errorMessage?: string;
  /** Operator decisions that changed the run: an expired profile used (with its reason), retries. */
  readonly overrides: readonly string[];
  readonly steps: readonly { readonly step: WorkflowStepKind; readonly outcome: string }[];
  readonly stationName: string;
  readonly appVersion: string;
  /** Which bench session (one start of the app) finished the job. */
  readonly sessionId: string;
  /**
   * Issue 25: the serial's Intune columns, joined at read time from the enrollment journal (never written
   * into the job's record). Absent = not checked (records from before serial push, or Intune not connected).
   */
  readonly intune?: LogIntuneColumns;
}

export interface LogQuery {
  /** Matches serial number or device name, case-insensitive. */
  readonly search?: string;
  /** Epoch milliseconds, inclusive. */
  readonly from?: number;
  readonly to?: number;
  readonly outcome?: LogOutcome | 'all';
  readonly sessionId?: string;
  readonly offset?: number;
  /** At most 500 per page. */
  readonly limit?: number;
}

/**
 * What the selected records say, counted by device (ECID) as the bench header counts: each device in the
 * state of its last attempt, so a device that failed and then succeeded on Retry is prepared, not failed.
 * The attempts are told apart from the devices.
 */
export interface LogSummary {
  /** Devices in the selection. */
  readonly devices: number;
  /** Devices whose last attempt succeeded. */
  readonly prepared: number;
  /** Devices whose last attempt failed or was cut off. */
  readonly failed: number;
  /** Devices whose last attempt was skipped or cancelled. */
  readonly skipped: number;
  readonly cancelled: number;
  /** Records (one per attempt: every Retry is a new job). */
  readonly attempts: number;
  /** Attempts that failed or were cut off, whatever came after. */
  readonly failedAttempts: number;
  /** Devices with a failed attempt whose last attempt succeeded. */
  readonly retriedThenSucceeded: number;
  readonly medianDurationMs?: number;
  readonly devicesPerHour?: number;
}

export interface LogPage {
  readonly records: readonly LogRecord[];
  /** Records matching the query, across all pages. */
  readonly total: number;
  readonly summary: LogSummary;
  readonly sessions: readonly { readonly sessionId: string; readonly startedAt: number }[];
  /** Plain-language notes from reading the log (a torn last line skipped, …). */
  readonly warnings: readonly string[];
}

/** `csv`: every column, header row. `intune`: Apple Configurator ▸ Devices ▸ Add (no header). `json`. */
export type LogExportFormat = 'csv' | 'intune' | 'json';

export interface LogExportResult {
  /** The files written (the Intune file splits at 5,000 rows). */
  readonly files: readonly string[];
  readonly rows: number;
}
