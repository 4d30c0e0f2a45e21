/**
 * `cfgutil exec -a CMD -d CMD` (§4, §11 of main/cfgutil/README.md): long-running; ignores `-e`/`-f`;
 * runs CMD on every attach (`-a`) or detach (`-d`), a reboot being one of each, with the device in the
 * environment. Runs are not serialized. It stops when the cfgutil process is killed.
 *
 * CMD is run as a program path with no shell (the simulator never interprets a command line); its output is
 * discarded. The real tool's exact handling of CMD is unknown.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { SimDeviceEvent } from '../device-events';
import type { SimWorld } from '../sim-world';

export interface ExecHooks {
  readonly onAttach?: string;
  readonly onDetach?: string;
}

/** Parses `exec` arguments; a string is the usage error. */
export function parseExecArgs(args: readonly string[]): ExecHooks | string {
  const hooks: { onAttach?: string; onDetach?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = args[i + 1];
    if (flag !== '-a' && flag !== '--on-attach' && flag !== '-d' && flag !== '--on-detach')
      return `unrecognized option "${flag ?? ''}" for exec`;
    if (value === undefined || value === '') return `option ${flag} requires a command`;
    if (flag === '-a' || flag === '--on-attach') hooks.onAttach = value;
    else hooks.onDetach = value;
    i++;
  }
  if (!hooks.onAttach && !hooks.onDetach) return 'exec requires -a and/or -d';
  return hooks;
}

function envFor(event: SimDeviceEvent, toolDir: string, detach: boolean): NodeJS.ProcessEnv {
  const d = event.device;
  return {
    ...process.env,
    PATH: `${toolDir}${path.delimiter}${process.env.PATH ?? '/usr/bin:/bin'}`,
    ECID: d.ecid,
    UDID: d.udid,
    deviceName: d.name,
    deviceType: d.deviceType,
    buildVersion: d.buildVersion,
    firmwareVersion: d.firmwareVersion,
    locationID: String(d.locationID),
    bootedState: d.bootedState,
    ...(detach ? { attachPID: String(process.pid) } : {}),
  };
}

/** Watches the world until `signal` aborts; resolves then. */
export function runExec(
  world: SimWorld,
  hooks: ExecHooks,
  cwd: string,
  toolDir: string,
  signal: AbortSignal,
): Promise<void> {
  const run = (command: string | undefined, event: SimDeviceEvent, detach: boolean): void => {
    if (!command || signal.aborted) return;
    const child = spawn(path.resolve(cwd, command), [], {
      cwd,
      env: envFor(event, toolDir, detach),
      stdio: 'ignore',
    });
    child.on('error', () => undefined);
  };
  const offs = [
    world.onAttached((e) => run(hooks.onAttach, e, false)),
    world.onDetached((e) => run(hooks.onDetach, e, true)),
  ];
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const off of offs) off();
      resolve();
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
}
