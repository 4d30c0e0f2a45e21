import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOURNAL_PREFIX } from '../../../main/journal/journal-entry';
import { LogIndex } from '../../../main/log/log-index';
import { jobEntries, journalDir, journalFile, makeRecord, writeJournal } from './journal-fixtures';

let dataDir: string;
let index: LogIndex;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'log-index-'));
  index = new LogIndex(journalDir(dataDir), JOURNAL_PREFIX);
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const jobIds = () => index.records().map((r) => r.record.jobId);

describe('LogIndex', () => {
  it('holds one record per job-ended entry, newest first, from every rotated file', async () => {
    await writeJournal(
      dataDir,
      [0, 1, 2, 3, 4].map((i) => makeRecord(i)),
      2,
    );
    await index.refresh();
    expect(jobIds()).toEqual(['job-4', 'job-3', 'job-2', 'job-1', 'job-0']);
    expect(index.records()[0]?.record).toEqual(makeRecord(4));
    expect(index.warnings()).toEqual([]);
  });

  it('keeps the last job-ended entry of a retried job', async () => {
    const failed = makeRecord(1, {
      outcome: 'failed',
      errorCode: 'timed-out',
      errorMessage: 'erase timed out',
    });
    const retried = makeRecord(1, { finishedAt: failed.finishedAt + 600_000, overrides: ['retry 1'] });
    await writeJournal(dataDir, [failed, makeRecord(2), retried]);
    await index.refresh();
    expect(index.records()).toHaveLength(2);
    expect(index.records().find((r) => r.record.jobId === 'job-1')?.record).toEqual(retried);
  });

  it('skips a torn last line and broken records with warnings, and drops fields it does not know', async () => {
    await writeJournal(dataDir, [makeRecord(0)]);
    const file = journalFile(dataDir);
    const extra = { ...jobEntries(makeRecord(1))[3], record: { ...makeRecord(1), challenge: 'hidden' } };
    const broken = { ...jobEntries(makeRecord(2))[3], record: { ...makeRecord(2), outcome: 'exploded' } };
    await appendFile(file, `${JSON.stringify(extra)}\n${JSON.stringify(broken)}\n{"kind":"job-ended","rec`);
    await index.refresh();
    expect(jobIds()).toEqual(['job-1', 'job-0']);
    expect(index.records()[0]?.record).not.toHaveProperty('challenge');
    expect(index.warnings()).toEqual([
      'jobs-000001.jsonl line 7: not a record this bench knows, skipped.',
      'jobs-000001.jsonl: the last line was cut off (a crash while writing) and was skipped.',
    ]);
  });

  it('reads only what was appended since the last refresh, including a line that was in flight', async () => {
    await writeJournal(dataDir, [makeRecord(0)]);
    const file = journalFile(dataDir);
    const [, , , ended] = jobEntries(makeRecord(1)).map((e) => JSON.stringify(e));
    await appendFile(file, (ended ?? '').slice(0, 40));
    await index.refresh();
    expect(jobIds()).toEqual(['job-0']);
    const before = index.records();
    await appendFile(file, `${(ended ?? '').slice(40)}\n`);
    await index.refresh();
    expect(jobIds()).toEqual(['job-1', 'job-0']);
    expect(index.records()[1]).toBe(before[0]);
    expect(index.warnings()).toEqual([]);
    // A new rotated file is picked up too.
    await writeFile(
      journalFile(dataDir, 2),
      jobEntries(makeRecord(2))
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    await index.refresh();
    expect(jobIds()).toEqual(['job-2', 'job-1', 'job-0']);
  });

  it('keeps newest-first order when a job that finished earlier is appended later', async () => {
    await writeJournal(dataDir, [makeRecord(5), makeRecord(6)]);
    await index.refresh();
    expect(jobIds()).toEqual(['job-6', 'job-5']);
    const late = jobEntries(makeRecord(1)).concat(jobEntries(makeRecord(9)));
    await appendFile(journalFile(dataDir), late.map((e) => `${JSON.stringify(e)}\n`).join(''));
    await index.refresh();
    expect(jobIds()).toEqual(['job-9', 'job-6', 'job-5', 'job-1']);
  });

  it('starts again when a file was replaced by a shorter one', async () => {
    await writeJournal(
      dataDir,
      [0, 1, 2].map((i) => makeRecord(i)),
    );
    await index.refresh();
    await writeJournal(dataDir, [makeRecord(7)]);
    await index.refresh();
    expect(jobIds()).toEqual(['job-7']);
  });

  it('makes control and bidi characters in texts from the file visible, never live (the one sanitiser)', async () => {
    await writeJournal(dataDir, [makeRecord(0, { finalName: 'iPad\u001b[31m\u202eRED' })]);
    await index.refresh();
    expect(index.records()[0]?.record.finalName).toBe('iPad\u241b[31m<U+202E>RED');
  });
});
