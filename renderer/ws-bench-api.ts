/**
 * {@link BenchApi} over the headless server's WebSocket, for the renderer running in a plain browser.
 *
 * Requests are correlated by id. Calls made while the first connection is still opening wait for it; calls
 * made while the connection is lost, and calls in flight when it drops, resolve at once with an error
 * Result (the contract never rejects), because nobody can tell whether main ran them. The socket reconnects
 * with backoff; the store re-reads the snapshot when the state returns to `open`.
 *
 * The token travels as a WebSocket subprotocol, `enroll-bench.token.<token>`, offered beside the protocol the
 * page speaks, `enroll-bench.v1` (the server answers with that one). A cookie never opens the socket: browsers
 * send cookies for 127.0.0.1 to every port, subprotocols only when script asks.
 *
 * A server restarted by `enroll-bench serve` has a new token, and then every upgrade is refused with 401 —
 * which browsers do not expose. So after a reconnect attempt that never opened, the client asks the server's
 * `/healthz` (same guard, plain HTTP, status visible, the token as a bearer header); a 401 there means this
 * page can never get back in, and the state becomes `expired` instead of reconnecting forever.
 */
import {
  invokeChannelNames,
  type BenchApi,
  type ClientFrame,
  type EventChannelName,
  type InvokeChannelName,
  type InvokeChannels,
} from '../preload/contract';
import type { ErrorInfo, Result } from '../preload/domain';
import { parseServerFrame } from './parse-server-frame';
import type { ConnectionState } from './state/bench-state';
import type { ConnectionSource } from './state/bench-store';

export interface SocketHandlers {
  open(): void;
  message(text: string): void;
  closed(): void;
}
export interface SocketHandle {
  send(text: string): void;
  close(): void;
}
/** Opens one socket offering `protocols`; injected so tests can drive the client without a network. */
export type SocketFactory = (
  url: string,
  handlers: SocketHandlers,
  protocols: readonly string[],
) => SocketHandle;

/** The protocol this client speaks; mirrors main/server/ws-token.ts, which the renderer may not import. */
export const benchProtocol = 'enroll-bench.v1';
export const tokenProtocolPrefix = 'enroll-bench.token.';
export const controlProtocolPrefix = 'enroll-bench.control.';

/**
 * What the client offers: the bench protocol, the token when the page has one, and the control token when
 * this is the Mac's own page (the address `serve` printed for this Mac; main/server/local-only-channels.ts).
 */
export function socketProtocols(token: string | undefined, control?: string): string[] {
  if (!token) return [benchProtocol];
  const withToken = [benchProtocol, `${tokenProtocolPrefix}${token}`];
  return control ? [...withToken, `${controlProtocolPrefix}${control}`] : withToken;
}

export const browserSocketFactory: SocketFactory = (url, handlers, protocols) => {
  const ws = new WebSocket(url, [...protocols]);
  ws.onopen = () => handlers.open();
  ws.onmessage = (event) => {
    if (typeof event.data === 'string') handlers.message(event.data);
  };
  ws.onclose = () => handlers.closed();
  return { send: (text) => ws.send(text), close: () => ws.close() };
};

/** Answers the HTTP status of a GET to `url` with the token as a bearer header; rejects when unreachable. */
export type StatusProbe = (url: string, token: string | undefined) => Promise<number>;

export const browserStatusProbe: StatusProbe = (url, token) =>
  fetch(url, {
    credentials: 'omit',
    cache: 'no-store',
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  }).then((response) => response.status);

export interface WsBenchClient {
  readonly api: BenchApi;
  readonly connection: ConnectionSource;
  /** Closes the socket for good (no reconnect). */
  close(): void;
}

export interface WsBenchOptions {
  readonly url: string;
  /** The page's token, offered as a subprotocol; without one every upgrade is refused (and then `expired`). */
  readonly token?: string;
  /** The control token of the Mac's own page, offered beside the token; other screens have none. */
  readonly control?: string;
  readonly socketFactory?: SocketFactory;
  /** Delays before reconnect attempts; the last one repeats. */
  readonly backoffMs?: readonly number[];
  /** The server's token check (`/healthz`), asked after a failed reconnect; without it, retries never end. */
  readonly healthUrl?: string;
  readonly statusProbe?: StatusProbe;
}

export const defaultBackoffMs: readonly number[] = [250, 500, 1000, 2000, 5000];

export const connectionLostError: ErrorInfo = {
  code: 'internal',
  title: 'Lost the connection to the bench',
  detail:
    'The page could not reach Enroll Bench. It reconnects by itself; check that the bench is still running.',
  retryable: true,
};

export const tokenExpiredError: ErrorInfo = {
  code: 'invalid-request',
  title: "This page's access token is no longer valid",
  detail: 'The bench was restarted. Open the new URL printed by `enroll-bench serve`.',
  retryable: false,
};

export function createWsBenchApi(options: WsBenchOptions): WsBenchClient {
  const factory = options.socketFactory ?? browserSocketFactory;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const probe = options.statusProbe ?? browserStatusProbe;
  const protocols = socketProtocols(options.token, options.control);
  let state: ConnectionState = 'connecting';
  let socket: SocketHandle | undefined;
  let attempt = 0;
  /** Whether the current socket ever opened: a close before that is a failed (re)connect. */
  let opened = false;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const queued: string[] = [];
  const eventListeners = new Map<EventChannelName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const failAll = (): void => {
    queued.length = 0;
    for (const resolve of pending.values()) resolve({ ok: false, error: connectionLostError });
    pending.clear();
  };

  const handlers: SocketHandlers = {
    open: () => {
      attempt = 0;
      opened = true;
      setState('open');
      for (const text of queued.splice(0)) socket?.send(text);
    },
    message: (text) => {
      const frame = parseServerFrame(text);
      if (frame?.type === 'result') {
        pending.get(frame.id)?.(frame.result);
        pending.delete(frame.id);
      } else if (frame?.type === 'event') {
        for (const listener of [...(eventListeners.get(frame.channel) ?? [])]) listener(frame.payload);
      }
    },
    closed: () => {
      const failedToConnect = !opened;
      socket = undefined;
      failAll();
      setState('lost');
      if (stopped) return;
      if (failedToConnect && options.healthUrl !== undefined) void retryUnlessExpired(options.healthUrl);
      else scheduleRetry();
    },
  };

  function scheduleRetry(): void {
    const delay = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
  }

  async function retryUnlessExpired(healthUrl: string): Promise<void> {
    // Unreachable (the server is still down) or any other answer: keep trying; only 401 is final.
    const status = await probe(healthUrl, options.token).catch(() => undefined);
    if (stopped) return;
    if (status === 401) {
      stopped = true;
      setState('expired');
    } else {
      scheduleRetry();
    }
  }

  function connect(): void {
    retryTimer = undefined;
    opened = false;
    if (!stopped) socket = factory(options.url, handlers, protocols);
  }

  const invoke = (channel: InvokeChannelName, args: readonly unknown[]): Promise<Result<unknown>> => {
    if (state === 'expired') return Promise.resolve({ ok: false, error: tokenExpiredError });
    if (stopped || state === 'lost') return Promise.resolve({ ok: false, error: connectionLostError });
    const id = nextId++;
    const frame: ClientFrame = { type: 'invoke', id, channel, args };
    const text = JSON.stringify(frame);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (state === 'open') socket?.send(text);
      else queued.push(text);
    });
  };

  // One method per contract channel, built from the runtime list, so channels added to the contract
  // work here without touching this file.
  const methods = Object.fromEntries(
    (Object.keys(invokeChannelNames) as InvokeChannelName[]).map((name) => [
      name,
      (...args: unknown[]) => invoke(name, args),
    ]),
  ) as unknown as InvokeChannels;

  const api: BenchApi = {
    ...methods,
    on: (channel, listener) => {
      const set = eventListeners.get(channel) ?? new Set();
      eventListeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };

  connect();
  return {
    api,
    connection: {
      get: () => state,
      subscribe: (listener) => {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
    close: () => {
      stopped = true;
      if (retryTimer !== undefined) clearTimeout(retryTimer);
      socket?.close();
    },
  };
}
