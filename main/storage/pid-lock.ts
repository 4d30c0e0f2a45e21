/**
 * A lock held by a live process: a small JSON file created with O_EXCL (exactly one creator wins), naming its
 * holder (pid, a random token for this holder, what it is, since when). A lock whose pid no longer runs was
 * left by a crash and is taken over: it is first renamed to a unique name (exactly one taker wins the
 * rename), checked to be the very file judged stale (its token), and only then replaced with O_EXCL again.
 *
 * Synchronous on purpose: it is a handful of local file operations, and a caller that must not send a
 * command before the answer gets no chance to interleave.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';

export interface LockHolder {
  readonly pid: number;
  readonly token: string;
  /** What holds it, in words: `enroll-bench serve`, a data folder. */
  readonly what: string;
  /** Epoch milliseconds. */
  readonly since: number;
}

export type LockAttempt =
  | { readonly kind: 'acquired'; readonly holder: LockHolder }
  | { readonly kind: 'held'; readonly holder: LockHolder };

/** Whether a process with this pid runs (EPERM: it runs, as somebody else). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    if (text.length > 4096) return undefined;
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { pid, token, what, since } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof token !== 'string') return undefined;
    return {
      pid,
      token,
      what: typeof what === 'string' ? what : 'unknown',
      since: typeof since === 'number' ? since : 0,
    };
  } catch {
    return undefined;
  }
}

function create(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } finally {
    closeSync(fd);
  }
  return true;
}

const UNREADABLE_GRACE_MS = 5_000;

function youngerThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < ms;
  } catch {
    return false;
  }
}

/**
 * Takes the lock at `file` for `holder`, or says who holds it. `alive` is injectable for tests. A file that
 * is not a lock (empty or unreadable: a crash between create and write) counts as stale once it is a few
 * seconds old.
 */
export function tryLock(
  file: string,
  holder: LockHolder,
  alive: (pid: number) => boolean = processAlive,
): LockAttempt {
  for (let round = 0; round < 4; round += 1) {
    if (create(file, holder)) return { kind: 'acquired', holder };
    const current = readHolder(file);
    if (current?.token === holder.token) return { kind: 'acquired', holder: current };
    if (current && alive(current.pid)) return { kind: 'held', holder: current };
    // Empty or unreadable: maybe a creator between its create and its write; only an old one is stale.
    if (!current && youngerThan(file, UNREADABLE_GRACE_MS)) {
      return { kind: 'held', holder: { pid: 0, token: '', what: 'another process starting', since: 0 } };
    }
    // Stale: move it aside under a name only we use, and make sure it was the one judged stale.
    const aside = `${file}.stale-${randomBytes(6).toString('hex')}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const moved = readHolder(aside);
    if (moved?.token !== current?.token) {
      // Another taker's fresh lock was moved: put it back unless someone has created one meanwhile.
      try {
        linkSync(aside, file);
      } catch {
        // EEXIST: a newer lock is in place; the moved one's holder will find it is not theirs.
      }
    }
    rmSync(aside, { force: true });
  }
  const last = readHolder(file);
  return last ? { kind: 'held', holder: last } : { kind: 'held', holder: { ...holder, what: 'unknown' } };
}

/** Removes the lock if it is still this holder's. */
export function unlock(file: string, holder: Pick<LockHolder, 'token'>): void {
  if (readHolder(file)?.token === holder.token) rmSync(file, { force: true });
}

export function newToken(): string {
  return randomBytes(12).toString('hex');
}
