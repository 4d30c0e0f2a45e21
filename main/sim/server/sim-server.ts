/**
 * The world's Unix-socket server: one connection per cfgutil process (or shell-door call).
 *
 * A run's output is streamed back as it is produced. If the client goes away (the app killed cfgutil with
 * SIGTERM/SIGKILL), the run's AbortSignal fires, the command stops at its next wait and releases the
 * device's busy flag, just as a killed cfgutil stops talking to the device.
 */
import net from 'node:net';
import path from 'node:path';
import { answerCommand } from '../cfgutil/answer-command';
import type { SimWorld } from '../sim-world';
import { runControlVerb } from './control-verbs';
import { encodeFrame, MAX_FRAME_BYTES, parseClientFrame, type ClientFrame, type ServerFrame } from './frames';

export interface SimServer {
  close(): Promise<void>;
}

function serve(
  world: SimWorld,
  socket: net.Socket,
  frame: ClientFrame,
  abort: AbortController,
  toolDir: string,
): void {
  const send = (f: ServerFrame): void => {
    if (!socket.destroyed && socket.writable) socket.write(encodeFrame(f));
  };
  const finish = (f: ServerFrame): void => {
    send(f);
    socket.end();
  };
  if (frame.type === 'control') {
    runControlVerb(world, frame.argv)
      .then((reply) => finish({ t: 'reply', ...reply }))
      .catch((error: unknown) =>
        finish({ t: 'reply', ok: false, text: error instanceof Error ? error.message : String(error) }),
      );
    return;
  }
  const sink = { stdout: (d: string) => send({ t: 'out', d }), stderr: (d: string) => send({ t: 'err', d }) };
  answerCommand(world, { ...frame, toolDir }, sink, abort.signal)
    .then((end) =>
      finish(end.kind === 'exit' ? { t: 'exit', code: end.code } : { t: 'crash', signal: end.signal }),
    )
    .catch(() => finish({ t: 'exit', code: 70 }));
}

function onConnection(world: SimWorld, socket: net.Socket, sockets: Set<net.Socket>, toolDir: string): void {
  sockets.add(socket);
  const abort = new AbortController();
  let buffer = '';
  let started = false;
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.on('close', () => {
    sockets.delete(socket);
    abort.abort();
  });
  socket.on('data', (chunk: string) => {
    if (started) return;
    buffer += chunk;
    const index = buffer.indexOf('\n');
    if (index < 0) {
      if (buffer.length > MAX_FRAME_BYTES) socket.destroy();
      return;
    }
    started = true;
    const frame = parseClientFrame(buffer.slice(0, index));
    if (!frame) {
      socket.end(
        encodeFrame({ t: 'err', d: 'cfgutil: error: malformed request to the simulated world\n' }) +
          encodeFrame({ t: 'exit', code: 1 }),
      );
      return;
    }
    serve(world, socket, frame, abort, toolDir);
  });
}

/** Listens on `socketPath` (inside a private 0700 directory made by the caller). */
export function startSimServer(world: SimWorld, socketPath: string): Promise<SimServer> {
  const sockets = new Set<net.Socket>();
  // The executable sits next to the socket (see index.ts).
  const toolDir = path.dirname(socketPath);
  const server = net.createServer((socket) => onConnection(world, socket, sockets, toolDir));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
