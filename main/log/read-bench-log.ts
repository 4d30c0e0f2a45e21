/** The bench log of a data folder, read once (for the CLI): records newest first, warnings, journal folder. */
import path from 'node:path';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../journal/journal-entry';
import { listJsonlFiles } from '../storage/jsonl-files';
import type { IndexedRecord } from './indexed-record';
import { LogIndex } from './log-index';

export interface BenchLog {
  readonly journalDir: string;
  readonly files: number;
  readonly records: readonly IndexedRecord[];
  readonly warnings: readonly string[];
}

export async function readBenchLog(dataDir: string): Promise<BenchLog> {
  const journalDir = path.join(dataDir, JOURNAL_DIR);
  const index = new LogIndex(journalDir, JOURNAL_PREFIX);
  await index.refresh();
  return {
    journalDir,
    files: (await listJsonlFiles(journalDir, JOURNAL_PREFIX)).length,
    records: index.records(),
    warnings: index.warnings(),
  };
}
