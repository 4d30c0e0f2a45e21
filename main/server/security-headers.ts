/**
 * Response headers for everything the headless server sends.
 *
 * The CSP repeats renderer/index.html's meta policy (both apply, so the effective policy is their
 * intersection) and adds what a meta tag cannot carry: `frame-ancestors`. `connect-src` is narrowed from the
 * meta's `ws: wss:` to this server's own WebSocket origin, because CSP2 browsers do not let `'self'` match
 * `ws:` and a scheme-wide source would let injected script talk to any socket.
 */
import type { ServerResponse } from 'node:http';

export function contentSecurityPolicy(wsOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Sets the headers every response carries, including refusals. */
export function setSecurityHeaders(res: ServerResponse, wsOrigin: string): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(wsOrigin));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}
