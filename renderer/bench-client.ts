/**
 * Picks how this renderer reaches the bench: Electron's preload bridge (`window.bench`) when it exists,
 * otherwise the headless server's WebSocket on the page's own origin.
 */
import type { BenchApi } from '../preload/contract';
import type { ConnectionSource } from './state/bench-store';
import { createWsBenchApi, type SocketFactory } from './ws-bench-api';

export interface BenchClient {
  readonly api: BenchApi;
  /** Present only for the WebSocket transport; the preload bridge cannot drop. */
  readonly connection?: ConnectionSource;
}

/** The parts of `window` this module reads (an interface, so tests can pass a plain object). */
export interface ClientEnvironment {
  readonly bench?: BenchApi;
  readonly location: Pick<Location, 'protocol' | 'host' | 'href'>;
  readonly history?: Pick<History, 'replaceState'>;
}

/** `ws://host/ws`, carrying the page's token when the page still has it in its address. */
export function wsUrlFor(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}//${location.host}/ws${query}`;
}

/**
 * `http://host/healthz`, with the same token as the socket URL: the server's token check. The path mirrors
 * main/server/bench-server.ts (`healthPath`), which the renderer may not import.
 */
export function healthUrlFor(location: Pick<Location, 'protocol' | 'host'>, token: string | null): string {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${location.protocol}//${location.host}/healthz${query}`;
}

export function createBenchClient(env: ClientEnvironment, socketFactory?: SocketFactory): BenchClient {
  if (env.bench) return { api: env.bench };
  const pageUrl = new URL(env.location.href);
  const token = pageUrl.searchParams.get('token');
  if (token && env.history) {
    // The server has set its cookie by now; drop the token from the address bar and history.
    pageUrl.searchParams.delete('token');
    env.history.replaceState(null, '', pageUrl.pathname + pageUrl.search + pageUrl.hash);
  }
  const client = createWsBenchApi({
    url: wsUrlFor(env.location, token),
    healthUrl: healthUrlFor(env.location, token),
    socketFactory,
  });
  return { api: client.api, connection: client.connection };
}
