/**
 * Turns a byte stream into text lines for live progress.
 *
 * cfgutil redraws progress bars with `\r` and ends lines with `\n`, so both end a line; `\r\n` split across two
 * chunks still counts once. Multi-byte UTF-8 split across chunks is decoded correctly. Empty lines are not
 * reported.
 *
 * Bounded work: each character is looked at once (only the new chunk is scanned for a line break, never the
 * text already held), so output without line breaks costs linear time, not quadratic. A single line is kept to
 * {@link MAX_LINE_CHARS}; the rest of it up to the next break is dropped and the line ends with
 * {@link truncatedMark}, so a runaway line cannot grow memory either.
 */
import { StringDecoder } from 'node:string_decoder';

/** Far above any progress or status line cfgutil prints (a few hundred characters). */
export const MAX_LINE_CHARS = 64 * 1024;

/** Appended to a line cut at the cap. */
export const truncatedMark = ' …(line cut)';

export interface LineSplitter {
  push(chunk: Buffer): void;
  /** Reports the last unterminated line, if any. */
  end(): void;
}

export interface LineSplitterOptions {
  /** Cap on one line in UTF-16 code units; defaults to {@link MAX_LINE_CHARS}. */
  readonly maxLineChars?: number;
}

export function createLineSplitter(
  onLine: (line: string) => void,
  options: LineSplitterOptions = {},
): LineSplitter {
  const maxLine = Math.max(1, options.maxLineChars ?? MAX_LINE_CHARS);
  const decoder = new StringDecoder('utf8');
  // The current line's pieces; joined once when the line ends, so appending never copies what is held.
  let pieces: string[] = [];
  let held = 0;
  let cut = false;
  // The last character seen was "\r": a "\n" next (maybe in the next chunk) belongs to the same break.
  let afterCr = false;

  const hold = (text: string): void => {
    if (text === '' || cut) return;
    const room = maxLine - held;
    if (text.length > room) {
      pieces.push(text.slice(0, room));
      held = maxLine;
      cut = true;
      return;
    }
    pieces.push(text);
    held += text.length;
  };
  const endLine = (): void => {
    const line = pieces.join('') + (cut ? truncatedMark : '');
    pieces = [];
    held = 0;
    cut = false;
    if (line !== '') onLine(line);
  };
  const feed = (text: string): void => {
    let start = 0;
    if (afterCr && text.startsWith('\n')) start = 1;
    if (text !== '') afterCr = false;
    const breaks = /\r\n|\n|\r/g;
    breaks.lastIndex = start;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      hold(text.slice(start, match.index));
      endLine();
      start = match.index + match[0].length;
    }
    hold(text.slice(start));
    if (text.length > 0 && start === text.length && text.endsWith('\r')) afterCr = true;
  };
  return {
    push(chunk) {
      feed(decoder.write(chunk));
    },
    end() {
      feed(decoder.end());
      endLine();
    },
  };
}
