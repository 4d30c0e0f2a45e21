import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Validate = (config: unknown, log: { isEnabled: boolean; add(): void }) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};

async function builderConfig(): Promise<Record<string, unknown>> {
  return load(await readFile('electron-builder.yml', 'utf8')) as Record<string, unknown>;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(
      validateConfiguration(await builderConfig(), { isEnabled: false, add() {} }),
    ).resolves.toBeUndefined();
  });

  it('would catch a misspelt key (the validation is real)', async () => {
    const config = await builderConfig();
    const broken = { ...config, mac: { ...(config.mac as object), hardenedRuntim: true } };
    await expect(validateConfiguration(broken, { isEnabled: false, add() {} })).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('keeps node-usb unpacked and never rebuilds it', async () => {
    const config = await builderConfig();
    expect(config.asarUnpack).toContain('**/node_modules/usb/**');
    expect(config.npmRebuild).toBe(false);
  });
});

describe('entitlements', () => {
  it.each(['assets/entitlements.mac.plist', 'assets/entitlements.mac.inherit.plist'])(
    '%s parses and allows the JIT',
    async (file) => {
      const entitlements = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      expect(entitlements['com.apple.security.cs.allow-jit']).toBe(true);
      expect(Object.keys(entitlements)).not.toContain('com.apple.security.app-sandbox');
    },
  );
});
