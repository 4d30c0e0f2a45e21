/**
 * Reads a profile file from disk for the CLI and "Open With": at most 5 MB + 1 byte, plus its modified time.
 *
 * Reading one byte past the limit is enough for the loader to say "too large" without pulling a multi-gigabyte
 * file into memory.
 */
import { open, stat } from 'node:fs/promises';
import { MAX_PROFILE_BYTES } from './detect-file-kind';

export async function readProfileFile(
  filePath: string,
): Promise<{ readonly bytes: Uint8Array; readonly modifiedAt: number }> {
  const info = await stat(filePath);
  const handle = await open(filePath, 'r');
  try {
    const length = Math.min(info.size, MAX_PROFILE_BYTES + 1);
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return { bytes: buffer.subarray(0, bytesRead), modifiedAt: info.mtimeMs };
  } finally {
    await handle.close();
  }
}
