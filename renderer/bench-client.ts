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
  /** Where the token lives after it left the address bar: this tab only, gone when the tab closes. */
  readonly sessionStorage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** The sessionStorage key of the page's token. */
export const tokenStorageKey = 'enroll-bench.token';
/** The sessionStorage key of the control token (only the Mac's own page has one). */
export const controlStorageKey = 'enroll-bench.control';

/** `ws://host/ws`: the token is not in the URL, it is offered as a subprotocol (see ws-bench-api). */
export function wsUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws`;
}

/**
 * `http://host/healthz`: the server's token check, asked with the token as a bearer header. The path
 * mirrors main/server/bench-server.ts (`healthPath`), which the renderer may not import.
 */
export function healthUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol}//${location.host}/healthz`;
}

/**
 * Reads the token once from the address (`?token=`), keeps it in sessionStorage and removes it from the
 * address bar and history; after a reload the address has none, and the stored one is used.
 */
export interface PageSecrets {
  readonly token?: string;
  /** Only the address `serve` printed for this Mac carries one (main/server/local-only-channels.ts). */
  readonly control?: string;
}

const secretParams = [
  ['token', tokenStorageKey],
  ['control', controlStorageKey],
] as const;

/**
 * Reads the token and the control token once from the address (`?token=`, `?control=`), keeps them in
 * sessionStorage and removes them from the address bar and history in one step; after a reload the address
 * has none, and the stored ones are used.
 */
export function takePageSecrets(env: ClientEnvironment): PageSecrets {
  const pageUrl = new URL(env.location.href);
  const found: Record<string, string | undefined> = {};
  let fromAddress = false;
  for (const [param, storageKey] of secretParams) {
    const fromUrl = pageUrl.searchParams.get(param);
    if (fromUrl) {
      fromAddress = true;
      found[param] = fromUrl;
      pageUrl.searchParams.delete(param);
      try {
        env.sessionStorage?.setItem(storageKey, fromUrl);
      } catch {
        // Storage refused (a privacy mode): the token still works for this page's lifetime.
      }
    }
  }
  if (fromAddress) {
    env.history?.replaceState(null, '', pageUrl.pathname + pageUrl.search + pageUrl.hash);
    return {
      ...(found.token ? { token: found.token } : {}),
      ...(found.control ? { control: found.control } : {}),
    };
  }
  const stored = (key: string): string | undefined => {
    try {
      return env.sessionStorage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const token = stored(tokenStorageKey);
  const control = stored(controlStorageKey);
  return { ...(token ? { token } : {}), ...(control ? { control } : {}) };
}

export function createBenchClient(env: ClientEnvironment, socketFactory?: SocketFactory): BenchClient {
  if (env.bench) return { api: env.bench };
  const { token, control } = takePageSecrets(env);
  const client = createWsBenchApi({
    url: wsUrlFor(env.location),
    healthUrl: healthUrlFor(env.location),
    ...(token ? { token } : {}),
    ...(control ? { control } : {}),
    ...(socketFactory ? { socketFactory } : {}),
  });
  return { api: client.api, connection: client.connection };
}
