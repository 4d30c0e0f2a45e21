/**
 * The bench's control socket: the running app or `enroll-bench serve` answers `enroll-bench status|jobs|arm|
 * disarm|log tail` here, through the same invoke dispatcher as its windows (validation, Result answers) and
 * the same event stream.
 *
 * Who may connect is decided by the file system, not by an address a tunnel could carry: the socket lives in
 * a 0700 folder and is itself 0600, so only the user running the bench (and root) can open it. Such a
 * connection is the owner on the Mac, so the channel policy lets it do what the Mac's own window may do
 * (main/server/local-only-channels.ts decides for other screens; see this folder's README).
 */
import { chmod, lstat, mkdir, unlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { BenchHost } from '../events/bench-host';
import type { LogFn } from '../diagnostics/log-fn';
import { LineBuffer, parseRequest, type ControlReply } from './control-frames';

export interface ControlServer {
  readonly socketPath: string;
  close(): Promise<void>;
}

export interface ControlServerOptions {
  /** The dispatcher and event source the windows use. */
  readonly host: BenchHost;
  readonly socketPath: string;
  readonly log?: LogFn;
}

/** Another bench answers on this socket (the caller decides what that means; the lock says who owns the folder). */
export class ControlSocketInUse extends Error {
  constructor(readonly socketPath: string) {
    super(`another bench is listening on ${socketPath}`);
    this.name = 'ControlSocketInUse';
  }
}

/** The private folder: made 0700 if missing; refused if it is a link, or not ours. */
async function privateFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const info = await lstat(dir);
  const uid = typeof process.getuid === 'function' ? process.getuid() : info.uid;
  if (!info.isDirectory() || info.uid !== uid) {
    throw new Error(`${dir} is not a folder of this user; the control socket is not opened there`);
  }
  if ((info.mode & 0o077) !== 0) await chmod(dir, 0o700);
}

function answers(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.connect(socketPath);
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

/** A socket file left by a bench that died is removed; one a live bench answers on is not touched. */
async function clearStale(socketPath: string): Promise<void> {
  let info;
  try {
    info = await lstat(socketPath);
  } catch {
    return;
  }
  if (!info.isSocket()) throw new Error(`${socketPath} exists and is not a socket; remove it`);
  if (await answers(socketPath)) throw new ControlSocketInUse(socketPath);
  await unlink(socketPath);
}

function serveConnection(socket: net.Socket, options: ControlServerOptions, sockets: Set<net.Socket>): void {
  sockets.add(socket);
  const lines = new LineBuffer();
  let unsubscribe: (() => void) | undefined;
  const send = (reply: ControlReply): void => {
    if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(reply)}\n`);
  };
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.on('close', () => {
    sockets.delete(socket);
    unsubscribe?.();
  });
  socket.on('data', (chunk: string) => {
    const got = lines.push(chunk);
    if (got === 'too-long') {
      options.log?.('control.refused', { reason: 'line too long' });
      socket.destroy();
      return;
    }
    for (const line of got) {
      if (line.trim() === '') continue;
      const request = parseRequest(line);
      if ('refused' in request) {
        options.log?.('control.refused', { reason: request.refused });
        socket.destroy();
        return;
      }
      if (request.t === 'subscribe') {
        unsubscribe ??= options.host.subscribe((event) => send({ t: 'event', event }));
        continue;
      }
      // The windows' dispatcher: it validates the arguments and always answers with a Result.
      void options.host
        .dispatch(request.channel, request.args)
        .then((result) => send({ id: request.id, t: 'result', result }));
    }
  });
}

export async function startControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { socketPath } = options;
  await privateFolder(path.dirname(socketPath));
  await clearStale(socketPath);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => serveConnection(socket, options, sockets));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // The folder already keeps others out; the socket's own mode says so too.
  await chmod(socketPath, 0o600);
  return {
    socketPath,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          void unlink(socketPath)
            .catch(() => undefined)
            .finally(done);
        });
      }),
  };
}
