/**
 * One bench per device on this Mac: before a changing command a bench takes the device's lock, a file named
 * by the ECID's numeric value in an owner-only runtime folder that every bench of this user shares, whatever
 * its data folder. Another live bench holding it means "Handled by another bench on this Mac"; a lock left by
 * a crashed bench is taken over (../../storage/pid-lock.ts).
 *
 * The folder is `$XDG_RUNTIME_DIR/enroll-bench/devices` when that is set, else
 * `<tmpdir>/enroll-bench-<uid>/devices`; it and its parent must be real folders owned by this user and closed
 * to others, or no lock is taken and the bench sends nothing (a folder someone else controls could fake
 * "free").
 */
import { lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEcid } from '../../cfgutil/ecid';
import { newToken, processAlive, tryLock, unlock, type LockHolder } from '../../storage/pid-lock';

export type DeviceClaim = 'ours' | 'other-bench';

/** The per-device locks of one bench. */
export interface DeviceLocks {
  /** Takes (or keeps) the device for this bench; throws when the runtime folder is not safe to use. */
  claim(ecid: string): DeviceClaim;
  release(ecid: string): void;
  /** Releases every lock this bench holds (on close). */
  releaseAll(): void;
}

/** The runtime folder of this user's benches; the locks live in its `devices/`. */
export function defaultRuntimeDir(env: NodeJS.ProcessEnv = process.env): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const xdg = env.XDG_RUNTIME_DIR;
  return xdg && path.isAbsolute(xdg)
    ? path.join(xdg, 'enroll-bench')
    : path.join(tmpdir(), `enroll-bench-${uid}`);
}

/** Creates `root/devices` and checks both are real folders of this user that nobody else may enter. */
function ownerOnlyFolder(root: string, dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  for (const folder of [root, dir]) {
    const stats = lstatSync(folder);
    if (!stats.isDirectory() || (uid !== undefined && stats.uid !== uid) || (stats.mode & 0o077) !== 0) {
      throw new Error(
        `The device lock folder ${folder} is not a private folder of this user; remove it and start again.`,
      );
    }
  }
}

export interface DeviceLockOptions {
  /** The runtime folder, holding `devices/` (tests give a temporary one). */
  readonly dir?: string;
  /** This bench in words, for the other bench's message: its data folder. */
  readonly what: string;
  readonly alive?: (pid: number) => boolean;
  readonly now?: () => number;
}

export function createDeviceLocks(options: DeviceLockOptions): DeviceLocks {
  const root = options.dir ?? defaultRuntimeDir();
  const dir = path.join(root, 'devices');
  const token = newToken();
  const held = new Map<string, string>();
  const fileOf = (ecid: string): string | undefined => {
    const value = parseEcid(ecid);
    return value === undefined ? undefined : path.join(dir, `${value.toString(16).toUpperCase()}.lock`);
  };
  return {
    claim(ecid) {
      const file = fileOf(ecid);
      if (!file) throw new Error(`not an ECID: ${ecid}`);
      ownerOnlyFolder(root, dir);
      const holder: LockHolder = {
        pid: process.pid,
        token,
        what: options.what,
        since: (options.now ?? Date.now)(),
      };
      const attempt = tryLock(file, holder, options.alive ?? processAlive);
      if (attempt.kind === 'held') return 'other-bench';
      held.set(ecid, file);
      return 'ours';
    },
    release(ecid) {
      const file = held.get(ecid);
      if (!file) return;
      held.delete(ecid);
      unlock(file, { token });
    },
    releaseAll() {
      for (const [ecid] of held) this.release(ecid);
    },
  };
}

/** For tests and tools that drive one bench alone: every device is ours. */
export const noDeviceLocks: DeviceLocks = {
  claim: () => 'ours',
  release: () => {},
  releaseAll: () => {},
};
