import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCfgutilLocator } from '../../../main/app/cfgutil-locator';
import { SettingsStore } from '../../../main/settings/settings-store';

async function setup() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-locator-'));
  const store = new SettingsStore(path.join(dir, 'settings.json'));
  const tool = path.join(dir, 'cfgutil');
  await writeFile(tool, '#!/bin/sh\n');
  await chmod(tool, 0o755);
  const notRunnable = path.join(dir, 'readme.txt');
  await writeFile(notRunnable, 'hi');
  return { dir, store, tool, notRunnable, locator: createCfgutilLocator({ store }) };
}

describe('createCfgutilLocator', () => {
  it('saves a chosen cfgutil, and the next search finds it as the saved setting', async () => {
    const t = await setup();
    expect(await t.locator.choose(t.tool)).toBe(t.tool);
    expect((await t.store.load()).settings).toEqual({ cfgutilPath: t.tool });
    expect(await t.locator.find()).toMatchObject({ kind: 'found', path: t.tool, source: 'setting' });
  });

  it('refuses a missing or non-executable file with a message that names it, and saves nothing', async () => {
    const t = await setup();
    await expect(t.locator.choose(path.join(t.dir, 'nope'))).rejects.toMatchObject({
      info: { code: 'cfgutil-missing', detail: expect.stringContaining(path.join(t.dir, 'nope')) },
    });
    await expect(t.locator.choose(t.notRunnable)).rejects.toMatchObject({
      info: { code: 'cfgutil-not-executable', detail: expect.stringContaining('readme.txt') },
    });
    expect((await t.store.load()).settings).toEqual({});
  });
});
