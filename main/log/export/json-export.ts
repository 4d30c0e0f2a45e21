/**
 * The JSON export: every field of every record, one record per line inside one array, so a file of 100,000
 * records is still diffable and `enroll-bench log merge` can read it back.
 */
import type { LogRecord } from '../../../preload/log-domain';

export const JSON_EXPORT_FORMAT = 'enroll-bench-log';

export function jsonExport(records: readonly LogRecord[], exportedAt: number): string {
  const head = `{"format":"${JSON_EXPORT_FORMAT}","version":1,"exportedAt":"${new Date(exportedAt).toISOString()}","records":[`;
  const body = records.map((r) => JSON.stringify(r)).join(',\n');
  return `${head}${records.length > 0 ? `\n${body}\n` : ''}]}\n`;
}
