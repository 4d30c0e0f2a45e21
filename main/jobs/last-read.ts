/**
 * The last `get` of one device, kept so a step can decide on what the device showed a moment ago instead of
 * asking again (a `get` costs ~0.18 s of device time per property). It is only as good as "nothing has
 * happened since": any changing command forgets it (`forgetOnChange` wraps the client so no step can forget
 * to), a detach or re-attach makes it stale (the presence generation moves), and it ages out.
 *
 * Re-reads that judge a change (after erase, prepare, install, rename) and polls while a person acts never use
 * it: they read the device again.
 */
import type { CfgutilClient } from '../cfgutil/cfgutil-client';
import type { DeviceRead, ReadProperty } from './device-read';

export interface RememberedRead {
  readonly read: DeviceRead;
  /** The properties that `get` asked for (a value may be missing because the device did not give it). */
  readonly properties: ReadonlySet<ReadProperty>;
  /** The presence generation when the read was sent. */
  readonly generation: number;
  /** Job-clock time the read answered. */
  readonly at: number;
}

export class LastRead {
  private last: RememberedRead | undefined;

  remember(entry: RememberedRead): void {
    this.last = entry;
  }

  forget(): void {
    this.last = undefined;
  }

  /**
   * The last read, when it asked for every one of `properties`, the device has not left or come back since,
   * it is younger than `maxAgeMs`, and it was not a locked screen's answer.
   */
  valid(
    properties: readonly ReadProperty[],
    generation: number,
    now: number,
    maxAgeMs: number,
  ): DeviceRead | undefined {
    const last = this.last;
    if (!last || last.generation !== generation || now - last.at > maxAgeMs || last.read.locked)
      return undefined;
    return properties.every((p) => last.properties.has(p)) ? last.read : undefined;
  }
}

/**
 * The same client, forgetting `lastRead` before and after every command that may change a device. Spelled out
 * per command so a command added to the client does not compile until it is sorted into "looks" or "changes".
 */
export function forgetOnChange(client: CfgutilClient, lastRead: LastRead): CfgutilClient {
  const changing =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      lastRead.forget();
      try {
        return await run(...args);
      } finally {
        lastRead.forget();
      }
    };
  return {
    list: (options) => client.list(options),
    get: (ecid, properties, options) => client.get(ecid, properties, options),
    version: (options) => client.version(options),
    pair: changing((ecid, options) => client.pair(ecid, options)),
    unpair: changing((ecid, options) => client.unpair(ecid, options)),
    erase: changing((ecid, options) => client.erase(ecid, options)),
    prepare: changing((ecid, prepare, options) => client.prepare(ecid, prepare, options)),
    installProfile: changing((ecid, path, options) => client.installProfile(ecid, path, options)),
    removeProfile: changing((ecid, what, options) => client.removeProfile(ecid, what, options)),
    rename: changing((ecid, name, options) => client.rename(ecid, name, options)),
    restart: changing((ecid, options) => client.restart(ecid, options)),
    shutDown: changing((ecid, options) => client.shutDown(ecid, options)),
  };
}
