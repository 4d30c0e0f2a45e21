/**
 * The control socket's protocol: one JSON object per line, each way.
 *
 *   client → bench  {"id": 1, "t": "invoke", "channel": "jobAction", "args": [{...}]}
 *                   {"t": "subscribe"}
 *   bench → client  {"id": 1, "t": "result", "result": <Result>}
 *                   {"t": "event", "event": <BenchEvent>}
 *
 * A line is bounded before it is parsed (size, then nesting depth, both far above any real request), so even
 * the owner's own mistake cannot freeze the bench.
 */
import type { BenchEvent } from '../../preload/contract';
import type { Result } from '../../preload/domain';

export const MAX_LINE_BYTES = 256 * 1024;
export const MAX_DEPTH = 32;

export type ControlRequest =
  | { readonly id: number; readonly t: 'invoke'; readonly channel: string; readonly args: readonly unknown[] }
  | { readonly t: 'subscribe' };

export type ControlReply =
  | { readonly id: number; readonly t: 'result'; readonly result: Result<unknown> }
  | { readonly t: 'event'; readonly event: BenchEvent };

/** Deepest bracket nesting of a JSON text, counted without parsing (strings skipped). */
export function nestingDepth(text: string, stopAbove = MAX_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAbove) return deepest;
    } else if (c === 93 || c === 125) depth--;
  }
  return deepest;
}

/** A request line, or why it is refused. */
export function parseRequest(line: string): ControlRequest | { readonly refused: string } {
  if (Buffer.byteLength(line) > MAX_LINE_BYTES)
    return { refused: `request longer than ${MAX_LINE_BYTES} bytes` };
  if (nestingDepth(line) > MAX_DEPTH) return { refused: `request nested deeper than ${MAX_DEPTH}` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { refused: 'request is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { refused: 'request is not an object' };
  const frame = value as Record<string, unknown>;
  if (frame.t === 'subscribe') return { t: 'subscribe' };
  if (
    frame.t === 'invoke' &&
    typeof frame.id === 'number' &&
    Number.isSafeInteger(frame.id) &&
    typeof frame.channel === 'string' &&
    Array.isArray(frame.args)
  ) {
    return { id: frame.id, t: 'invoke', channel: frame.channel, args: frame.args };
  }
  return { refused: 'request has no known shape' };
}

/** Splits a byte stream into lines, bounded: a line past the cap is reported instead of buffered. */
export class LineBuffer {
  private buffer = '';

  constructor(private readonly maxBytes = MAX_LINE_BYTES) {}

  /** The complete lines in `chunk`, or `'too-long'` when a line outgrew the cap. */
  push(chunk: string): string[] | 'too-long' {
    this.buffer += chunk;
    const lines: string[] = [];
    let start = 0;
    for (let at = this.buffer.indexOf('\n'); at !== -1; at = this.buffer.indexOf('\n', start)) {
      lines.push(this.buffer.slice(start, at));
      start = at + 1;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.maxBytes) return 'too-long';
    return lines;
  }
}
