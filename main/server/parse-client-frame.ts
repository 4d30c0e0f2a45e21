/**
 * Validates one text frame from a WebSocket client.
 *
 * Clients are untrusted, so nothing about a frame is assumed. The channel name and arguments are checked
 * later by the shared invoke dispatcher; this layer only guarantees the envelope shape and a usable `id`,
 * because without an id there is nobody to answer and the socket is closed instead.
 *
 * Work is bounded before JSON.parse runs: the frame's size is capped by the server (ws refuses bigger ones) and
 * its nesting depth is measured here by one pass over the characters, stopping at the first bracket too deep,
 * so an 8 MiB `[[[[…` costs one linear scan and closes the socket instead of freezing the server.
 */
export interface InvokeRequest {
  readonly id: number;
  readonly channel: unknown;
  readonly args: readonly unknown[];
}

export type ParsedFrame =
  | { readonly kind: 'invoke'; readonly request: InvokeRequest }
  /** Envelope wrong but the id is usable: answer with an `invalid-request` result. */
  | { readonly kind: 'bad-request'; readonly id: number; readonly detail: string }
  /** Not JSON, or no usable id: the client is broken or hostile; close the socket. */
  | { readonly kind: 'unusable'; readonly detail: string };

/** A frame is `{type, id, channel, args: [req]}` with a workflow at most a few levels inside: 32 is plenty. */
export const maxFrameDepth = 32;

/**
 * Whether any bracket of the JSON text opens deeper than `max`, brackets inside strings not counted. Does not
 * validate the JSON (JSON.parse does that next); a linear scan that stops early, no allocation.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseClientFrame(text: string): ParsedFrame {
  if (nestsDeeperThan(text, maxFrameDepth)) {
    return { kind: 'unusable', detail: `frame nests deeper than ${maxFrameDepth} levels` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'unusable', detail: 'frame is not JSON' };
  }
  if (!isRecord(value)) return { kind: 'unusable', detail: 'frame is not an object' };
  const { id } = value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return { kind: 'unusable', detail: 'frame has no usable id' };
  }
  if (value.type !== 'invoke') return { kind: 'bad-request', id, detail: 'frame type must be "invoke".' };
  if (typeof value.channel !== 'string')
    return { kind: 'bad-request', id, detail: 'channel must be a string.' };
  if (!Array.isArray(value.args)) return { kind: 'bad-request', id, detail: 'args must be a list.' };
  return { kind: 'invoke', request: { id, channel: value.channel, args: value.args as unknown[] } };
}
