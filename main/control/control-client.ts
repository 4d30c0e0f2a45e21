/**
 * The CLI's side of the control socket: ask a running bench (the app or `serve`) through the windows'
 * channels, and follow its events. With no bench running, a {@link NoBenchRunning} that says so.
 */
import net from 'node:net';
import type { BenchEvent } from '../../preload/contract';
import type { Result } from '../../preload/domain';
import { LineBuffer, type ControlReply } from './control-frames';

/** A snapshot of a full cart is large; still bounded. */
const MAX_REPLY_BYTES = 64 * 1024 * 1024;

export interface ControlClient {
  invoke<T>(channel: string, ...args: unknown[]): Promise<Result<T>>;
  /** Starts the event stream; `listener` gets every event from now on. */
  subscribe(listener: (event: BenchEvent) => void): void;
  /** Resolves when the bench goes away (it stopped, or the connection closed). */
  readonly closed: Promise<void>;
  close(): void;
}

export class NoBenchRunning extends Error {
  constructor(readonly dataDir: string) {
    super(
      `no bench is running for the data folder ${dataDir}. Start one with "enroll-bench start" or "enroll-bench serve" (or set ENROLL_BENCH_DATA to the folder of the bench you mean).`,
    );
    this.name = 'NoBenchRunning';
  }
}

export function connectControl(socketPath: string, dataDir: string): Promise<ControlClient> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    socket.once('error', (error: NodeJS.ErrnoException) => {
      const gone = ['ENOENT', 'ECONNREFUSED', 'ENOTSOCK'].includes(error.code ?? '');
      reject(gone ? new NoBenchRunning(dataDir) : error);
    });
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      resolve(client(socket));
    });
  });
}

function client(socket: net.Socket): ControlClient {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<(event: BenchEvent) => void>();
  const lines = new LineBuffer(MAX_REPLY_BYTES);
  let nextId = 1;
  let onClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => (onClosed = resolve));
  const gone: Result<unknown> = {
    ok: false,
    error: {
      code: 'internal',
      title: 'The bench went away',
      detail: 'The bench stopped before it answered. Start it again and repeat the command.',
      retryable: true,
    },
  };
  socket.setEncoding('utf8');
  socket.on('error', () => undefined);
  socket.on('close', () => {
    for (const answer of pending.values()) answer(gone);
    pending.clear();
    onClosed();
  });
  socket.on('data', (chunk: string) => {
    const got = lines.push(chunk);
    if (got === 'too-long') return void socket.destroy();
    for (const line of got) {
      let reply: ControlReply;
      try {
        reply = JSON.parse(line) as ControlReply;
      } catch {
        continue;
      }
      if (reply.t === 'event') for (const listener of listeners) listener(reply.event);
      else if (reply.t === 'result') {
        pending.get(reply.id)?.(reply.result);
        pending.delete(reply.id);
      }
    }
  });
  const write = (frame: unknown) => socket.write(`${JSON.stringify(frame)}\n`);
  return {
    invoke: <T>(channel: string, ...args: unknown[]) =>
      new Promise<Result<T>>((resolve) => {
        if (socket.destroyed) return resolve(gone as Result<T>);
        const id = nextId++;
        pending.set(id, resolve as (r: Result<unknown>) => void);
        write({ id, t: 'invoke', channel, args });
      }),
    subscribe(listener) {
      if (listeners.size === 0) write({ t: 'subscribe' });
      listeners.add(listener);
    },
    closed,
    close: () => void socket.end(),
  };
}
