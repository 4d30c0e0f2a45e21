/**
 * One serial push at a time per data folder, across processes: the app (or `serve`, or `run`) pushes as devices
 * finish, and `enroll-bench intune push` may be started beside it on the same folder. Both read the enrollment
 * journal to decide what is still queued, so two pushes at once would both send the same serials and both
 * record them. The lock (`intune-push.lock`, ../../storage/pid-lock.ts) makes the second wait its turn and then
 * read the journal afresh; a lock left by a crashed process is taken over.
 */
import path from 'node:path';
import { newToken, processAlive, tryLock, unlock, type LockHolder } from '../../storage/pid-lock';

export const PUSH_LOCK_FILE = 'intune-push.lock';

export type PushTurn =
  | { readonly kind: 'mine'; readonly release: () => void }
  | { readonly kind: 'busy'; readonly holder: LockHolder };

export interface PushLockOptions {
  readonly dataDir: string;
  /** How long to wait for the other push to finish before giving up (the serials stay queued). */
  readonly waitMs?: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly alive?: (pid: number) => boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) for this data folder's push turn. */
export async function takePushTurn(options: PushLockOptions): Promise<PushTurn> {
  const file = path.join(options.dataDir, PUSH_LOCK_FILE);
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const holder: LockHolder = {
    pid: process.pid,
    token: newToken(),
    what: 'an Intune serial push',
    since: now(),
  };
  const waitMs = options.waitMs ?? 120_000;
  const pollMs = options.pollMs ?? 500;
  for (let waited = 0; ; waited += pollMs) {
    const attempt = tryLock(file, holder, options.alive ?? processAlive);
    if (attempt.kind === 'acquired') return { kind: 'mine', release: () => unlock(file, holder) };
    if (waited >= waitMs) return { kind: 'busy', holder: attempt.holder };
    await sleep(pollMs);
  }
}

/** The outcome's reason when the turn never came. */
export function busyPushWhy(holder: LockHolder): string {
  return `Another enroll-bench process (pid ${holder.pid}) has been pushing serials to Intune for a while; these stay queued and go with the next push.`;
}
