/**
 * The app binary started as the simulator's cfgutil (main/sim/server/cfgutil-script.ts): run one command, write
 * its output, exit with its code. The packaged app has the `RunAsNode` fuse off, so this flag, not
 * `ELECTRON_RUN_AS_NODE`, is how the simulated bench's cfgutil runs inside it. electron-main.ts asks this
 * first, before the single-instance lock (which would quit this launch and focus the bench window) and before
 * any window or `ready` work.
 */
import type { App } from 'electron';
import type { Writable } from 'node:stream';
import { inAppCfgutilRequest, runInAppCfgutil } from '../sim/server/in-app-cfgutil';

export type SimCfgutilApp = Pick<App, 'exit'> & { readonly dock?: Pick<NonNullable<App['dock']>, 'hide'> };

export interface SimCfgutilProcess {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly cwd: () => string;
  /** Dies by the signal of a crash fault, as the real tool would. */
  readonly kill: (signal: NodeJS.Signals) => void;
}

const thisProcess: SimCfgutilProcess = {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: () => process.cwd(),
  kill: (signal) => process.kill(process.pid, signal),
};

/** On macOS pipes are asynchronous: `app.exit` right after a write could drop the tail of the output. */
function flushed(stream: Writable): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

/**
 * `args` is the command line after the binary (and the app's folder, unpackaged). Returns whether this launch is
 * the simulated cfgutil; when it is, the caller must start nothing else: this ends the process when done.
 */
export function runSimCfgutilIfAsked(
  app: SimCfgutilApp,
  args: readonly string[],
  host: SimCfgutilProcess = thisProcess,
): boolean {
  const request = inAppCfgutilRequest(args);
  if (request === undefined) return false;
  try {
    // A cfgutil run lasts a moment; it should not put an icon in the Dock each time.
    app.dock?.hide();
  } catch {
    // Best effort: the command's output matters, the icon does not.
  }
  // A reader that went away (the bench timed the command out) must not become an error dialog.
  for (const stream of [host.stdout, host.stderr]) stream.on('error', () => app.exit(1));
  void runInAppCfgutil(request, host.cwd(), host).then(async (end) => {
    if (end.kind === 'crash') return host.kill(end.signal);
    await Promise.all([flushed(host.stdout), flushed(host.stderr)]);
    app.exit(end.code);
  });
  return true;
}
