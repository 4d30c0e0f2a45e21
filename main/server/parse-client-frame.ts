/**
 * Validates one text frame from a WebSocket client.
 *
 * Clients are untrusted, so nothing about a frame is assumed. The channel name and arguments are checked
 * later by the shared invoke dispatcher; this layer only guarantees the envelope shape and a usable `id`,
 * because without an id there is nobody to answer and the socket is closed instead.
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseClientFrame(text: string): ParsedFrame {
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
