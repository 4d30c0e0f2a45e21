/**
 * Where cfgutil's restore leftovers live. On a Mac: the `TemporaryItems` folder of Apple Configurator's
 * DeviceService XPC service, inside this user's `/var/folders/…` area (the parent of the user's temporary
 * folder), found by a bounded search rather than a walk of every user's area. In simulation: a stand-in
 * folder inside the bench's data folder, so nothing outside it is ever touched.
 *
 * Assumption awaiting a real Mac: the folder's exact depth below the user's area (README table).
 */
import { mkdir, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RestoreLeftoverFolder } from './restore-leftovers';

export const DEVICE_SERVICE = 'com.apple.configurator.xpc.DeviceService';
const MAX_DEPTH = 4;
const MAX_DIRS = 2_000;

async function subdirs(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && !e.isSymbolicLink()).map((e) => e.name);
  } catch {
    return [];
  }
}

/** Breadth-first from `root`, at most {@link MAX_DEPTH} levels and {@link MAX_DIRS} folders. */
export async function findDeviceServiceTemp(root: string, signal?: AbortSignal): Promise<string | undefined> {
  let level = [root];
  let seen = 0;
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0; depth += 1) {
    const next: string[] = [];
    for (const dir of level) {
      if (signal?.aborted || seen >= MAX_DIRS) return undefined;
      seen += 1;
      for (const name of await subdirs(dir)) {
        const child = path.join(dir, name);
        if (name === DEVICE_SERVICE && (await subdirs(child)).includes('TemporaryItems')) {
          return path.join(child, 'TemporaryItems');
        }
        next.push(child);
      }
    }
    level = next;
  }
  return undefined;
}

/** macOS gives each user `/var/folders/xx/yyyy/T/` as the temporary folder; its parent holds the XPC services'. */
const USER_AREA = /^(?:\/private)?\/var\/folders\/[^/]+\/[^/]+$/;

export function macCfgutilTempFolder(
  userTempDir: string = os.tmpdir(),
  platform: NodeJS.Platform = process.platform,
): RestoreLeftoverFolder {
  const area = path.dirname(path.resolve(userTempDir));
  // Anywhere else (another system, TMPDIR pointed elsewhere) there is nothing of cfgutil's to search for.
  const searchable = platform === 'darwin' && USER_AREA.test(area);
  return {
    simulated: false,
    locate: async (signal) => (searchable ? findDeviceServiceTemp(area, signal) : undefined),
  };
}

/** The simulated bench's stand-in: `<dataDir>/simulator/cfgutil-temp`, created when first asked for. */
export function simulatedCfgutilTempFolder(dataDir: string): RestoreLeftoverFolder {
  const folder = path.join(dataDir, 'simulator', 'cfgutil-temp');
  return {
    simulated: true,
    locate: async () => {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      return folder;
    },
  };
}
