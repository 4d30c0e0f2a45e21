/**
 * Reads a small file without ever pulling a huge one into memory: at most `max + 1` bytes are read, so the
 * caller can say "too large" from the length alone. Only regular files are read; a folder is refused, and so
 * is a symlink planted in the data folder (unless the caller named the file itself, as the CLI does).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

export interface BoundedReadOptions {
  readonly followSymlink?: boolean;
}

export async function readBoundedBytes(
  file: string,
  max: number,
  options: BoundedReadOptions = {},
): Promise<Buffer> {
  const flags = constants.O_RDONLY | (options.followSymlink ? 0 : constants.O_NOFOLLOW);
  const handle = await open(file, flags);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    const buffer = Buffer.alloc(Math.min(info.size, max) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function readBoundedText(
  file: string,
  max: number,
  options: BoundedReadOptions = {},
): Promise<string> {
  return (await readBoundedBytes(file, max, options)).toString('utf8');
}
