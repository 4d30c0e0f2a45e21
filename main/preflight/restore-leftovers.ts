/**
 * cfgutil's restore leftovers: every restore unpacks the firmware (5 GB+) into a GUID-named folder inside
 * Apple Configurator's DeviceService `TemporaryItems` folder and never deletes it
 * (./README.md F2; AZTEC deletes them on a timer). The bench only lists them; deleting
 * takes an explicit request naming each folder, and is confined to that one known folder: a name must be a
 * GUID, a direct child, a real directory (not a link), and idle for 30 minutes (a restore may be unpacking).
 * Idle is judged by the newest entry anywhere inside, not the top folder's own time: writing a file deep in
 * the tree does not touch the top folder. A tree too big to walk within the budget is not offered at all (its
 * newest file is unknown, so it may be in use).
 */
import { lstat, readdir, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import type {
  CleanLeftoversOutcome,
  RestoreLeftover,
  RestoreLeftovers,
} from '../../preload/preflight-domain';
import { sanitizeText } from '../text/sanitize-text';

/** Where the leftovers are; tests and the simulated bench give a folder of their own. */
export interface RestoreLeftoverFolder {
  readonly simulated: boolean;
  /** cfgutil's temporary folder, or undefined when there is none on this Mac. */
  locate(signal?: AbortSignal): Promise<string | undefined>;
}

const GUID = /^[0-9A-F]{8}(?:-[0-9A-F]{4}){3}-[0-9A-F]{12}$/i;
/** A folder changed more recently may belong to a restore that is still unpacking. */
export const IDLE_MS = 30 * 60 * 1000;
/** Bounds the size count: firmware holds some thousands of files; a bigger tree is counted partly. */
export const MAX_ENTRIES = 100_000;
const MAX_LISTED = 200;

interface Budget {
  entries: number;
  readonly signal?: AbortSignal;
}

interface TreeFacts {
  readonly bytes: number;
  /** The newest modification time of `dir` and everything below it (links themselves, not their targets). */
  readonly newestMs: number;
  readonly complete: boolean;
}

/** Sums file sizes and finds the newest change below `dir` without following links, within the budget. */
async function treeFacts(dir: string, rootMtimeMs: number, budget: Budget): Promise<TreeFacts> {
  let bytes = 0;
  let newestMs = rootMtimeMs;
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let names: string[];
    try {
      names = await readdir(current);
    } catch {
      continue;
    }
    for (const name of names) {
      if (budget.entries <= 0 || budget.signal?.aborted) return { bytes, newestMs, complete: false };
      budget.entries -= 1;
      const child = path.join(current, name);
      try {
        const info = await lstat(child);
        newestMs = Math.max(newestMs, info.mtimeMs);
        if (info.isDirectory()) pending.push(child);
        else if (info.isFile()) bytes += info.size;
      } catch {
        // Gone while counting: nothing to add.
      }
    }
  }
  return { bytes, newestMs, complete: true };
}

/** The leftovers in `folder` now, biggest first. */
export async function listLeftovers(
  folder: string,
  options: { readonly now?: number; readonly signal?: AbortSignal; readonly simulated?: boolean } = {},
): Promise<RestoreLeftovers> {
  const now = options.now ?? Date.now();
  const budget: Budget = { entries: MAX_ENTRIES, ...(options.signal ? { signal: options.signal } : {}) };
  const items: RestoreLeftover[] = [];
  let incomplete = false;
  const names = (await readdir(folder)).filter((name) => GUID.test(name)).slice(0, MAX_LISTED);
  for (const name of names) {
    const full = path.join(folder, name);
    const info = await lstat(full).catch(() => undefined);
    if (!info?.isDirectory() || now - info.mtimeMs < IDLE_MS) continue;
    const tree = await treeFacts(full, info.mtimeMs, budget);
    if (!tree.complete) {
      incomplete = true;
      continue;
    }
    if (now - tree.newestMs < IDLE_MS) continue;
    items.push({ name, sizeBytes: tree.bytes, modifiedAt: Math.round(tree.newestMs) });
  }
  items.sort((a, b) => b.sizeBytes - a.sizeBytes);
  return {
    folder,
    simulated: options.simulated ?? false,
    items,
    totalBytes: items.reduce((sum, item) => sum + item.sizeBytes, 0),
    incomplete,
  };
}

/** Deletes the named leftovers that are leftovers now; every other name is skipped with its reason. */
export async function removeLeftovers(
  folder: string,
  names: readonly string[],
  options: { readonly now?: number } = {},
): Promise<CleanLeftoversOutcome> {
  const current = await listLeftovers(folder, options.now === undefined ? {} : { now: options.now });
  const byName = new Map(current.items.map((item) => [item.name, item]));
  const realFolder = await realpath(folder);
  const deleted: string[] = [];
  const skipped: { name: string; reason: string }[] = [];
  let freedBytes = 0;
  for (const name of new Set(names)) {
    const shown = sanitizeText(name, { maxLength: 60 });
    const item = GUID.test(name) ? byName.get(name) : undefined;
    if (!item) {
      skipped.push({
        name: shown,
        reason: 'not a restore leftover now (gone, still in use, or not cfgutil’s)',
      });
      continue;
    }
    const target = path.join(realFolder, name);
    // A link swapped in since the listing would point elsewhere: only a real child directory is deleted.
    const info = await lstat(target).catch(() => undefined);
    if (!info?.isDirectory() || path.dirname(await realpath(target)) !== realFolder) {
      skipped.push({ name: shown, reason: 'changed since it was listed' });
      continue;
    }
    try {
      await rm(target, { recursive: true, force: false });
      deleted.push(name);
      freedBytes += item.sizeBytes;
    } catch (error) {
      skipped.push({
        name: shown,
        reason: `could not be deleted (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      });
    }
  }
  return { deleted, freedBytes, skipped };
}
