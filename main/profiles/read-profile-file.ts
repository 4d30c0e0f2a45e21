/**
 * Reads a profile file from disk for the CLI and "Open With": at most 5 MB + 1 byte, plus its modified time.
 *
 * Reading one byte past the limit is enough for the loader to say "too large" without pulling a multi-gigabyte
 * file into memory.
 */
import { BenchError } from '../errors/bench-error';
import { openSafeFile, readUpTo, UnsafeFileError } from '../storage/safe-file';
import { sanitizeText } from '../text/sanitize-text';
import { MAX_PROFILE_BYTES } from './detect-file-kind';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'there is no file at that path',
  EISDIR: 'that is a folder, not a file',
  EACCES: 'this user may not read it',
  EPERM: 'macOS did not allow reading it (check Files and Folders in Privacy & Security)',
};

/** A file-system failure as a plain-language refusal that names the file. */
function unreadable(filePath: string, error: unknown): BenchError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  // A pipe, a device or a socket: the safe reader's own words say which.
  const reason =
    error instanceof UnsafeFileError && code === 'ENOTREGULAR'
      ? error.message.slice(error.message.indexOf(' is ') + ' is '.length).split(';')[0]
      : REASONS[code];
  return new BenchError({
    code: 'invalid-request',
    title: 'The profile file could not be read',
    detail: `${sanitizeText(filePath, { maxLength: 300 })}: ${reason ?? 'it could not be opened'}. Check the path, or drop the file on the window.`,
    retryable: false,
  });
}

export async function readProfileFile(
  filePath: string,
): Promise<{ readonly bytes: Uint8Array; readonly modifiedAt: number }> {
  try {
    return await readCapped(filePath);
  } catch (error) {
    throw unreadable(filePath, error);
  }
}

async function readCapped(
  filePath: string,
): Promise<{ readonly bytes: Uint8Array; readonly modifiedAt: number }> {
  // The operator named this file: links are followed, but only to a regular file (never a pipe or /dev/zero).
  const { handle } = await openSafeFile(filePath, { followLinks: true });
  try {
    const info = await handle.stat();
    const bytes = await readUpTo(handle, Math.min(info.size, MAX_PROFILE_BYTES) + 1);
    return { bytes: new Uint8Array(bytes), modifiedAt: info.mtimeMs };
  } finally {
    await handle.close();
  }
}
