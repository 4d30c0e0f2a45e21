/**
 * The second fence for secrets, after the schema's allow-list: every text in a record is checked against the
 * secrets the bench knows (the current profile's SCEP challenge and passwords) before it leaves the log area
 * in a page, an export or a terminal. A secret that came in through an error message is replaced.
 */
import type { LogRecord } from '../../preload/log-domain';
import { safeText } from './clean-text';

export function redactRecord(record: LogRecord, secrets: readonly string[]): LogRecord {
  if (secrets.length === 0) return record;
  const entries = Object.entries(record).map(([key, value]) => [key, redactValue(value, secrets)]);
  return Object.fromEntries(entries) as LogRecord;
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return safeText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)]));
  }
  return value;
}
