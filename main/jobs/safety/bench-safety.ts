/**
 * What every entry point (the app, `serve`, `run`) takes before it assembles a bench: the data folder for
 * itself alone (a second bench on the same folder is refused, naming the first), and this Mac's per-device
 * locks, which the job board's change guard claims before each changing command.
 */
import path from 'node:path';
import { lockDataFolder } from '../../storage/data-folder-lock';
import { createDeviceLocks, type DeviceLocks } from './device-locks';

export interface BenchSafety {
  readonly deviceLocks: DeviceLocks;
  /** Lets go of the device locks and the data folder (on close; a crash leaves them to be taken over). */
  release(): void;
}

export interface BenchSafetyOptions {
  readonly dataDir: string;
  /** What is starting, for the refusal another bench prints: `enroll-bench serve`. */
  readonly command: string;
  /** The runtime folder for device locks (tests give a temporary one). */
  readonly runtimeDir?: string;
  /**
   * The devices are the simulator's: they exist in this bench's world only, so their locks live in the data
   * folder (two simulated benches on one Mac have two worlds whose ECIDs may well be equal).
   */
  readonly simulated?: boolean;
}

/** Throws a `BenchError` naming the running bench when the data folder is taken. */
export function startBenchSafety(options: BenchSafetyOptions): BenchSafety {
  const folder = lockDataFolder(options.dataDir, { command: options.command });
  const deviceLocks = createDeviceLocks({
    what: `${options.command} on ${options.dataDir}`,
    ...(options.runtimeDir
      ? { dir: options.runtimeDir }
      : options.simulated
        ? { dir: path.join(options.dataDir, 'simulator-locks') }
        : {}),
  });
  return {
    deviceLocks,
    release: () => {
      deviceLocks.releaseAll();
      folder.release();
    },
  };
}
