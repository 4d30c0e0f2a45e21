import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SETTINGS_BYTES, SettingsStore } from '../../../main/settings/settings-store';

async function tempFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'eb-settings-')), 'settings.json');
}

const fixedNow = () => new Date('2026-12-01T19:44:16.123Z');

async function keptAside(file: string): Promise<string[]> {
  return (await readdir(path.dirname(file))).filter((n) => n.startsWith('settings.json.corrupt-'));
}

describe('SettingsStore', () => {
  it('returns defaults without problems when no file exists', async () => {
    expect(await new SettingsStore(await tempFile()).load()).toEqual({ settings: {}, problems: [] });
  });

  it('saves with owner-only permissions and loads back', async () => {
    const file = await tempFile();
    const store = new SettingsStore(file);
    await store.save({ cfgutilPath: '/usr/local/bin/cfgutil', concurrency: 4 });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await store.load()).settings).toEqual({ cfgutilPath: '/usr/local/bin/cfgutil', concurrency: 4 });
    expect((await readdir(path.dirname(file))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('moves a file that is not JSON aside as settings.json.corrupt-<time>, with a notice', async () => {
    const file = await tempFile();
    await writeFile(file, '{"cfgutilPath": "/usr/lo');
    const loaded = await new SettingsStore(file, fixedNow).load();
    expect(loaded.settings).toEqual({});
    expect(loaded.problems).toEqual([
      'The settings file was not valid JSON; it was kept as settings.json.corrupt-2026-12-01T19-44-16.123Z and defaults are used.',
    ]);
    const [kept] = await keptAside(file);
    expect(await readFile(path.join(path.dirname(file), kept ?? ''), 'utf8')).toBe(
      '{"cfgutilPath": "/usr/lo',
    );
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('moves aside a file that holds no object, and one far too large, without parsing it', async () => {
    const file = await tempFile();
    await writeFile(file, '[1, 2]');
    expect((await new SettingsStore(file, fixedNow).load()).problems[0]).toMatch(
      /does not hold a JSON object; it was kept/,
    );
    await writeFile(file, `{"stationName": "${'x'.repeat(MAX_SETTINGS_BYTES)}"}`);
    const later = () => new Date('2026-12-01T19:45:00.000Z');
    expect((await new SettingsStore(file, later).load()).problems[0]).toMatch(
      /larger than 256 KB; it was kept/,
    );
    expect(await keptAside(file)).toHaveLength(2);
  });

  it('keeps the good fields of a file with one bad field, and leaves the file as it is', async () => {
    const file = await tempFile();
    const text = JSON.stringify({ concurrency: 100, countdownSeconds: 10, sounds: true });
    await writeFile(file, text);
    const loaded = await new SettingsStore(file).load();
    expect(loaded.settings).toEqual({ countdownSeconds: 10, sounds: true });
    expect(loaded.problems).toEqual([
      'Setting concurrency: concurrency must be from 1 to 64; it was ignored and the default is used.',
    ]);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('refuses to save an invalid value and writes nothing', async () => {
    const file = await tempFile();
    const store = new SettingsStore(file);
    await expect(store.save({ countdownSeconds: 61 })).rejects.toMatchObject({
      info: {
        code: 'invalid-request',
        detail: expect.stringContaining('countdownSeconds must be from 0 to 60'),
      },
    });
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('updates one field at a time, and a field set to undefined goes back to its default', async () => {
    const file = await tempFile();
    const store = new SettingsStore(file);
    await Promise.all([store.update({ concurrency: 3 }), store.update({ sounds: true })]);
    expect((await store.load()).settings).toEqual({ concurrency: 3, sounds: true });
    expect(await store.update({ concurrency: undefined })).toEqual({ sounds: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ sounds: true });
  });
});
