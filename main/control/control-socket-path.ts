/**
 * Where a bench listens for `enroll-bench status|jobs|arm|disarm|log tail`: an owner-only Unix socket in the
 * data folder's runtime place, `<data folder>/run/control.sock` (folder 0700, socket 0600).
 *
 * A Unix socket's path must fit `sun_path`: 104 bytes on macOS, 108 on Linux, the final NUL included. A data
 * folder deep enough to pass that (a long home folder, a test's temporary folder) gets its socket in a private
 * per-user folder of the temporary folder instead, named by a hash of the data folder, so each bench still has
 * exactly one socket and two data folders never share one.
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/** macOS's limit (the smaller), less the NUL. */
export const MAX_SOCKET_PATH_BYTES = 103;

export const RUNTIME_FOLDER = 'run';
export const SOCKET_NAME = 'control.sock';

export function controlSocketPath(dataDir: string, tmpDir = os.tmpdir()): string {
  const inDataDir = path.join(path.resolve(dataDir), RUNTIME_FOLDER, SOCKET_NAME);
  if (Buffer.byteLength(inDataDir) <= MAX_SOCKET_PATH_BYTES) return inDataDir;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 24);
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const hashed = path.join(tmpDir, `enroll-bench-${uid}`, `${hash}.sock`);
  // A temporary folder that is itself too deep leaves the shortest private place there is.
  return Buffer.byteLength(hashed) <= MAX_SOCKET_PATH_BYTES
    ? hashed
    : path.join('/tmp', `enroll-bench-${uid}`, `${hash}.sock`);
}
