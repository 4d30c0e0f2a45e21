/**
 * The second fence for secrets, after the schema's allow-list: every text in a record is checked against the
 * secrets the bench knows (the current profile's SCEP challenge and passwords) before it leaves the log area
 * in a page, an export or a terminal. A secret that came in through an error message is replaced.
 *
 * Records were cleaned of control characters when they were read (log-record-schema.ts), so this only looks
 * for secrets, and copies a record only when it holds one: an export of 100,000 records stays cheap.
 */
import type { LogRecord } from '../../preload/log-domain';
import { redactText } from './clean-text';

export function redactRecord(record: LogRecord, secrets: readonly string[]): LogRecord {
  if (secrets.length === 0 || !holdsSecret(record, secrets)) return record;
  return redactValue(record, secrets) as LogRecord;
}

function holdsSecret(value: unknown, secrets: readonly string[]): boolean {
  if (typeof value === 'string') return secrets.some((s) => value.includes(s));
  if (Array.isArray(value)) return value.some((item) => holdsSecret(item, secrets));
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some((v) => holdsSecret(v, secrets));
  return false;
}

function redactValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, secrets)]));
  }
  return value;
}
