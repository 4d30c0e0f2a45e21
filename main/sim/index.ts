/**
 * Starts a simulated device world with its cfgutil-compatible executable (§11 of
 * main/cfgutil/README.md).
 *
 * The app and the tests spawn `cfgutilPath` exactly like the real tool; the world behind it is driven
 * in-process through `world` (the operator's hand, faults and attach/detach events).
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchOf, discoveryFilePath, type PublishResult, removeDiscovery, writeDiscovery } from './discovery';
import { type CfgutilLauncher, cfgutilClientModule, cfgutilWrapper } from './server/cfgutil-script';
import { startSimServer } from './server/sim-server';
import type { SimWorldOptions } from './sim-options';
import { SimWorld } from './sim-world';

export type { PublishResult } from './discovery';
export type { CfgutilLauncher } from './server/cfgutil-script';
export type { SimWorldOptions, SimQuirks, SimTimings, SimLanguage } from './sim-options';
export type { SimAttachSpec } from './generate-device';
export type { SimDeviceSnapshot, SimListEntry, SimProfile, DepState } from './device-model';
export type { SimFault, SimFaultTarget } from './faults';
export type { SimDeviceEvent, SimDeviceListener } from './device-events';
export { SimWorld } from './sim-world';
export { supervisorIdOf } from './generate-device';

export interface SimWorldHandle {
  /** The executable to spawn; absent on disk when `toolsInstalled` is false ("tools not installed"). */
  readonly cfgutilPath: string;
  readonly world: SimWorld;
  readonly socketPath: string;
  /**
   * How publishing the discovery file went, when `publishDiscovery` asked for it. A failure does not stop the
   * world; the caller decides whether to log or show it.
   */
  readonly discovery?: PublishResult;
  /** Stops the server, cancels every timer, removes the private directory and the discovery file. */
  close(): Promise<void>;
}

export interface StartOptions extends SimWorldOptions {
  /**
   * What the generated cfgutil starts: Node on the client module (the default, with `nodePath`), or the app's own
   * binary with its cfgutil flag (inside Electron, whose packaged build cannot act as Node). Paths must be
   * absolute; spaces and quotes are fine.
   */
  readonly launcher?: CfgutilLauncher;
  /** Absolute path of the Node binary for the default launcher; defaults to this process's own. */
  readonly nodePath?: string;
  /**
   * The bench this world belongs to (its data folder) for the discovery file; default: the data folder of this
   * process (`ENROLL_BENCH_DATA` or the platform default), as `sim` verbs resolve it.
   */
  readonly bench?: string;
}

export async function startSimulatedWorld(options: StartOptions = {}): Promise<SimWorldHandle> {
  const launcher = options.launcher ?? { kind: 'node', nodePath: options.nodePath ?? process.execPath };
  // Absolute, so the wrapper's `exec` can neither search PATH nor read the path as an option.
  const binary = launcher.kind === 'node' ? launcher.nodePath : launcher.binaryPath;
  if (!path.isAbsolute(binary))
    throw new RangeError(`the cfgutil launcher's binary must be absolute: ${binary}`);
  // mkdtemp creates the directory 0700: only this user can reach the socket and the executable.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'enroll-bench-sim-'));
  await chmod(dir, 0o700);
  const socketPath = path.join(dir, 'world.sock');
  const cfgutilPath = path.join(dir, 'cfgutil');
  const world = new SimWorld(options);
  let server;
  let discovery: PublishResult | undefined;
  try {
    server = await startSimServer(world, socketPath);
    if (options.toolsInstalled !== false) {
      // A `sh` wrapper that execs Node on the client module, or the app binary with its flag (cfgutil-script.ts).
      const clientPath = path.join(dir, 'cfgutil-client.mjs');
      if (launcher.kind === 'node')
        await writeFile(clientPath, cfgutilClientModule(socketPath), { mode: 0o600 });
      await writeFile(cfgutilPath, cfgutilWrapper(launcher, { socketPath, clientPath }), { mode: 0o755 });
      await chmod(cfgutilPath, 0o755);
    }
    // Best effort: a world nobody can discover still serves the app, which holds the handle.
    if (options.publishDiscovery)
      discovery = await writeDiscovery(
        { socketPath, cfgutilPath, pid: process.pid },
        discoveryFilePath(process.env, options.bench ?? benchOf()),
      );
  } catch (error) {
    world.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const running = server;
  let closing: Promise<void> | undefined;
  return {
    cfgutilPath,
    world,
    socketPath,
    ...(discovery === undefined ? {} : { discovery }),
    close: () => {
      closing ??= (async () => {
        world.close();
        await running.close();
        if (discovery?.ok) await removeDiscovery(socketPath, discovery.file);
        await rm(dir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
export {
  loadScenario,
  parseScenario,
  scenarioWorldOptions,
  cleanCartScenario,
  CLEAN_CART_SIZE,
  SHIPPED_SCENARIOS,
  type SimScenario,
} from './scenario';
