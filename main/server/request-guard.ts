/**
 * Who may talk to the headless server: the decisions are pure so they can be tested one by one.
 *
 * Three independent checks, each closing a different hole:
 * - `Host` must name this server, so a DNS-rebinding page (evil.example resolving to 127.0.0.1) is refused
 *   even though the browser considers it same-origin;
 * - `Origin`, when the browser sends one, must be this server's origin, so another web page cannot drive the
 *   bench through a WebSocket (browsers do not apply the same-origin policy to WebSocket handshakes);
 * - a random token, so other local users and processes that can reach the port cannot use it without
 *   reading our stdout.
 *
 * The token itself never goes into a cookie: browsers send a cookie for 127.0.0.1 to every port of
 * 127.0.0.1, so another local server would receive it. The API (the WebSocket) takes the token only as a
 * subprotocol the page offers from script (./ws-token.ts); `/healthz` takes it as a bearer header or in the
 * query. The cookie holds a second, unrelated random key that opens the page's static files and nothing else
 * (the open-source bundle: nothing in it is secret), so a reload of the page still loads.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface GuardConfig {
  /** `host:port` values (lower case) a request's Host header may carry. */
  readonly allowedHosts: ReadonlySet<string>;
  readonly token: string;
  /** Cookie name; includes the port because browsers share cookies across ports of one host. */
  readonly cookieName: string;
  /** The cookie's value: opens static files only, never the API. */
  readonly staticKey: string;
}

/** Where the credential came from: `cookie` opens static files only. */
export type CredentialSource = 'query' | 'header' | 'cookie';

export type GuardVerdict =
  | { readonly ok: true; readonly tokenFrom: CredentialSource }
  | { readonly ok: false; readonly status: 401 | 403; readonly reason: string };

export type Refusal = Extract<GuardVerdict, { ok: false }>;

/** Reads one cookie by name from a Cookie header; the last occurrence wins, as browsers send them. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) found = part.slice(eq + 1).trim();
  }
  return found;
}

/** Constant-time comparison, so the token cannot be guessed byte by byte from response timing. */
export function tokensMatch(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function originAllowed(origin: string | undefined, allowedHosts: ReadonlySet<string>): boolean {
  if (origin === undefined) return true; // Non-browser clients (curl, tests) send none; the token still applies.
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // Includes the literal "null" origin of sandboxed frames and file:// pages.
  }
  return (
    parsed.protocol === 'http:' && parsed.origin === origin && allowedHosts.has(parsed.host.toLowerCase())
  );
}

/** The Host and Origin checks, shared by HTTP requests and the WebSocket upgrade. */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, config: GuardConfig): Refusal | undefined {
  const host = headers.host?.toLowerCase();
  if (!host || !config.allowedHosts.has(host)) {
    return { ok: false, status: 403, reason: 'unexpected Host header' };
  }
  if (!originAllowed(headers.origin, config.allowedHosts)) {
    return { ok: false, status: 403, reason: 'cross-origin request' };
  }
  return undefined;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '');
  return match?.[1];
}

export const missingToken: Refusal = { ok: false, status: 401, reason: 'missing or wrong token' };

/** For plain HTTP requests; the caller decides what a `cookie` verdict may open (static files only). */
export function checkRequest(
  headers: IncomingHttpHeaders,
  queryToken: string | null,
  config: GuardConfig,
): GuardVerdict {
  const refused = checkHostAndOrigin(headers, config);
  if (refused) return refused;
  if (tokensMatch(queryToken, config.token)) return { ok: true, tokenFrom: 'query' };
  if (tokensMatch(bearerToken(headers.authorization), config.token)) return { ok: true, tokenFrom: 'header' };
  if (tokensMatch(readCookie(headers.cookie, config.cookieName), config.staticKey))
    return { ok: true, tokenFrom: 'cookie' };
  return missingToken;
}

/** The Set-Cookie value that lets the page's assets load after the first request (never the token). */
export function staticCookie(config: GuardConfig): string {
  return `${config.cookieName}=${config.staticKey}; Path=/; HttpOnly; SameSite=Strict`;
}
