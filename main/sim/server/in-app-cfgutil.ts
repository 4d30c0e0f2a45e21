/**
 * The simulated cfgutil when the wrapper starts the app's own binary (cfgutil-script.ts): reads the flag's
 * command line and forwards the command to the world from inside this process, through the same client the
 * bundled `sim-cfgutil` entry uses. Plain Node, so it is tested without Electron; main/electron/sim-cfgutil-mode.ts
 * adds only what Electron needs (the Dock, `app.exit`).
 */
import path from 'node:path';
import { sendToWorld, type ForwardStreams } from '../client/sim-client';
import { SIM_CFGUTIL_FLAG } from './cfgutil-script';

export type InAppCfgutilRequest =
  | { readonly kind: 'run'; readonly socketPath: string; readonly args: readonly string[] }
  /** The flag without an absolute socket path and `--`: still a cfgutil launch, never the app. */
  | { readonly kind: 'malformed' };

/**
 * `args` is the command line after the binary (and after the app's folder when Electron runs it unpackaged).
 * Undefined when it does not start with the flag: then this launch is the app.
 */
export function inAppCfgutilRequest(args: readonly string[]): InAppCfgutilRequest | undefined {
  if (args[0] !== SIM_CFGUTIL_FLAG) return undefined;
  const socketPath = args[1];
  if (socketPath === undefined || !path.isAbsolute(socketPath) || args[2] !== '--')
    return { kind: 'malformed' };
  return { kind: 'run', socketPath, args: args.slice(3) };
}

/** How the command ended: an exit code, or the signal a crash fault asks the process to die by. */
export type InAppCfgutilEnd =
  | { readonly kind: 'exit'; readonly code: number }
  | { readonly kind: 'crash'; readonly signal: NodeJS.Signals };

/** Exit status of a malformed launch: a usage error. */
export const MALFORMED_EXIT_CODE = 2;

/**
 * Runs the request, writing the command's output to `streams`; never rejects. A world that cannot be reached is
 * exit 1 with the same message as the generated Node client.
 */
export async function runInAppCfgutil(
  request: InAppCfgutilRequest,
  cwd: string,
  streams: ForwardStreams,
): Promise<InAppCfgutilEnd> {
  if (request.kind === 'malformed') {
    streams.stderr.write(
      `cfgutil: error: ${SIM_CFGUTIL_FLAG} needs the world's absolute socket path, then --\n`,
    );
    return { kind: 'exit', code: MALFORMED_EXIT_CODE };
  }
  try {
    const end = await sendToWorld(request.socketPath, { type: 'run', argv: [...request.args], cwd }, streams);
    if (end.kind === 'exit') return end;
    if (end.kind === 'crash') return { kind: 'crash', signal: end.signal as NodeJS.Signals };
    // A control reply answers a `sim` verb, never a run.
    streams.stderr.write('cfgutil: error: the simulated device world answered with a control reply\n');
    return { kind: 'exit', code: 1 };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    streams.stderr.write(
      code === undefined
        ? 'cfgutil: error: the simulated device world closed the connection\n'
        : `cfgutil: error: the simulated device world is not reachable (${code})\n`,
    );
    return { kind: 'exit', code: 1 };
  }
}
