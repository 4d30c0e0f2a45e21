/** What the change guard needs from the rest of the bench: live lists, the in-use answer, the device locks. */
import type { EraseInUse } from '../../../preload/jobs-domain';
import { noDeviceLocks, type DeviceLocks } from './device-locks';
import type { IgnoreLists } from './ignore-match';

export interface SafetySource {
  /** The ignore lists as saved now (a save while the bench runs counts at the next command). */
  lists(): IgnoreLists;
  /** Set by `run --erase-in-use`: replaces the workflow's `eraseInUse`. */
  readonly eraseInUse?: EraseInUse;
  readonly deviceLocks: DeviceLocks;
}

/** What a job board is given for the guard; the lists come from its live settings. */
export interface SafetyOptions {
  /** The per-device locks shared by the benches of this Mac; the composition gives the real ones. */
  readonly deviceLocks?: DeviceLocks;
  readonly eraseInUse?: EraseInUse;
}

export function safetySource(settings: () => IgnoreLists, options: SafetyOptions): SafetySource {
  return {
    lists: () => {
      const { ignoreEcids, ignoreSerials } = settings();
      return { ignoreEcids, ignoreSerials };
    },
    deviceLocks: options.deviceLocks ?? noDeviceLocks,
    ...(options.eraseInUse ? { eraseInUse: options.eraseInUse } : {}),
  };
}
