import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../main/journal/journal-entry';
import { retryingJournal } from '../../../main/journal/journal-retry';
import type { JsonlAppender } from '../../../main/storage/jsonl-files';

/** An appender whose disk can be filled and emptied. */
function flakyDisk(): JsonlAppender & { written: unknown[]; full: boolean } {
  const disk = {
    written: [] as unknown[],
    full: false,
    append: async (record: unknown) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (disk.full) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      disk.written.push(record);
    },
    close: async () => {},
  };
  return disk;
}

const entry = (n: number): JournalEntry => ({
  v: 1,
  kind: 'session-started',
  at: n,
  sessionId: `s${n}`,
  stationName: 'bench',
  appVersion: 'test',
});

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('retryingJournal', () => {
  it('keeps entries it could not write, in order, reports the problem, and writes them once space returns', async () => {
    const disk = flakyDisk();
    const errors: unknown[] = [];
    const health: (string | undefined)[] = [];
    const journal = retryingJournal(disk, (e) => errors.push(e), 20);
    journal.onHealth((p) => health.push(p));
    journal.append(entry(1));
    await until(() => disk.written.length === 1);
    disk.full = true;
    journal.append(entry(2));
    journal.append(entry(3));
    await until(() => journal.problem() !== undefined);
    expect(journal.problem()).toMatch(/disk is full.*resumes by itself/);
    journal.append(entry(4));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(disk.written).toHaveLength(1);
    disk.full = false;
    await until(() => journal.problem() === undefined);
    expect(disk.written.map((e) => (e as JournalEntry).at)).toEqual([1, 2, 3, 4]);
    expect(health).toEqual([expect.stringMatching(/paused/), undefined]);
    expect(errors.length).toBeGreaterThan(0);
    await journal.close();
  });

  it('says what is left unwritten when it is closed on a full disk, and does not hang', async () => {
    const disk = flakyDisk();
    disk.full = true;
    const errors: unknown[] = [];
    const journal = retryingJournal(disk, (e) => errors.push(e), 10_000);
    journal.append(entry(1));
    await until(() => journal.problem() !== undefined);
    await journal.close();
    expect(String(errors.at(-1))).toMatch(/1 journal entries could not be written/);
  });
});
