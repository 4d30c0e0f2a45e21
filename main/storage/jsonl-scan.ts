/**
 * Reads the complete lines of one JSON Lines file from a byte offset, in bounded chunks.
 *
 * The bench log indexes 100,000 records once and then reads only what was appended since (by offset), so a
 * refresh costs the new bytes, not the whole journal. Chunks are read with `await` between them, so a large
 * journal never holds the main process for long. An optional `needle` skips every line that does not contain
 * it before the line is even decoded: the log wants only `job-ended` lines out of a journal full of others.
 */
import { openSafeFile, type SafeOpenOptions } from './safe-file';

const NEWLINE = 0x0a;
// 256 KB: a few hundred records parsed between two awaits, so no chunk holds the event loop for long.
const DEFAULT_CHUNK = 256 * 1024;
const DEFAULT_MAX_LINE = 1024 * 1024;

export interface JsonlScanStart {
  /** Byte offset of the first unread line (0, or a `nextOffset` from an earlier scan). */
  readonly offset: number;
  /** Number of lines before `offset`, so line numbers in warnings stay right across scans. */
  readonly line: number;
}

export interface JsonlScanOptions extends Partial<JsonlScanStart> {
  /** Only lines containing these bytes are handed to `visit`. */
  readonly needle?: string;
  readonly chunkBytes?: number;
  /** A longer line is skipped unread (reported through `onLongLine`): no record is anywhere near this size. */
  readonly maxLineBytes?: number;
  readonly onLongLine?: (lineNumber: number) => void;
  /** How links are treated (./safe-file.ts); by default the file itself must not be a link. */
  readonly open?: SafeOpenOptions;
}

export interface JsonlScanResult extends JsonlScanStart {
  /** Bytes after the last newline: a torn last line, or a record being written right now. */
  readonly tailBytes: number;
}

/** Calls `visit` for every complete line (without its newline) from `offset` on; 1-based line numbers. */
export async function scanJsonlFile(
  file: string,
  visit: (line: string, lineNumber: number) => void,
  options: JsonlScanOptions = {},
): Promise<JsonlScanResult> {
  const needle = options.needle === undefined ? undefined : Buffer.from(options.needle, 'utf8');
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE;
  let offset = options.offset ?? 0;
  let line = options.line ?? 0;
  let readPos = offset;
  let carry = Buffer.alloc(0);
  // While a line is longer than maxLineBytes its bytes are dropped until its newline; offset stays at its start.
  let skipping = false;
  // Never a pipe or a device (that would hang or never end), never a link unless the caller allows it.
  const { handle } = await openSafeFile(file, options.open);
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const { bytesRead } = await handle.read(chunk, 0, chunkBytes, readPos);
      if (bytesRead === 0) break;
      readPos += bytesRead;
      let buf =
        carry.length === 0
          ? chunk.subarray(0, bytesRead)
          : Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      carry = Buffer.alloc(0);
      if (skipping) {
        const newline = buf.indexOf(NEWLINE);
        if (newline < 0) continue;
        line += 1;
        options.onLongLine?.(line);
        offset = readPos - buf.length + newline + 1;
        buf = buf.subarray(newline + 1);
        skipping = false;
      }
      const done = visitLines(buf, needle, line, maxLineBytes, visit, options.onLongLine);
      offset += done.bytes;
      line = done.line;
      if (buf.length - done.bytes > maxLineBytes) skipping = true;
      // Copy the unfinished tail: `chunk` is a fresh buffer per read, but a view would pin all of it.
      else carry = Buffer.from(buf.subarray(done.bytes));
    }
  } finally {
    await handle.close();
  }
  return { offset, line, tailBytes: readPos - offset };
}

/** Visits the complete lines of `buf`; returns the bytes they spanned (with the last newline) and the line count. */
function visitLines(
  buf: Buffer,
  needle: Buffer | undefined,
  firstLine: number,
  maxLineBytes: number,
  visit: (line: string, lineNumber: number) => void,
  onLongLine: ((lineNumber: number) => void) | undefined,
): { readonly bytes: number; readonly line: number } {
  let start = 0;
  let line = firstLine;
  // The next needle match; lines before it are skipped without decoding them.
  let hit = needle ? buf.indexOf(needle, 0) : -1;
  for (;;) {
    const end = buf.indexOf(NEWLINE, start);
    if (end < 0) return { bytes: start, line };
    line += 1;
    const wanted = !needle || (hit >= start && hit < end);
    if (end - start > maxLineBytes) onLongLine?.(line);
    else if (wanted && end > start) visit(buf.toString('utf8', start, end), line);
    start = end + 1;
    if (needle && hit >= 0 && hit < start) hit = buf.indexOf(needle, start);
  }
}
