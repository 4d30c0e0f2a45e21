/**
 * Writes a file readable only by the owner (0600) without ever leaving it half-written: the data goes to a
 * temporary file with a random name next to it, which is then renamed into place. The random name matters:
 * a fixed `<file>.<pid>.tmp` is shared by two writes in the same process, so two imports at once would write
 * into, and rename, each other's temporary file.
 */
import { randomBytes } from 'node:crypto';
import { chmod, rename, rm, writeFile } from 'node:fs/promises';

export async function writePrivateFile(file: string, data: Uint8Array | string): Promise<void> {
  const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
  try {
    await writeFile(temp, data, { mode: 0o600, flag: 'wx' });
    // The mode given to writeFile is masked by the umask; chmod makes it exactly 0600.
    await chmod(temp, 0o600);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
