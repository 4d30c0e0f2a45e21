/**
 * The bench log, derived from the jobs' journal: one record per job, the last `job-ended` entry per job id
 * (a retried job ends again). Indexed once, then kept current by reading only the bytes appended since the
 * last refresh, file by file (by offset), so a query over 100,000 records costs a stat of each file and
 * whatever is new. Reading happens in 256 KB chunks with awaits between them, so the first index of a large
 * journal does not hold the main process for long.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogRecord } from '../../preload/log-domain';
import { listJsonlFiles, parseLine, tornLineWarning } from '../storage/jsonl-files';
import { scanJsonlFile } from '../storage/jsonl-scan';
import { SerialQueue } from '../async/serial-queue';
import { parseJobEnded } from './log-record-schema';
import { type IndexedRecord, searchTextOf } from './indexed-record';

/** Lines that cannot be `job-ended` entries are skipped before they are decoded or parsed. */
const NEEDLE = '"job-ended"';
const MAX_WARNINGS = 50;

interface FileState {
  offset: number;
  line: number;
  size: number;
  tailBytes: number;
}

const newestFirst = (a: IndexedRecord, b: IndexedRecord) => b.record.finishedAt - a.record.finishedAt;

/** Journal order is nearly always finish order: then reversing is enough, and 100,000 records skip a sort. */
function sortNewestFirst(records: IndexedRecord[]): IndexedRecord[] {
  const inOrder = records.every(
    (r, i) => i === 0 || (records[i - 1]?.record.finishedAt ?? 0) <= r.record.finishedAt,
  );
  return inOrder ? records.reverse() : records.sort(newestFirst);
}

export class LogIndex {
  private files = new Map<string, FileState>();
  private byJob = new Map<string, IndexedRecord>();
  private sorted: IndexedRecord[] = [];
  /** Records added since `sorted` was built; a replaced record (a retried job) forces a full sort. */
  private added: IndexedRecord[] = [];
  private replaced = false;
  private lineWarnings: string[] = [];
  private droppedWarnings = 0;
  private changes = 0;
  private readonly queue = new SerialQueue();

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  /** Reads what was appended since the last refresh. Calls run one at a time. */
  refresh(): Promise<void> {
    return this.queue.run(() => this.refreshNow());
  }

  /**
   * Counts what the index has taken in: one per `job-ended` line read (a new record or a retried job's
   * newer one), one more when the journal was rewritten. Unchanged means the log has not changed.
   */
  get revision(): number {
    return this.changes;
  }

  /** How many records (jobs) the log holds. */
  get size(): number {
    return this.byJob.size;
  }

  /** Every record, newest finish first. */
  records(): readonly IndexedRecord[] {
    if (this.replaced || this.sorted.length === 0) {
      this.sorted = sortNewestFirst([...this.byJob.values()]);
    } else if (this.added.length > 0) {
      const added = this.added.sort(newestFirst);
      // Jobs usually end in journal order, so new records go in front without sorting the 100,000 again.
      const inOrder =
        (this.sorted[0]?.record.finishedAt ?? -Infinity) <= (added.at(-1)?.record.finishedAt ?? 0);
      this.sorted = inOrder ? [...added, ...this.sorted] : [...this.sorted, ...added].sort(newestFirst);
    }
    this.added = [];
    this.replaced = false;
    return this.sorted;
  }

  warnings(): readonly string[] {
    const torn = [...this.files]
      .filter(([, state]) => state.tailBytes > 0)
      .map(([file]) => tornLineWarning(path.basename(file)));
    const dropped = this.droppedWarnings > 0 ? [`…and ${this.droppedWarnings} more lines skipped.`] : [];
    return [...this.lineWarnings, ...dropped, ...torn];
  }

  private async refreshNow(): Promise<void> {
    const files = await listJsonlFiles(this.dir, this.prefix);
    const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
    // A file gone or shorter than what was read (deleted or replaced by hand): start again from nothing.
    const rewritten = [...this.files].some(
      ([file, state]) => !files.includes(file) || (sizes[files.indexOf(file)] ?? 0) < state.size,
    );
    if (rewritten) this.reset();
    for (const [i, file] of files.entries()) {
      const size = sizes[i] ?? 0;
      const state = this.files.get(file) ?? { offset: 0, line: 0, size: 0, tailBytes: 0 };
      this.files.set(file, state);
      if (size === state.size && state.offset + state.tailBytes === size) continue;
      await this.readFrom(file, state);
    }
  }

  private async readFrom(file: string, state: FileState): Promise<void> {
    const name = path.basename(file);
    const result = await scanJsonlFile(
      file,
      (line, lineNumber) => {
        const parsed = parseLine(line, parseJobEnded);
        if (!parsed.ok) this.warn(`${name} line ${lineNumber}: ${parsed.problem}, skipped.`);
        else if (parsed.value !== 'other') this.add(parsed.value);
      },
      {
        offset: state.offset,
        line: state.line,
        needle: NEEDLE,
        onLongLine: (lineNumber) => this.warn(`${name} line ${lineNumber}: longer than 1 MB, skipped.`),
      },
    );
    state.offset = result.offset;
    state.line = result.line;
    state.tailBytes = result.tailBytes;
    state.size = result.offset + result.tailBytes;
  }

  private add(record: LogRecord): void {
    const entry = { record, searchText: searchTextOf(record) };
    this.changes += 1;
    if (this.byJob.has(record.jobId)) this.replaced = true;
    else this.added.push(entry);
    this.byJob.set(record.jobId, entry);
  }

  private warn(message: string): void {
    if (this.lineWarnings.length < MAX_WARNINGS) this.lineWarnings.push(message);
    else this.droppedWarnings += 1;
  }

  private reset(): void {
    this.changes += 1;
    this.files = new Map();
    this.byJob = new Map();
    this.sorted = [];
    this.added = [];
    this.replaced = false;
    this.lineWarnings = [];
    this.droppedWarnings = 0;
  }
}
