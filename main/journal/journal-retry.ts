/**
 * Journal entries that could not be written (disk full, a read-only or vanished data folder) are kept, in
 * order, and written again every `retryMs` until the disk takes them: none is dropped, and none overtakes
 * another. While any is waiting the journal reports a problem, and the board lets no step start (a step
 * started then would go unrecorded); when the backlog is written it reports that all is well again.
 */
import type { JsonlAppender } from '../storage/jsonl-files';
import type { JournalEntry } from './journal-entry';

export type JournalHealthListener = (problem: string | undefined) => void;

export interface RetryingJournal {
  append(entry: JournalEntry): void;
  /** Undefined while every entry is on disk; otherwise what to tell the operator. */
  problem(): string | undefined;
  onHealth(listener: JournalHealthListener): () => void;
  /** Tries the backlog once more, then closes; what is still unwritten is reported to `onError`. */
  close(): Promise<void>;
}

export const JOURNAL_RETRY_MS = 2_000;

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'the data folder cannot be written'
        : 'writing to the data folder failed';
  return `Jobs are paused: ${why}, so the next steps could not be recorded. Free some space or fix the data folder; work resumes by itself once the journal can be written.`;
}

export function retryingJournal(
  appender: JsonlAppender,
  onError: (error: unknown) => void,
  retryMs = JOURNAL_RETRY_MS,
): RetryingJournal {
  const backlog: JournalEntry[] = [];
  const listeners = new Set<JournalHealthListener>();
  let problem: string | undefined;
  let flushing: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const setProblem = (next: string | undefined): void => {
    if (next === problem) return;
    problem = next;
    for (const listener of [...listeners]) listener(problem);
  };

  // One writer at a time, oldest entry first; an entry leaves the backlog only once it is on disk.
  const flush = async (): Promise<void> => {
    while (backlog.length > 0) {
      try {
        await appender.append(backlog[0]);
      } catch (error) {
        onError(error);
        setProblem(describe(error));
        if (!closed) {
          retryTimer = setTimeout(() => void startFlush(), retryMs);
          retryTimer.unref();
        }
        return;
      }
      backlog.shift();
    }
    setProblem(undefined);
  };
  const startFlush = (): Promise<void> => {
    clearTimeout(retryTimer);
    flushing ??= flush().finally(() => {
      flushing = undefined;
      // An entry appended while the last write was finishing found this flush still running.
      if (backlog.length > 0 && problem === undefined && !closed) void startFlush();
    });
    return flushing;
  };

  return {
    append(entry) {
      backlog.push(entry);
      // While failing, new entries wait behind the backlog for the next retry.
      if (problem === undefined) void startFlush();
    },
    problem: () => problem,
    onHealth(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await flushing;
      if (backlog.length > 0) await startFlush();
      closed = true;
      clearTimeout(retryTimer);
      if (backlog.length > 0) onError(new Error(`${backlog.length} journal entries could not be written`));
      await appender.close();
    },
  };
}
