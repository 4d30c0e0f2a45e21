import { describe, expect, it } from 'vitest';
import { parseJobEnded, parseLogRecord } from '../../../main/log/log-record-schema';
import { makeRecord } from './journal-fixtures';

describe('parseLogRecord', () => {
  it('keeps a record as the jobs area writes it', () => {
    expect(parseLogRecord(makeRecord(1))).toEqual(makeRecord(1));
  });

  it('cuts texts that are too long instead of losing the record', () => {
    const record = parseLogRecord({
      ...makeRecord(1),
      errorMessage: 'e'.repeat(5000),
      overrides: Array.from({ length: 80 }, (_, i) => `retry ${i}`),
    });
    expect(record?.errorMessage).toHaveLength(2000);
    expect(record?.overrides).toHaveLength(50);
  });

  it('drops fields it does not know and refuses a record missing what it needs', () => {
    expect(parseLogRecord({ ...makeRecord(1), challenge: 'x' })).not.toHaveProperty('challenge');
    const { jobId: _jobId, ...noJob } = makeRecord(1);
    expect(parseLogRecord(noJob)).toBeUndefined();
    expect(parseLogRecord({ ...makeRecord(1), outcome: 'exploded' })).toBeUndefined();
    expect(parseLogRecord({ ...makeRecord(1), startedAt: -1 })).toBeUndefined();
  });
});

describe('parseJobEnded', () => {
  it('tells another kind of entry from a broken one', () => {
    expect(parseJobEnded({ kind: 'job-ended', record: makeRecord(2) })).toEqual(makeRecord(2));
    expect(parseJobEnded({ kind: 'job-transition', note: 'job-ended' })).toBe('other');
    expect(parseJobEnded({ kind: 'job-ended', record: { jobId: 'x' } })).toBeUndefined();
    expect(parseJobEnded('job-ended')).toBeUndefined();
  });
});

describe('enrollmentPath (issue 26)', () => {
  it('keeps direct and ade, reads a record without it as unknown, and drops an unknown value but keeps the record', () => {
    for (const path of ['direct', 'ade'] as const) {
      expect(parseLogRecord({ ...makeRecord(2), enrollmentPath: path })?.enrollmentPath).toBe(path);
    }
    const older = parseLogRecord(makeRecord(3));
    expect(older).toBeDefined();
    expect(older && 'enrollmentPath' in older).toBe(false);
    const later = parseLogRecord({ ...makeRecord(4), enrollmentPath: 'something-new' });
    expect(later).toEqual(makeRecord(4));
  });
});
