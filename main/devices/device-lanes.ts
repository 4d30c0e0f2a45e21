/**
 * One cfgutil command per device at a time, across the whole app (./README.md D6:
 * "same device, concurrent commands: fails").
 *
 * `withDeviceLanes` wraps a `CfgutilClient` so every command that names an ECID waits for the previous one on
 * that ECID to finish. The engine hands out only the wrapped client, so the device watcher's background
 * reads, the jobs' device-facts reads and the jobs' steps all queue in the same lane. Commands on different
 * devices still run in parallel, though each starts in a turn of the event loop of its own (./start-pacer.ts),
 * so a cart's worth of spawns does not stall the main thread at once; `list` and `version` name no device and
 * are not queued.
 */
import type { Ecid } from '../../preload/domain';
import type { CfgutilClient } from '../cfgutil/cfgutil-client';
import { normalizeEcid } from '../cfgutil/ecid';
import { StartPacer } from './start-pacer';

export class DeviceLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly pacer: StartPacer = new StartPacer()) {}

  /** Runs `task` once every earlier task on the same device has settled, in a start turn of its own. */
  run<T>(ecid: Ecid, task: () => Promise<T>): Promise<T> {
    const key = normalizeEcid(ecid) ?? String(ecid);
    const before = this.tails.get(key) ?? Promise.resolve();
    const paced = (): Promise<T> => this.pacer.turn().then(task);
    const result = before.then(paced, paced);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** The client with every per-device command queued in its device's lane. */
export function withDeviceLanes(
  client: CfgutilClient,
  lanes: DeviceLanes = new DeviceLanes(),
): CfgutilClient {
  return {
    list: (options) => client.list(options),
    version: (options) => client.version(options),
    ...(client.skipPaneKeys
      ? { skipPaneKeys: () => client.skipPaneKeys?.() ?? Promise.resolve(undefined) }
      : {}),
    get: (ecid, properties, options) => lanes.run(ecid, () => client.get(ecid, properties, options)),
    pair: (ecid, options) => lanes.run(ecid, () => client.pair(ecid, options)),
    unpair: (ecid, options) => lanes.run(ecid, () => client.unpair(ecid, options)),
    erase: (ecid, options) => lanes.run(ecid, () => client.erase(ecid, options)),
    prepare: (ecid, prepare, options) => lanes.run(ecid, () => client.prepare(ecid, prepare, options)),
    installProfile: (ecid, path, options) =>
      lanes.run(ecid, () => client.installProfile(ecid, path, options)),
    removeProfile: (ecid, id, options) => lanes.run(ecid, () => client.removeProfile(ecid, id, options)),
    rename: (ecid, name, options) => lanes.run(ecid, () => client.rename(ecid, name, options)),
    restart: (ecid, options) => lanes.run(ecid, () => client.restart(ecid, options)),
    shutDown: (ecid, options) => lanes.run(ecid, () => client.shutDown(ecid, options)),
  };
}
