import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cannotChooseHere, createCfgutilLocator, notAppleCfgutil } from '../../../main/app/cfgutil-locator';
import {
  createCodesignCheck,
  type CfgutilSignatureCheck,
  type SignatureVerdict,
} from '../../../main/cfgutil/verify-cfgutil-signature';
import { SettingsStore } from '../../../main/settings/settings-store';

/** A signature check that vouches only for the paths it was told, as codesign would on a Mac. */
function fakeSignatures(apple: readonly string[], verdictElse: SignatureVerdict = 'not-apple') {
  const asked: string[] = [];
  const check: CfgutilSignatureCheck = {
    verify: async (p) => {
      asked.push(p);
      return apple.includes(p) ? 'apple' : verdictElse;
    },
  };
  return { asked, check };
}

async function setup(signature: CfgutilSignatureCheck) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-locator-'));
  const settingsFile = path.join(dir, 'settings.json');
  const store = new SettingsStore(settingsFile);
  const tool = path.join(dir, 'cfgutil');
  await writeFile(tool, '#!/bin/sh\n');
  await chmod(tool, 0o755);
  const script = path.join(dir, 'evil.sh');
  await writeFile(script, '#!/bin/sh\ntouch /tmp/owned\n');
  await chmod(script, 0o755);
  return { dir, store, settingsFile, tool, script, locator: createCfgutilLocator({ store, signature }) };
}

const settingsOnDisk = (file: string) => readFile(file, 'utf8').catch(() => 'no settings file');

describe('createCfgutilLocator', () => {
  it('saves a cfgutil Apple signed, and the next search finds it as the saved setting', async () => {
    const signed: string[] = [];
    const t = await setup({ verify: async (p) => (signed.includes(p) ? 'apple' : 'not-apple') });
    signed.push(t.tool);
    expect(await t.locator.choose(t.tool)).toBe(t.tool);
    expect((await t.store.load()).settings).toEqual({ cfgutilPath: t.tool });
    expect(await t.locator.find()).toMatchObject({ kind: 'found', path: t.tool, source: 'setting' });
  });

  it('refuses an executable Apple did not sign (a shell script), and saves nothing', async () => {
    const { asked, check } = fakeSignatures([]);
    const t = await setup(check);
    await expect(t.locator.choose(t.script)).rejects.toBe(notAppleCfgutil);
    await expect(t.locator.choose('/bin/sh')).rejects.toBe(notAppleCfgutil);
    expect(asked).toEqual([t.script, '/bin/sh']);
    expect(await settingsOnDisk(t.settingsFile)).toBe('no settings file');
  });

  it('answers a missing file exactly as an existing one, so the disk cannot be probed', async () => {
    const t = await setup(fakeSignatures([]).check);
    const missing = await t.locator.choose(path.join(t.dir, 'nope')).catch((e: unknown) => e);
    const existing = await t.locator.choose(t.script).catch((e: unknown) => e);
    const secretFile = await t.locator.choose('/etc/shadow').catch((e: unknown) => e);
    expect(missing).toBe(existing);
    expect(secretFile).toBe(existing);
    expect(JSON.stringify(notAppleCfgutil.info)).not.toMatch(/exist|missing|permission/i);
  });

  it('on Linux (no codesign) the UI cannot choose at all: /bin/sh is refused and nothing is saved', async () => {
    const t = await setup(createCodesignCheck({ platform: 'linux' }));
    await expect(t.locator.choose('/bin/sh')).rejects.toBe(cannotChooseHere);
    await expect(t.locator.choose(t.tool)).rejects.toBe(cannotChooseHere);
    expect(cannotChooseHere.info.detail).toContain('--cfgutil PATH');
    expect(await settingsOnDisk(t.settingsFile)).toBe('no settings file');
  });

  it('refuses relative paths without asking codesign', async () => {
    const { asked, check } = fakeSignatures(['cfgutil']);
    const t = await setup(check);
    await expect(t.locator.choose('cfgutil')).rejects.toBe(notAppleCfgutil);
    expect(asked).toEqual([]);
  });
});
