/**
 * Writes a file so that it is either the old file or the whole new one, never half of it: the data goes to a
 * temporary file with a random name in the same folder (so the rename stays on one file system), is flushed,
 * and is then renamed over the target. Exports use this, so a crash mid-export never leaves a truncated CSV
 * that looks complete.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
