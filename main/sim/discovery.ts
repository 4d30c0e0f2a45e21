/**
 * The per-bench discovery file through which `enroll-bench sim …` finds the world of one bench.
 *
 * Worlds never cross (issue 8, item 10): the file is named after the bench, that is its data folder
 * (`ENROLL_BENCH_DATA`, or the default), so two benches on one machine each publish their own file, and `sim`
 * verbs run with a bench's data folder reach that bench's world only. A second world for the same bench does not
 * take over a live one: publishing is refused while the first still answers on its socket.
 *
 * `enroll-bench-sim-<uid>-<hash of the data folder>.json`, mode 0600, in `$XDG_RUNTIME_DIR` when it is set (per user, 0700, so nobody else
 * can plant anything there), else in the OS temp folder, which is shared. In a shared folder another user may
 * have created the name first, as a file or as a symlink to one of our files. So the file is never opened by its
 * final name for writing: it is written under a random name with exclusive create (which never follows a
 * symlink), then renamed over the final name (rename replaces the link itself, never its target). Reading refuses
 * a symlink, a file owned by someone else, or one writable by others, since the socket path inside decides where
 * commands go.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import net from 'node:net';
import { open, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from '../storage/data-dir';

export interface SimDiscovery {
  readonly socketPath: string;
  readonly cfgutilPath: string;
  readonly pid: number;
}

/** The outcome of publishing: a failure is reported, never thrown, because the world runs fine without it. */
export type PublishResult =
  | { readonly ok: true; readonly file: string }
  | { readonly ok: false; readonly file: string; readonly reason: string };

/** Largest discovery file read; the real one is a few hundred bytes. */
const MAX_BYTES = 64 * 1024;

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : 0;
}

/** The folder for the file: `$XDG_RUNTIME_DIR` if set to an absolute path, else the OS temp folder. */
export function discoveryDir(env: NodeJS.ProcessEnv = process.env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  return runtime !== undefined && path.isAbsolute(runtime) ? runtime : os.tmpdir();
}

/** Which bench a world belongs to: its data folder, as `serve`, `start` and every CLI verb resolve it. */
export function benchOf(env: NodeJS.ProcessEnv = process.env): string {
  return defaultDataDir(env);
}

export function discoveryFilePath(env: NodeJS.ProcessEnv = process.env, bench = benchOf(env)): string {
  const key = createHash('sha256').update(path.resolve(bench)).digest('hex').slice(0, 16);
  return path.join(discoveryDir(env), `enroll-bench-sim-${uid()}-${key}.json`);
}

/** True when something answers on the socket: the world it names is still running. */
export function socketAnswers(socketPath: string, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(socketPath);
    const done = (alive: boolean): void => {
      socket.destroy();
      resolve(alive);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Publishes the world: writes a private temp file next to `file`, then renames it over `file`. Best effort:
 * resolves with what happened and never rejects.
 */
export async function writeDiscovery(info: SimDiscovery, file = discoveryFilePath()): Promise<PublishResult> {
  const current = await readDiscovery(file);
  if (current && current.socketPath !== info.socketPath && (await socketAnswers(current.socketPath))) {
    return {
      ok: false,
      file,
      reason: `another simulated world (process ${current.pid}) already serves this bench; give this one its own data folder (ENROLL_BENCH_DATA)`,
    };
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    // 'wx' = O_CREAT | O_EXCL: fails on any existing name, symlinks included, so nothing is written through one.
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(info)}\n`);
      // The mode given to open is reduced by the umask; 0600 is wanted whatever the umask.
      await handle.chmod(0o600);
    } finally {
      await handle.close();
    }
    await rename(temp, file);
    return { ok: true, file };
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    return { ok: false, file, reason: reasonOf(error) };
  }
}

/** The published world, or undefined when there is none or the file is not trustworthy. */
export async function readDiscovery(file = discoveryFilePath()): Promise<SimDiscovery | undefined> {
  try {
    // O_NOFOLLOW: a symlink fails to open. The checks then run on the opened file itself, so it cannot be
    // swapped between the check and the read.
    const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.uid !== uid() || (stat.mode & 0o022) !== 0 || stat.size > MAX_BYTES)
        return undefined;
      return parseDiscovery(await handle.readFile('utf8'));
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

function parseDiscovery(text: string): SimDiscovery | undefined {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null) return undefined;
  const { socketPath, cfgutilPath, pid } = value as Record<string, unknown>;
  if (typeof socketPath !== 'string' || typeof cfgutilPath !== 'string' || typeof pid !== 'number')
    return undefined;
  return { socketPath, cfgutilPath, pid };
}

/** Removes the file only if it still describes this world (another world may have replaced it). */
export async function removeDiscovery(socketPath: string, file = discoveryFilePath()): Promise<void> {
  const current = await readDiscovery(file);
  if (current?.socketPath === socketPath) await rm(file, { force: true });
}
