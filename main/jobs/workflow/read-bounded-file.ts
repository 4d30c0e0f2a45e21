/**
 * Reads a small file without ever pulling a huge one into memory: at most `max + 1` bytes are read, so the
 * caller can say "too large" from the length alone. The file is opened by main/storage/safe-file.ts: only
 * regular files (a named pipe or a device is refused without hanging), and no symlink planted in the data
 * folder (unless the caller named the file itself, as the CLI does, or the link stays inside `insideFolder`).
 */
import { openSafeFile, readUpTo } from '../../storage/safe-file';

export interface BoundedReadOptions {
  readonly followSymlink?: boolean;
  /** Links are followed only when the real file lies inside this folder. */
  readonly insideFolder?: string;
}

export async function readBoundedBytes(
  file: string,
  max: number,
  options: BoundedReadOptions = {},
): Promise<Buffer> {
  const { handle, size } = await openSafeFile(file, {
    ...(options.followSymlink ? { followLinks: true } : {}),
    ...(options.insideFolder !== undefined ? { insideFolder: options.insideFolder } : {}),
  });
  try {
    return await readUpTo(handle, Math.min(size, max) + 1);
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
