/**
 * Turns a byte stream into text lines for live progress (../shared/reference/style.md §5.3, Desktop's byline).
 *
 * cfgutil redraws progress bars with `\r` and ends lines with `\n` (../shared/reference/cfgutil.md §6.2), so both
 * end a line; `\r\n` split across two chunks still counts once. Multi-byte UTF-8 split across chunks is decoded
 * correctly. Empty lines are not reported.
 */
import { StringDecoder } from 'node:string_decoder';

export interface LineSplitter {
  push(chunk: Buffer): void;
  /** Reports the last unterminated line, if any. */
  end(): void;
}

export function createLineSplitter(onLine: (line: string) => void): LineSplitter {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = (line: string): void => {
    if (line !== '') onLine(line);
  };
  const drain = (final: boolean): void => {
    const parts = pending.split(/\r\n|\n|\r/);
    // A trailing "\r" may be the first half of "\r\n": keep it until the next chunk.
    const holdCr = !final && pending.endsWith('\r');
    pending = parts.pop() ?? '';
    if (holdCr) {
      const last = parts.pop();
      pending = last === undefined ? '\r' : `${last}\r`;
    }
    for (const part of parts) emit(part);
    if (final) {
      emit(pending);
      pending = '';
    }
  };
  return {
    push(chunk) {
      pending += decoder.write(chunk);
      drain(false);
    },
    end() {
      pending += decoder.end();
      drain(true);
    },
  };
}
