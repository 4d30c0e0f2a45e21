/**
 * The files of the generated `cfgutil` executable: a POSIX `sh` wrapper, and the Node client module it may start.
 *
 * Why a wrapper rather than `#!<node>` on the client itself: in the packaged Mac app the binary is
 * `/Applications/Enroll Bench.app/Contents/MacOS/Enroll Bench`, and no kernel accepts a space in a shebang's
 * interpreter path (the run fails with exit 127). `/bin/sh` exists everywhere cfgutil can, and the wrapper `exec`s
 * the binary with every path single-quoted, so any path works and the process the app started *becomes* the
 * client (same pid: signals, the process group and the exit status behave as for the real tool). This is not
 * "spawning through a shell": the app still spawns the wrapper by path with an argument array, and the shell never
 * parses any of those arguments (`"$@"` passes them through untouched).
 *
 * What the wrapper starts depends on the process that made the world ({@link CfgutilLauncher}):
 * - **Node** (`serve`, the CLI, tests): Node on the client module below.
 * - **The app's own binary** (Electron, packaged or not): the binary with {@link SIM_CFGUTIL_FLAG}, the socket path
 *   and `--`, which main/electron/electron-main.ts answers before it does anything else (in-app-cfgutil.ts). The
 *   packaged app has the `RunAsNode` fuse off, so `ELECTRON_RUN_AS_NODE` cannot make it act as Node; and the flag
 *   names a socket, never a script, so the signed app still cannot be made to run someone else's code. The `--`
 *   ends Chromium's switch parsing, so cfgutil's own options are never read as Electron or Chromium switches.
 *
 * The client is a tiny self-contained ES module: it forwards argv and cwd to the world over the Unix socket,
 * streams stdout/stderr back, and exits with the world's exit code (or dies by the signal of a crash fault). When
 * it is killed, its socket closes and the world abandons the command. `.mjs` makes it a module whatever
 * package.json sits above it. It is a string constant so no build step is needed before tests spawn it.
 */

/** The first argument (after the app's folder, when Electron runs it unpackaged) that makes the app a cfgutil. */
export const SIM_CFGUTIL_FLAG = '--enroll-bench-sim-cfgutil';

/** How the generated wrapper starts the client. Every path absolute. */
export type CfgutilLauncher =
  | { readonly kind: 'node'; readonly nodePath: string }
  | {
      readonly kind: 'app';
      /** The app's binary (`process.execPath` inside Electron). */
      readonly binaryPath: string;
      /** Arguments before the flag: the app's folder when the Electron binary runs it unpackaged (`npm start`). */
      readonly leadingArgs: readonly string[];
    };

const BODY = String.raw`let done = false;
let buffer = '';
const socket = net.createConnection(SOCKET_PATH);
socket.setEncoding('utf8');
socket.on('connect', () => {
  socket.write(JSON.stringify({ type: 'run', argv: process.argv.slice(2), cwd: process.cwd() }) + '\n');
});
socket.on('data', (chunk) => {
  buffer += chunk;
  let index;
  while ((index = buffer.indexOf('\n')) >= 0) {
    const line = buffer.slice(0, index);
    buffer = buffer.slice(index + 1);
    let frame;
    try { frame = JSON.parse(line); } catch { continue; }
    if (frame.t === 'out') process.stdout.write(frame.d);
    else if (frame.t === 'err') process.stderr.write(frame.d);
    else if (frame.t === 'exit') { done = true; process.exitCode = frame.code; socket.end(); }
    else if (frame.t === 'crash') { done = true; process.kill(process.pid, frame.signal); }
  }
});
socket.on('error', (error) => {
  if (done) return;
  done = true;
  process.stderr.write('cfgutil: error: the simulated device world is not reachable (' + error.code + ')\n');
  process.exitCode = 1;
});
socket.on('close', () => {
  if (!done) { process.stderr.write('cfgutil: error: the simulated device world closed the connection\n'); process.exitCode = 1; }
});
`;

/** `text` as one single-quoted `sh` word: inside '…' nothing is special except `'`, written as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** The command line the wrapper `exec`s, before the caller's own arguments. */
function launchWords(launcher: CfgutilLauncher, paths: CfgutilPaths): string[] {
  if (launcher.kind === 'node') return [launcher.nodePath, paths.clientPath];
  return [launcher.binaryPath, ...launcher.leadingArgs, SIM_CFGUTIL_FLAG, paths.socketPath, '--'];
}

export interface CfgutilPaths {
  /** The world's socket: on the command line for the app's binary. */
  readonly socketPath: string;
  /** The client module: what Node runs (written only for a Node launcher). */
  readonly clientPath: string;
}

/** The `cfgutil` wrapper for a launcher. */
export function cfgutilWrapper(launcher: CfgutilLauncher, paths: CfgutilPaths): string {
  return [
    '#!/bin/sh',
    '# Simulated cfgutil (Enroll Bench). Generated; do not edit.',
    '# A wrapper because a shebang cannot name an interpreter whose path has spaces.',
    `exec ${launchWords(launcher, paths).map(shellQuote).join(' ')} "$@"`,
    '',
  ].join('\n');
}

/** The client module's text for a given socket path. */
export function cfgutilClientModule(socketPath: string): string {
  return `// Simulated cfgutil client (Enroll Bench). Generated; do not edit.\nimport net from 'node:net';\nconst SOCKET_PATH = ${JSON.stringify(socketPath)};\n${BODY}`;
}
