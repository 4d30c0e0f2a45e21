/**
 * One bench-log record as the index holds it, with the text a search looks in. Its own module so the index
 * (which computes the text once per record) and the queries (which filter on it) both build on it.
 */
import type { LogRecord } from '../../preload/log-domain';

export interface IndexedRecord {
  readonly record: LogRecord;
  /** Serial number and device name, lower-cased, for search. */
  readonly searchText: string;
}

/** What a search looks in: serial number and device name, lower-cased. */
export function searchTextOf(record: LogRecord): string {
  return `${record.serialNumber ?? ''}\n${record.finalName ?? ''}`.toLowerCase();
}
