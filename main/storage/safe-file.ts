/**
 * The one way the bench opens a file it reads (settings, workflows, the stored profile and identity, the
 * journal and bench log, log-merge inputs): files are files.
 *
 * - Opened with O_NONBLOCK, so a named pipe planted where a file belongs cannot hang the open (a FIFO without
 *   a writer blocks an ordinary open forever); O_NONBLOCK changes nothing for a regular file.
 * - Checked with fstat on the opened descriptor to be a regular file: a pipe, a socket, a folder or a device
 *   (`/dev/zero`, `/dev/random`) ends with an error naming what it is, before a byte is read.
 * - Links: by default the last component must not be a link (O_NOFOLLOW). With `insideFolder`, the file's
 *   real path (every link resolved) must lie inside that folder's real path, so a link within the data folder
 *   works and one pointing out of it (to `/dev/zero`, to another user's file) is refused. `followLinks` is for
 *   files the operator named on the command line.
 * - Read with a byte cap, so a huge file is refused by its size, not by the memory it took.
 *
 * Errors carry a `code` like Node's (`ENOENT` passes through unchanged; `ELOOP` for a refused link), and a
 * message that names the file, the problem and what to do.
 */
import { constants } from 'node:fs';
import { open, realpath, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export type UnsafeFileCode = 'ELOOP' | 'ENOTREGULAR' | 'EFBIG' | 'EOUTSIDE';

export class UnsafeFileError extends Error {
  constructor(
    readonly code: UnsafeFileCode,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeFileError';
  }
}

export interface SafeOpenOptions {
  /** Links are followed only when the real file lies inside this folder. */
  readonly insideFolder?: string;
  /** Follow links anywhere (a path the operator typed). Still only regular files. */
  readonly followLinks?: boolean;
}

export interface SafeReadOptions extends SafeOpenOptions {
  /** More than this is refused with `EFBIG`, reading at most this many bytes plus one. */
  readonly maxBytes: number;
}

function kindOf(info: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
}

/** Opens `file` for reading under the rules above; the caller closes the handle. */
export async function openSafeFile(
  file: string,
  options: SafeOpenOptions = {},
): Promise<{ readonly handle: FileHandle; readonly size: number }> {
  const name = path.basename(file);
  let target = file;
  if (options.insideFolder !== undefined && !options.followLinks) {
    const [real, folder] = await Promise.all([realpath(file), realpath(options.insideFolder)]);
    if (!isInside(folder, real)) {
      throw new UnsafeFileError(
        'EOUTSIDE',
        `${name} leads out of the bench's data folder (to ${real}); the bench does not read it. Put the file itself there.`,
      );
    }
    target = real;
  }
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks ? 0 : constants.O_NOFOLLOW);
  let handle: FileHandle;
  try {
    handle = await open(target, flags);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new UnsafeFileError(
        'ELOOP',
        `${name} is a symbolic link, which the bench does not follow here. Put the file itself there.`,
      );
    }
    throw error;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      throw new UnsafeFileError(
        'ENOTREGULAR',
        `${name} is ${kindOf(info)}, not a regular file; the bench reads only regular files. Replace it with the file itself.`,
      );
    }
    return { handle, size: info.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function tooLarge(file: string, maxBytes: number): UnsafeFileError {
  return new UnsafeFileError(
    'EFBIG',
    `${path.basename(file)} is larger than ${describeBytes(maxBytes)}; the bench does not read it.`,
  );
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Reads at most `limit` bytes from an open file (the file may grow while it is read; the cap holds anyway).
 * Returns fewer only at the end of the file.
 */
export async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.alloc(limit);
  let filled = 0;
  while (filled < limit) {
    const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** The whole file, or an error: not a regular file, a refused link, or more than `maxBytes`. */
export async function readSafeFile(file: string, options: SafeReadOptions): Promise<Buffer> {
  const { handle, size } = await openSafeFile(file, options);
  try {
    if (size > options.maxBytes) throw tooLarge(file, options.maxBytes);
    const bytes = await readUpTo(handle, Math.min(size, options.maxBytes) + 1);
    if (bytes.length > options.maxBytes) throw tooLarge(file, options.maxBytes);
    return bytes;
  } finally {
    await handle.close();
  }
}

export async function readSafeText(file: string, options: SafeReadOptions): Promise<string> {
  return (await readSafeFile(file, options)).toString('utf8');
}
