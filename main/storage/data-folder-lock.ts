/**
 * One bench per data folder: `run`, `serve` and the app take `bench.lock` in the data folder before they
 * assemble anything, so two processes never drive the same journal, settings and devices. A second one is
 * refused with who holds the folder (pid, command, since when) and how to stop it. A lock left by a crashed
 * process is taken over (./pid-lock.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BenchError } from '../errors/bench-error';
import { newToken, processAlive, tryLock, unlock, type LockHolder } from './pid-lock';

export const DATA_FOLDER_LOCK = 'bench.lock';

export interface DataFolderLock {
  readonly holder: LockHolder;
  release(): void;
}

export interface DataFolderLockOptions {
  /** What is starting, in words: `enroll-bench run`. */
  readonly command: string;
  readonly now?: () => number;
  readonly alive?: (pid: number) => boolean;
}

/** Takes the data folder for this process, or throws a `BenchError` naming the bench that has it. */
export function lockDataFolder(dataDir: string, options: DataFolderLockOptions): DataFolderLock {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, DATA_FOLDER_LOCK);
  const holder: LockHolder = {
    pid: process.pid,
    token: newToken(),
    what: options.command,
    since: (options.now ?? Date.now)(),
  };
  const attempt = tryLock(file, holder, options.alive ?? processAlive);
  if (attempt.kind === 'held') throw busyFolder(dataDir, attempt.holder);
  let released = false;
  return {
    holder,
    release: () => {
      if (released) return;
      released = true;
      unlock(file, holder);
    },
  };
}

/** Another live bench holds the data folder: the bench cannot run (the CLI's exit code 4). */
export class DataFolderInUse extends BenchError {}

function busyFolder(dataDir: string, other: LockHolder): BenchError {
  const since = other.since > 0 ? new Date(other.since).toISOString() : 'an unknown time';
  return new DataFolderInUse({
    code: 'invalid-request',
    title: 'Another bench is using this data folder',
    detail:
      `${other.what} (pid ${other.pid}) has been running on ${dataDir} since ${since}. ` +
      `Stop it first (press Ctrl+C in its terminal, quit the app, or run "kill ${other.pid}"), ` +
      'or give this one another data folder (ENROLL_BENCH_DATA=/path/to/folder).',
    retryable: true,
  });
}
