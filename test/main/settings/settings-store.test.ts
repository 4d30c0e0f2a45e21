import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore, validateSettings } from '../../../main/settings/settings-store';

async function tempFile(): Promise<string> {
  return path.join(await mkdtemp(path.join(os.tmpdir(), 'eb-settings-')), 'settings.json');
}

describe('SettingsStore', () => {
  it('returns defaults without problems when no file exists', async () => {
    expect(await new SettingsStore(await tempFile()).load()).toEqual({ settings: {}, problems: [] });
  });

  it('saves with owner-only permissions and loads back', async () => {
    const file = await tempFile();
    const store = new SettingsStore(file);
    await store.save({ cfgutilPath: '/usr/local/bin/cfgutil' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await store.load()).settings).toEqual({ cfgutilPath: '/usr/local/bin/cfgutil' });
  });

  it('keeps an unreadable file aside instead of losing it', async () => {
    const file = await tempFile();
    await writeFile(file, '{"cfgutilPath": "/usr/lo');
    const loaded = await new SettingsStore(file).load();
    expect(loaded.settings).toEqual({});
    expect(loaded.problems[0]).toMatch(/not valid JSON; it was kept as settings\.json\.unreadable-/);
    const kept = (await readdir(path.dirname(file))).find((n) => n.startsWith('settings.json.unreadable-'));
    expect(kept).toBeDefined();
    expect(await readFile(path.join(path.dirname(file), kept ?? ''), 'utf8')).toBe(
      '{"cfgutilPath": "/usr/lo',
    );
  });
});

describe('validateSettings', () => {
  it('drops a relative cfgutil path with a named problem', () => {
    expect(validateSettings({ cfgutilPath: 'cfgutil' })).toEqual({
      settings: {},
      problems: ['The saved cfgutil path is not an absolute path; it was ignored. Choose cfgutil again.'],
    });
  });

  it('refuses a non-object', () => {
    expect(validateSettings([1]).problems).toHaveLength(1);
  });
});
