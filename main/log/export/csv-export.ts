/**
 * The CSV of prepared devices: UTF-8 with a byte-order mark (so Excel reads names with accents right), one
 * header row, CRLF line ends and RFC 4180 quoting by csv-stringify, every cell neutralised against formulas.
 * Times are ISO 8601 in UTC, durations in whole seconds.
 */
import { stringify } from 'csv-stringify/sync';
import type { LogRecord } from '../../../preload/log-domain';
import { neutralizeFormula } from './neutralize-formula';

const columns: readonly (readonly [string, (r: LogRecord) => string | number | undefined])[] = [
  ['Serial number', (r) => r.serialNumber],
  ['Device name', (r) => r.finalName],
  ['Model', (r) => r.model],
  ['Model identifier', (r) => r.deviceType],
  ['iOS version', (r) => r.iosVersion],
  ['Outcome', (r) => r.outcome],
  ['Started (UTC)', (r) => isoTime(r.startedAt)],
  ['Finished (UTC)', (r) => isoTime(r.finishedAt)],
  ['Duration (s)', (r) => Math.round(r.durationMs / 1000)],
  ['Workflow', (r) => r.workflowName ?? r.workflowId],
  ['Profile', (r) => r.profileIdentifier],
  ['Organization', (r) => r.organization],
  ['USB port', (r) => r.portLabel],
  ['Error code', (r) => r.errorCode],
  ['Error', (r) => r.errorMessage],
  ['Overrides', (r) => r.overrides.join('; ')],
  ['ECID', (r) => r.ecid],
  ['UDID', (r) => r.udid],
  ['Station', (r) => r.stationName],
  ['App version', (r) => r.appVersion],
  ['Session', (r) => r.sessionId],
  ['Job', (r) => r.jobId],
  // Last, so the earlier columns keep their places; empty for records older than the field (unknown).
  ['Enrollment path', (r) => r.enrollmentPath],
  // Issue 25, after the columns above: joined from the Intune journal at read time; older read "not checked".
  ['Intune state', (r) => r.intune?.state ?? 'not-checked'],
  ['Intune pushed (UTC)', (r) => (r.intune?.pushedAt === undefined ? '' : isoTime(r.intune.pushedAt))],
  ['Intune push result', (r) => r.intune?.push ?? ''],
  ['Intune enrolled (UTC)', (r) => (r.intune?.enrolledAt === undefined ? '' : isoTime(r.intune.enrolledAt))],
  ['Intune enrollment type', (r) => r.intune?.enrollmentType ?? ''],
];

export const CSV_BOM = '\uFEFF';
/** Rows stringified per slice; the caller yields between slices so a 100,000-row export never blocks long. */
export const CSV_SLICE = 5000;

function isoTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function row(record: LogRecord): string[] {
  return columns.map(([, cell]) => neutralizeFormula(String(cell(record) ?? '')));
}

export function csvHeader(): string {
  return stringify([columns.map(([name]) => name)], { record_delimiter: 'windows' });
}

export function csvRows(records: readonly LogRecord[]): string {
  // csv-stringify quotes a cell holding CRLF but not a lone CR or LF; RFC 4180 wants both quoted.
  return stringify(records.map(row), { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}
