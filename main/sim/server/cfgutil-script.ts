/**
 * The text of the generated `cfgutil` executable.
 *
 * A tiny self-contained CommonJS Node script: it forwards argv and cwd to the world over the Unix socket,
 * streams stdout/stderr back, and exits with the world's exit code (or dies by the signal of a crash
 * fault). When it is killed, its socket closes and the world abandons the command. It is a string constant
 * so no build step is needed before tests spawn it.
 */
const BODY = String.raw`'use strict';
const net = require('node:net');
let done = false;
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

/** The full executable text for a given Node binary and socket path. */
export function cfgutilScript(nodePath: string, socketPath: string): string {
  return `#!${nodePath}\n// Simulated cfgutil (Enroll Bench). Generated; do not edit.\nconst SOCKET_PATH = ${JSON.stringify(socketPath)};\n${BODY}`;
}
