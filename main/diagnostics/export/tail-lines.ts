/**
 * The last lines of a set of files (oldest file first), read from their ends in bounded chunks, so a large
 * journal costs only what is kept.
 */
import { open } from 'node:fs/promises';

const CHUNK = 64 * 1024;

/** The last `count` complete lines of one file, reading at most `maxBytes` from its end. */
export async function lastLines(file: string, count: number, maxBytes = 4 * 1024 * 1024): Promise<string[]> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await handle.stat();
    let position = size;
    let text = '';
    while (position > 0 && size - position < maxBytes) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, position);
      text = buffer.toString('utf8') + text;
      if (text.split('\n').length > count + 1) break;
    }
    const lines = text.split('\n');
    // The first piece may be the middle of a line (when the read stopped early); the last is a torn line or ''.
    if (position > 0) lines.shift();
    lines.pop();
    return lines.slice(-count);
  } finally {
    await handle.close();
  }
}

/** The last `count` lines across `files` (oldest first), as one list. */
export async function lastLinesOf(files: readonly string[], count: number): Promise<string[]> {
  const out: string[] = [];
  for (const file of [...files].reverse()) {
    if (out.length >= count) break;
    out.unshift(...(await lastLines(file, count - out.length)));
  }
  return out;
}
