/** The ignore list never empties by accident: entry by entry at load, all or nothing at save. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_IGNORED } from '../../../main/settings/settings-schema';
import { SettingsStore } from '../../../main/settings/settings-store';
import { checkIgnoreList } from '../../../main/settings/validate-ignore-list';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const serials = (n: number) => Array.from({ length: n }, (_, i) => `C0FFEE${String(i).padStart(6, '0')}`);

describe('checkIgnoreList', () => {
  it('a mistyped serial costs only itself, at load', () => {
    const checked = checkIgnoreList({ serials: ['F9FXQ0A1HG7Q', 'F9FX-Q0A1', 'dmpw 12ab cd34'] }, 'load');
    expect(checked.list?.serials).toEqual(['F9FXQ0A1HG7Q', 'DMPW12ABCD34']);
    expect(checked.problems).toEqual([
      expect.stringMatching(/^Setting ignore\.serials\[1\] \(entry 2\) "F9FX-Q0A1": /),
    ]);
    expect(checked.refuse).toBe(false);
  });

  it('over the limit at load: every valid entry still counts, and the problem says it cannot be saved', () => {
    const checked = checkIgnoreList({ serials: serials(MAX_IGNORED + 5) }, 'load');
    expect(checked.list?.serials).toHaveLength(MAX_IGNORED + 5);
    expect(checked.problems[0]).toMatch(/more than the 1000 .*every valid entry still counts/);
  });

  it('at save, a bad entry or a list over the limit refuses the list', () => {
    expect(checkIgnoreList({ serials: ['F9FXQ0A1HG7Q', 'F9FX-Q0A1'] }, 'save').refuse).toBe(true);
    expect(checkIgnoreList({ serials: serials(MAX_IGNORED + 1) }, 'save')).toMatchObject({
      refuse: true,
      problems: [expect.stringMatching(/nothing was saved and the list saved before still counts/)],
    });
  });
});

describe('SettingsStore and the ignore list', () => {
  async function store() {
    const dir = await mkdtemp(join(tmpdir(), 'ignore-list-'));
    dirs.push(dir);
    const file = join(dir, 'settings.json');
    return { file, settings: new SettingsStore(file) };
  }

  it('a file with one typo still protects every other device', async () => {
    const { file, settings } = await store();
    await writeFile(
      file,
      JSON.stringify({ ignore: { serials: ['F9FXQ0A1HG7Q', 'F9FX-Q0A1'], ecids: ['0x1'] } }),
    );
    const loaded = await settings.load();
    expect(loaded.settings.ignore).toEqual({ serials: ['F9FXQ0A1HG7Q'], ecids: ['0x1'] });
    expect(loaded.problems).toHaveLength(1);
  });

  it('saving a list over the limit is refused with a clear error and the saved list is kept', async () => {
    const { file, settings } = await store();
    await settings.save({ ignore: { serials: ['F9FXQ0A1HG7Q'], ecids: [] } });
    const before = await readFile(file, 'utf8');
    await expect(
      settings.update({ ignore: { serials: serials(MAX_IGNORED + 1), ecids: [] } }),
    ).rejects.toThrow('The settings were not saved');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await settings.load()).settings.ignore?.serials).toEqual(['F9FXQ0A1HG7Q']);
  });
});
