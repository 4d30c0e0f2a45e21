import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../main/log/export/export-log';
import { searchTextOf } from '../../../main/log/indexed-record';
import { filterRecords, type RecordFilter } from '../../../main/log/log-query';
import type { LogRecord } from '../../../preload/log-domain';
import { makeRecord, T0 } from './journal-fixtures';

const records: LogRecord[] = [
  makeRecord(0),
  makeRecord(1, { finalName: 'Library iPad 1', sessionId: 'session-2' }),
  makeRecord(2, { finalName: 'Library iPad 2', sessionId: 'session-2', outcome: 'failed' }),
  makeRecord(3, { finalName: 'Library iPad 3' }),
  makeRecord(4, { serialNumber: 'DMPLIBRARY01', sessionId: 'session-2' }),
];

async function jobIds(filter: RecordFilter & { format?: 'json' | 'csv' }): Promise<string[]> {
  const output = await exportRecords(records, { format: 'json', ...filter }, { now: T0, secrets: [] });
  const parsed = JSON.parse(output.files[0]?.text ?? '') as { records: LogRecord[] };
  return parsed.records.map((r) => r.jobId);
}

describe('exportRecords with the log view filters', () => {
  it('keeps only records whose serial or name holds the search, ignoring case and spaces around it', async () => {
    expect(await jobIds({ search: '  LIBRARY ' })).toEqual(['job-1', 'job-2', 'job-3', 'job-4']);
    expect(await jobIds({ search: 'f7tlwclb0000' })).toEqual(['job-0']);
    expect(await jobIds({ search: 'nothing like it' })).toEqual([]);
  });

  it('keeps only the chosen session, combined with search, outcome and dates', async () => {
    expect(await jobIds({ sessionId: 'session-2' })).toEqual(['job-1', 'job-2', 'job-4']);
    expect(await jobIds({ sessionId: 'session-2', search: 'ipad' })).toEqual(['job-1', 'job-2']);
    expect(await jobIds({ sessionId: 'session-2', search: 'ipad', outcome: 'succeeded' })).toEqual(['job-1']);
    expect(await jobIds({ sessionId: 'session-2', from: makeRecord(2).finishedAt })).toEqual([
      'job-2',
      'job-4',
    ]);
  });

  it('exports exactly the records the view lists for the same filter', async () => {
    const indexed = records.map((record) => ({ record, searchText: searchTextOf(record) }));
    const filters: RecordFilter[] = [
      { search: 'library', outcome: 'all' },
      { search: 'IPAD', sessionId: 'session-2', outcome: 'all' },
      { sessionId: 'session-1', to: makeRecord(3).finishedAt, outcome: 'all' },
    ];
    for (const filter of filters) {
      const listed = filterRecords(indexed, filter).map((r) => r.record.jobId);
      expect(await jobIds(filter)).toEqual(listed.sort());
    }
  });

  it('applies the search to CSV rows too', async () => {
    const output = await exportRecords(
      records,
      { format: 'csv', search: 'library ipad', sessionId: 'session-2', outcome: 'all' },
      { now: T0, secrets: [] },
    );
    expect(output.rows).toBe(2);
    const text = output.files[0]?.text ?? '';
    expect(text).toContain('Library iPad 1');
    expect(text).toContain('Library iPad 2');
    expect(text).not.toContain('Library iPad 3');
  });
});
