/**
 * Starts the real engines: cfgutil with node-usb signals, or the simulated world with its own events.
 *
 * Both end as the same `RunningEngine`, so everything above this file runs the same code in a training
 * bench as on a Mac with a cart of iPads.
 */
import path from 'node:path';
import { createCfgutilClient } from '../cfgutil/cfgutil-client';
import { withDeviceLanes } from '../devices/device-lanes';
import type { DeviceSignalSource } from '../devices/device-watcher';
import { createUsbSignalSource } from '../devices/usb-signal-source';
import { type CfgutilLauncher, loadScenario, scenarioWorldOptions, startSimulatedWorld } from '../sim/index';
import type { EngineFactory, RunningEngine } from './engine';
import { simulatorControlFor, simulatorSignalSource } from './simulator-engine';

export interface EngineFactoryOptions {
  /** Speed of the simulated clock (1 = real time). */
  readonly timeScale?: number;
  /** The simulated world's starting cart and switches: a shipped scenario name or a JSON file. */
  readonly scenario?: string;
  readonly log?: (message: string, detail?: unknown) => void;
}

/** Without USB events the bench still works: it lists devices every few seconds instead. */
export const POLL_WITHOUT_USB_MS = 3_000;

const noSignals: DeviceSignalSource = { start: () => {}, stop: () => {} };

/**
 * node-usb is a native addon; if it cannot load (a damaged install, an unexpected architecture) the bench
 * falls back to polling `cfgutil list` rather than refusing to start.
 */
export async function loadUsbSignals(
  log: EngineFactoryOptions['log'],
  load: () => Promise<DeviceSignalSource> = createUsbSignalSource,
): Promise<{ readonly source: DeviceSignalSource; readonly pollMs?: number }> {
  try {
    return { source: await load() };
  } catch (error) {
    log?.('USB events are unavailable; listing devices every 3 s instead', error);
    return { source: noSignals, pollMs: POLL_WITHOUT_USB_MS };
  }
}

/**
 * What the simulated cfgutil starts. Under Node, Node itself. Inside Electron, the app's own binary with its
 * cfgutil flag (main/electron/sim-cfgutil-mode.ts): the packaged app has the `RunAsNode` fuse off, so it cannot
 * be asked to act as Node. Unpackaged (`npm start`), that binary is Electron's, which needs the app's folder first.
 */
export function simulatorLauncher(
  host: Pick<NodeJS.Process, 'versions' | 'execPath' | 'argv'> & { readonly defaultApp?: boolean } = process,
): CfgutilLauncher {
  if (!host.versions.electron) return { kind: 'node', nodePath: host.execPath };
  const appFolder = host.defaultApp ? host.argv[1] : undefined;
  return {
    kind: 'app',
    binaryPath: host.execPath,
    leadingArgs: appFolder === undefined ? [] : [path.resolve(appFolder)],
  };
}

export function createEngineFactory(options: EngineFactoryOptions = {}): EngineFactory {
  return {
    async startCfgutil(cfgutilPath): Promise<RunningEngine> {
      // Every reader (watcher, serial reads, jobs) shares this client, so one device never gets two commands.
      const onNotice = (text: string): void => options.log?.(text);
      const client = withDeviceLanes(createCfgutilClient({ cfgutilPath, onNotice }));
      const usb = await loadUsbSignals(options.log);
      return {
        lister: client,
        client,
        source: usb.source,
        ...(usb.pollMs !== undefined ? { pollMs: usb.pollMs } : {}),
        cfgutilVersion: (signal) => client.version({ signal }),
        close: async () => usb.source.stop(),
      };
    },
    async startSimulator(): Promise<RunningEngine> {
      const scenario =
        options.scenario === undefined ? {} : scenarioWorldOptions(await loadScenario(options.scenario));
      const handle = await startSimulatedWorld({
        ...scenario,
        publishDiscovery: true,
        launcher: simulatorLauncher(),
        ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
      });
      if (handle.discovery && !handle.discovery.ok) {
        // The bench works without it; only `enroll-bench sim …` from another terminal cannot find this world.
        options.log?.(
          `simulator discovery file not written (${handle.discovery.file})`,
          handle.discovery.reason,
        );
      }
      const client = withDeviceLanes(createCfgutilClient({ cfgutilPath: handle.cfgutilPath }));
      return {
        lister: client,
        client,
        source: simulatorSignalSource(handle.world),
        simulator: simulatorControlFor(handle.world, (error) =>
          options.log?.('simulated cart failed', error),
        ),
        cfgutilVersion: (signal) => client.version({ signal }),
        simulatedOnline: () => handle.world.online,
        close: () => handle.close(),
      };
    },
  };
}
