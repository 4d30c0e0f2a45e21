import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchSettings } from '../../../main/settings/bench-settings';
import { followSettingsFile } from '../../../main/settings/follow-settings-file';
import { SettingsStore } from '../../../main/settings/settings-store';

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function following() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-follow-settings-'));
  const file = path.join(dir, 'settings.json');
  const seen: { settings: BenchSettings; problems: readonly string[] }[] = [];
  const store = new SettingsStore(file);
  stops.push(
    followSettingsFile({
      store,
      file,
      debounceMs: 20,
      onChange: (settings, problems) => seen.push({ settings, problems }),
    }),
  );
  return { dir, file, seen, store };
}

describe('followSettingsFile', () => {
  it('applies a save made by another process on the same file (settings set), defaults filled in', async () => {
    const { file, seen } = await following();
    // Another SettingsStore on the same file, as `enroll-bench settings set` has: it renames a temporary over it.
    await new SettingsStore(file).update({ concurrency: 3 });
    await until(() => seen.length > 0);
    expect(seen.at(-1)?.settings).toMatchObject({ concurrency: 3, countdownSeconds: 5 });
    await new SettingsStore(file).update({ countdownSeconds: 12 });
    await until(() => seen.at(-1)?.settings.countdownSeconds === 12);
    expect(seen.at(-1)?.settings.concurrency).toBe(3);
  });

  it('skips a save made through the followed store (its caller applied it), not the same bytes from elsewhere', async () => {
    const { file, seen, store } = await following();
    await store.update({ concurrency: 4 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual([]);
    // Another process saves the very same settings: a new write, so it is applied ("Back to 4" from a terminal).
    await new SettingsStore(file).update({ concurrency: 4 });
    await until(() => seen.length > 0);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.settings.concurrency).toBe(4);
    // And a save through the store again, after the other one, is again its caller's to apply.
    await store.update({ concurrency: 4 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toHaveLength(1);
  });

  it('ignores other files in the data folder, reports a bad field, and stops when told', async () => {
    const { dir, file, seen } = await following();
    await writeFile(path.join(dir, 'window-state.json'), '{}');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([]);
    await writeFile(file, JSON.stringify({ concurrency: 0, countdownSeconds: 9 }));
    await until(() => seen.length > 0);
    expect(seen.at(-1)?.settings).toMatchObject({ concurrency: 8, countdownSeconds: 9 });
    expect(seen.at(-1)?.problems.join(' ')).toContain('concurrency');
    stops.splice(0).forEach((stop) => stop());
    const before = seen.length;
    await writeFile(file, JSON.stringify({ countdownSeconds: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toHaveLength(before);
  });
});
