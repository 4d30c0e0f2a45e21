/**
 * The files of the generated `cfgutil` executable: a POSIX `sh` wrapper and the Node client module it starts.
 *
 * Why a wrapper rather than `#!<node>` on the client itself: in the packaged Mac app the Node binary is
 * `/Applications/Enroll Bench.app/Contents/MacOS/Enroll Bench`, and no kernel accepts a space in a shebang's
 * interpreter path (the run fails with exit 127). `/bin/sh` exists everywhere cfgutil can, and the wrapper `exec`s
 * Node with both paths single-quoted, so any path works and the process the app started *becomes* the Node client
 * (same pid: signals, the process group and the exit status behave as for the real tool). This is not "spawning
 * through a shell": the app still spawns the wrapper by path with an argument array, and the shell never parses
 * any of those arguments (`"$@"` passes them through untouched). The environment passes through too, so
 * `ELECTRON_RUN_AS_NODE` set by the app for the child reaches the Electron binary.
 *
 * The client is a tiny self-contained ES module: it forwards argv and cwd to the world over the Unix socket,
 * streams stdout/stderr back, and exits with the world's exit code (or dies by the signal of a crash fault). When
 * it is killed, its socket closes and the world abandons the command. `.mjs` makes it a module whatever
 * package.json sits above it. It is a string constant so no build step is needed before tests spawn it.
 */
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

/** The `cfgutil` wrapper for a given Node binary and client module. */
export function cfgutilWrapper(nodePath: string, clientPath: string): string {
  return [
    '#!/bin/sh',
    '# Simulated cfgutil (Enroll Bench). Generated; do not edit.',
    '# A wrapper because a shebang cannot name an interpreter whose path has spaces.',
    `exec ${shellQuote(nodePath)} ${shellQuote(clientPath)} "$@"`,
    '',
  ].join('\n');
}

/** The client module's text for a given socket path. */
export function cfgutilClientModule(socketPath: string): string {
  return `// Simulated cfgutil client (Enroll Bench). Generated; do not edit.\nimport net from 'node:net';\nconst SOCKET_PATH = ${JSON.stringify(socketPath)};\n${BODY}`;
}
