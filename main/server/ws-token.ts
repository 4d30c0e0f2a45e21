/**
 * The WebSocket's credential: the page offers the token as a subprotocol, `enroll-bench.token.<token>`,
 * next to the protocol it speaks, `enroll-bench.v1`; the server answers with `enroll-bench.v1` only, so the
 * token is never echoed. A browser sends subprotocols only when script asks for them, so unlike a cookie
 * they never reach the server on their own. The names mirror renderer/ws-bench-api.ts, which may not
 * import from main.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  checkHostAndOrigin,
  missingToken,
  tokensMatch,
  type GuardConfig,
  type Refusal,
} from './request-guard';

export const benchProtocol = 'enroll-bench.v1';
export const tokenProtocolPrefix = 'enroll-bench.token.';
/** The Mac's own page also offers `enroll-bench.control.<control token>` (./local-only-channels.ts). */
export const controlProtocolPrefix = 'enroll-bench.control.';

/** True when exactly one control subprotocol is offered and it matches (never echoed either). */
export function offersControl(headers: IncomingHttpHeaders, controlToken: string): boolean {
  const offered = offeredProtocols(headers['sec-websocket-protocol']).filter((p) =>
    p.startsWith(controlProtocolPrefix),
  );
  const [only] = offered;
  return offered.length === 1 && tokensMatch(only?.slice(controlProtocolPrefix.length), controlToken);
}

/** The offered subprotocols, in order (`Sec-WebSocket-Protocol` may repeat, comma-separated). */
export function offeredProtocols(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Host, Origin, then exactly one token subprotocol that matches and the bench protocol beside it. */
export function checkUpgrade(headers: IncomingHttpHeaders, config: GuardConfig): Refusal | undefined {
  const refused = checkHostAndOrigin(headers, config);
  if (refused) return refused;
  const offered = offeredProtocols(headers['sec-websocket-protocol']);
  const tokens = offered.filter((p) => p.startsWith(tokenProtocolPrefix));
  const [only] = tokens;
  if (tokens.length !== 1 || !tokensMatch(only?.slice(tokenProtocolPrefix.length), config.token)) {
    return missingToken;
  }
  if (!offered.includes(benchProtocol)) {
    return { ok: false, status: 401, reason: `the client must offer the ${benchProtocol} subprotocol` };
  }
  return undefined;
}
