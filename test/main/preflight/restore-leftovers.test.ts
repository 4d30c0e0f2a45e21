import { mkdir, mkdtemp, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IDLE_MS, listLeftovers, removeLeftovers } from '../../../main/preflight/restore-leftovers';
import {
  findDeviceServiceTemp,
  macCfgutilTempFolder,
  simulatedCfgutilTempFolder,
} from '../../../main/preflight/cfgutil-temp-folder';

const OLD = 'A1B2C3D4-0000-4000-8000-000000000001';
const OLDER = 'A1B2C3D4-0000-4000-8000-000000000002';
const FRESH = 'A1B2C3D4-0000-4000-8000-000000000003';

/** Sets every entry's times, deepest first (the top folder's own time is not enough any more). */
async function ageTree(top: string, seconds: number): Promise<void> {
  for (const entry of ['Firmware/part.bin', 'Firmware', '']) {
    await utimes(path.join(top, entry), seconds, seconds);
  }
}

async function folderWithLeftovers(): Promise<{ root: string; folder: string; outside: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'eb-leftovers-'));
  const folder = path.join(root, 'TemporaryItems');
  const outside = path.join(root, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'keep.txt'), 'precious');
  const past = (Date.now() - IDLE_MS - 60_000) / 1000;
  for (const [name, bytes] of [
    [OLD, 3000],
    [OLDER, 5000],
    [FRESH, 7000],
  ] as const) {
    await mkdir(path.join(folder, name, 'Firmware'), { recursive: true });
    await writeFile(path.join(folder, name, 'Firmware', 'part.bin'), Buffer.alloc(bytes));
    if (name !== FRESH) await ageTree(path.join(folder, name), past);
  }
  await mkdir(path.join(folder, 'not-a-guid'));
  await utimes(path.join(folder, 'not-a-guid'), past, past);
  return { root, folder, outside };
}

describe('restore leftovers', () => {
  it('lists only idle GUID folders, biggest first, with their sizes', async () => {
    const { folder } = await folderWithLeftovers();
    const listed = await listLeftovers(folder);
    expect(listed.items.map((i) => [i.name, i.sizeBytes])).toEqual([
      [OLDER, 5000],
      [OLD, 3000],
    ]);
    expect(listed.totalBytes).toBe(8000);
    expect(listed.incomplete).toBe(false);
  });

  it('judges idleness by the newest file inside, not by the top folder', async () => {
    const { folder } = await folderWithLeftovers();
    // A restore writing deep inside an old-looking folder: only the file's own time changes.
    await writeFile(path.join(folder, OLD, 'Firmware', 'part.bin'), Buffer.alloc(10));
    const past = (Date.now() - IDLE_MS - 60_000) / 1000;
    await utimes(path.join(folder, OLD, 'Firmware'), past, past);
    await utimes(path.join(folder, OLD), past, past);
    expect((await listLeftovers(folder)).items.map((i) => i.name)).toEqual([OLDER]);
    const outcome = await removeLeftovers(folder, [OLD]);
    expect(outcome.deleted).toEqual([]);
    expect(await readdir(path.join(folder, OLD, 'Firmware'))).toEqual(['part.bin']);
  });

  it('deletes only the named leftovers, and skips everything else with a reason', async () => {
    const { folder, outside } = await folderWithLeftovers();
    const outcome = await removeLeftovers(folder, [
      OLD,
      FRESH,
      'not-a-guid',
      '../outside',
      'B0000000-0000-4000-8000-000000000009',
    ]);
    expect(outcome.deleted).toEqual([OLD]);
    expect(outcome.freedBytes).toBe(3000);
    expect(outcome.skipped.map((s) => s.name)).toEqual([
      FRESH,
      'not-a-guid',
      '../outside',
      'B0000000-0000-4000-8000-000000000009',
    ]);
    expect((await readdir(folder)).sort()).toEqual([OLDER, FRESH, 'not-a-guid'].sort());
    expect(await readdir(outside)).toEqual(['keep.txt']);
  });

  it('never follows a link named like a leftover out of the folder', async () => {
    const { folder, outside } = await folderWithLeftovers();
    const link = 'C0000000-0000-4000-8000-00000000000A';
    await symlink(outside, path.join(folder, link));
    expect((await listLeftovers(folder)).items.map((i) => i.name)).not.toContain(link);
    const outcome = await removeLeftovers(folder, [link]);
    expect(outcome.deleted).toEqual([]);
    expect((await stat(path.join(outside, 'keep.txt'))).isFile()).toBe(true);
  });

  it("finds the DeviceService TemporaryItems folder below the user's area, within its bound", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'eb-varfolders-'));
    const temp = path.join(root, 'T', 'com.apple.configurator.xpc.DeviceService', 'TemporaryItems');
    await mkdir(temp, { recursive: true });
    await mkdir(path.join(root, 'C', 'other'), { recursive: true });
    expect(await findDeviceServiceTemp(root)).toBe(temp);
    expect(await findDeviceServiceTemp(path.join(root, 'C'))).toBeUndefined();
  });

  it("searches only a Mac user's /var/folders area, never from / when TMPDIR points elsewhere", async () => {
    expect(await macCfgutilTempFolder('/tmp', 'darwin').locate()).toBeUndefined();
    expect(await macCfgutilTempFolder('/var/folders/ab/cdef/T', 'linux').locate()).toBeUndefined();
    // The real user area does not exist here: the search finds nothing, within its bound.
    expect(await macCfgutilTempFolder('/var/folders/ab/cdef/T', 'darwin').locate()).toBeUndefined();
  });

  it('keeps the simulated stand-in inside the data folder', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-data-'));
    const folder = await simulatedCfgutilTempFolder(dataDir).locate();
    expect(folder?.startsWith(dataDir + path.sep)).toBe(true);
    expect((await stat(folder!)).isDirectory()).toBe(true);
  });
});
