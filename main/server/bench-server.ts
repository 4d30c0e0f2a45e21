/**
 * The headless server: the bench UI over HTTP and the typed contract over a WebSocket, for machines where
 * Electron cannot run (Linux development, CI) and for driving the bench from a browser.
 *
 * Binds 127.0.0.1 by default. Every HTTP request and the WebSocket upgrade must pass the guards in
 * ./request-guard.ts (Host, Origin, token); the WebSocket takes the token only as a subprotocol
 * (./ws-token.ts), never from a cookie. The renderer files come from `rendererDir` (dist/renderer).
 * No request, however malformed, may throw out of a handler: that would end the server for everyone.
 * Beyond loopback the traffic is unencrypted, so the session refuses some channels to remote peers
 * (./local-only-channels.ts). Refusals go to the diagnostics log, where repeats are counted.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { BenchHost } from '../events/bench-host';
import type { LogFn } from '../diagnostics/log-fn';
import { checkRequest, staticCookie, type GuardConfig } from './request-guard';
import { setSecurityHeaders } from './security-headers';
import { allowedHostsFor, displayHost } from './server-hosts';
import { parseRequestTarget } from './request-target';
import { resolveStaticPath, sendStaticFile, sendText } from './static-files';
import { runWsSession, type SessionPolicy } from './ws-session';
import { benchProtocol, checkUpgrade, offersControl } from './ws-token';

export interface BenchServerOptions {
  readonly host: BenchHost;
  readonly rendererDir: string;
  readonly hostname?: string;
  /** 0 (the default) picks any free port. */
  readonly port?: number;
  /** Fixed token (tests); by default 32 random bytes. */
  readonly token?: string;
  /** Fixed control token (tests); by default 32 random bytes. Proves "this is the Mac itself". */
  readonly controlToken?: string;
  /** `serve --allow-remote-control`: other screens may run jobs too (./local-only-channels.ts). */
  readonly allowRemoteControl?: boolean;
  /** The diagnostics sink (main/diagnostics/): refusals are logged there. */
  readonly log?: LogFn;
  /** Unsent bytes at which a WebSocket client is cut off as too slow (tests lower it; ./ws-session.ts). */
  readonly maxBufferedBytes?: number;
  /** Per-connection frame limits (tests lower them; ./rate-limit.ts has the defaults). */
  readonly rateLimit?: SessionPolicy['rateLimit'];
}

export interface BenchServer {
  /** The address for this Mac's own browser: the token and the control token. Printed, never shared. */
  readonly url: string;
  /** The address for other screens (and tunnels): the token only, so they watch (./local-only-channels.ts). */
  readonly watchUrl: string;
  readonly port: number;
  readonly token: string;
  readonly controlToken: string;
  close(): Promise<void>;
}

/**
 * Frames above this are refused by ws, which closes the socket with 1009 (message too big). The largest real
 * frame is a profile import (5 MB decoded, about 6.7 MB as base64); nesting is bounded separately before
 * parsing (./parse-client-frame.ts).
 */
export const maxFrameBytes = 8 * 1024 * 1024;

export const wsPath = '/ws';

/** Answers 204 behind the same guard as everything else, 401 without a valid token. */
export const healthPath = '/healthz';

const tokenPattern = /^[A-Za-z0-9_-]{16,}$/;

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  if (!tokenPattern.test(token)) throw new Error('The server token must be 16 or more URL-safe characters.');
  const controlToken = options.controlToken ?? randomBytes(32).toString('base64url');
  if (!tokenPattern.test(controlToken) || controlToken === token) {
    throw new Error('The control token must be 16 or more URL-safe characters, and not the token.');
  }
  // The cookie's key is unrelated to the token: it opens static files only (see ./request-guard.ts).
  const staticKey = randomBytes(32).toString('base64url');
  // Filled in once the port is known; requests cannot arrive before listen() completes.
  let guard: GuardConfig = { allowedHosts: new Set(), token, cookieName: 'enroll_bench', staticKey };
  const log = options.log ?? (() => {});
  const refused = (req: IncomingMessage, kind: 'http' | 'websocket', status: number, reason: string): void =>
    log('server.refused', {
      kind,
      status,
      reason,
      // The path only: the query may hold a (wrong) token.
      path: parseRequestTarget(req.url)?.pathname ?? '(unparseable)',
      peer: req.socket.remoteAddress ?? 'gone',
    });
  let defaultWsOrigin = '';
  // The Host header is echoed only once it is known to be one of ours.
  const wsOriginFor = (req: IncomingMessage): string => {
    const host = req.headers.host?.toLowerCase();
    return host && guard.allowedHosts.has(host) ? `ws://${host}` : defaultWsOrigin;
  };

  const serveRequest = (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res, wsOriginFor(req));
    const url = parseRequestTarget(req.url);
    if (!url) return sendText(res, 400, 'Bad request');
    const verdict = checkRequest(req.headers, url.searchParams.get('token'), guard);
    if (!verdict.ok) {
      refused(req, 'http', verdict.status, verdict.reason);
      return sendText(res, verdict.status, `Refused: ${verdict.reason}.`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    if (url.pathname === wsPath) return sendText(res, 426, 'Use a WebSocket here');
    if (url.pathname === healthPath) {
      // The static-files cookie is not the token: it cannot vouch for the page's token.
      if (verdict.tokenFrom === 'cookie') {
        refused(req, 'http', 401, 'the cookie is not the token');
        return sendText(res, 401, 'Refused: missing or wrong token.');
      }
      // Lets a page whose WebSocket keeps failing ask whether its token is still good (see ws-bench-api).
      res.writeHead(204);
      res.end();
      return;
    }
    if (verdict.tokenFrom === 'query') res.setHeader('Set-Cookie', staticCookie(guard));
    void resolveStaticPath(options.rendererDir, url.pathname)
      .then((file) =>
        file ? sendStaticFile(res, file, req.method === 'HEAD') : sendText(res, 404, 'Not found'),
      )
      .catch(() => res.destroy());
  };

  // A throw here would be an uncaught exception that ends the server for everyone: answer this one
  // request badly instead.
  const handleRequest = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      serveRequest(req, res);
    } catch {
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal error');
    }
  };

  // Only upgrades that offered the bench protocol get this far (checkUpgrade); the answer never echoes the token.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxFrameBytes,
    handleProtocols: () => benchProtocol,
  });
  const server = createServer(handleRequest);

  const sessionPolicy = {
    allowRemoteControl: options.allowRemoteControl ?? false,
    log,
    ...(options.maxBufferedBytes !== undefined ? { maxBufferedBytes: options.maxBufferedBytes } : {}),
    ...(options.rateLimit !== undefined ? { rateLimit: options.rateLimit } : {}),
  };
  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = parseRequestTarget(req.url);
    if (!url) {
      socket.destroy();
      return;
    }
    const verdict = url.pathname === wsPath ? checkUpgrade(req.headers, guard) : undefined;
    const status = url.pathname !== wsPath ? 404 : (verdict?.status ?? 0);
    if (status !== 0) {
      refused(req, 'websocket', status, verdict?.reason ?? 'not the bench socket');
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    // The peer is read now: once the socket closes, remoteAddress is gone.
    const peer = req.socket.remoteAddress;
    const policy = { ...sessionPolicy, controlProven: offersControl(req.headers, controlToken) };
    wss.handleUpgrade(req, socket, head, (ws) => runWsSession(ws, options.host, peer, policy));
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    try {
      upgrade(req, socket, head);
    } catch {
      socket.destroy();
    }
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const origin = `http://${displayHost(hostname)}:${port}`;
  guard = { ...guard, allowedHosts: allowedHostsFor(hostname, port), cookieName: `enroll_bench_${port}` };
  defaultWsOrigin = `ws://${displayHost(hostname)}:${port}`;

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}&control=${encodeURIComponent(controlToken)}`,
    watchUrl: `${origin}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    controlToken,
    close: async () => {
      // Wait for every session's 'close' so their event subscriptions are gone when close() resolves.
      const sessionsClosed = [...wss.clients].map(
        (client) => new Promise((resolve) => client.once('close', resolve)),
      );
      for (const client of wss.clients) client.terminate();
      await Promise.all(sessionsClosed);
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
