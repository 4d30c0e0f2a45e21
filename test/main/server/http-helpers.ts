/**
 * Raw HTTP and WebSocket helpers: node:http keeps paths exactly as written (fetch would normalise `..`).
 */
import { request, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { WebSocket } from 'ws';

export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export function rawGet(
  port: number,
  path: string,
  headers: OutgoingHttpHeaders = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** What the bench page offers on its WebSocket: the bench protocol and the token (renderer/ws-bench-api.ts). */
export function benchProtocols(token: string): string[] {
  return ['enroll-bench.v1', `enroll-bench.token.${token}`];
}

/** Resolves with the open socket, or rejects with the HTTP status the upgrade was refused with. */
export function openSocket(
  url: string,
  headers: Record<string, string> = {},
  protocols: readonly string[] = [],
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, [...protocols], { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`refused ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Collects every parsed frame a socket receives, and lets a test wait for one that matches. */
export function frameLog(ws: WebSocket): {
  frames: unknown[];
  next(match: (f: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
} {
  const frames: unknown[] = [];
  const waiters: {
    match: (f: Record<string, unknown>) => boolean;
    resolve: (f: Record<string, unknown>) => void;
  }[] = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Record<string, unknown>;
    frames.push(frame);
    for (const waiter of [...waiters]) {
      if (waiter.match(frame)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
    }
  });
  return {
    frames,
    next: (match) =>
      new Promise((resolve) => {
        const seen = frames.find((f) => match(f as Record<string, unknown>));
        if (seen) resolve(seen as Record<string, unknown>);
        else waiters.push({ match, resolve });
      }),
  };
}

export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
}

export interface RawExchange {
  readonly text: string;
  /** False when the server neither answered nor closed within the bound (its handler threw). */
  readonly closedByServer: boolean;
}

/**
 * Writes raw bytes to the server and collects everything it sends until it closes the connection: for request
 * targets that no HTTP client library would produce. `text` is '' when the server just drops the socket.
 */
export function rawExchange(port: number, text: string): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => socket.write(text));
    const chunks: Buffer[] = [];
    let closedByServer = true;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A reset is a close too; the assertion is on what arrived before it.
    socket.on('error', () => {});
    // A bound, not a timing assertion: a hung server fails the test instead of hanging it.
    socket.setTimeout(5000, () => {
      closedByServer = false;
      socket.destroy();
    });
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), closedByServer }));
  });
}
