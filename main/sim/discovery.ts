/**
 * The per-user discovery file through which `enroll-bench sim cfgutil` finds a running world.
 *
 * `<tmpdir>/enroll-bench-sim-<uid>.json`, mode 0600. Reading refuses files owned by someone else or
 * writable by others, since the socket path inside decides where commands go.
 */
import { lstat, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SimDiscovery {
  readonly socketPath: string;
  readonly cfgutilPath: string;
  readonly pid: number;
}

function uid(): number {
  return typeof process.getuid === 'function' ? process.getuid() : 0;
}

export function discoveryFilePath(): string {
  return path.join(os.tmpdir(), `enroll-bench-sim-${uid()}.json`);
}

export async function writeDiscovery(info: SimDiscovery, file = discoveryFilePath()): Promise<void> {
  await writeFile(file, `${JSON.stringify(info)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

/** The published world, or undefined when there is none or the file is not trustworthy. */
export async function readDiscovery(file = discoveryFilePath()): Promise<SimDiscovery | undefined> {
  try {
    const stat = await lstat(file);
    if (!stat.isFile() || stat.uid !== uid() || (stat.mode & 0o022) !== 0) return undefined;
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { socketPath, cfgutilPath, pid } = value as Record<string, unknown>;
    if (typeof socketPath !== 'string' || typeof cfgutilPath !== 'string' || typeof pid !== 'number')
      return undefined;
    return { socketPath, cfgutilPath, pid };
  } catch {
    return undefined;
  }
}

/** Removes the file only if it still describes this world (another world may have replaced it). */
export async function removeDiscovery(socketPath: string, file = discoveryFilePath()): Promise<void> {
  const current = await readDiscovery(file);
  if (current?.socketPath === socketPath) await rm(file, { force: true });
}
