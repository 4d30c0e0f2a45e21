import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Validate = (config: unknown, log: { isEnabled: boolean; add(): void }) => Promise<void>;
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration: Validate;
};
// ajv 8 comes with app-builder-lib (it validates with it too); not a dependency of ours.
type SchemaCheck = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const { default: Ajv } = require('ajv') as {
  default: new (options: object) => { compile(schema: object): SchemaCheck };
};
const builderSchema = require('app-builder-lib/scheme.json') as object;

type Config = Record<string, unknown> & { mac: Record<string, unknown> };

async function builderConfig(): Promise<Config> {
  return load(await readFile('electron-builder.yml', 'utf8')) as Config;
}

/** electron-builder's own scheme.json, checked by a plain validator with no type coercion. */
function schemaErrors(config: unknown): unknown[] {
  // strict: false because the schema uses electron-builder's own "typeof" keyword.
  const check = new Ajv({ allErrors: true, strict: false }).compile(builderSchema);
  return check(config) ? [] : (check.errors ?? ['invalid']);
}

describe('electron-builder.yml', () => {
  it('matches electron-builder 26 scheme.json, and passes electron-builder’s own validation', async () => {
    const config = await builderConfig();
    expect(schemaErrors(config)).toEqual([]);
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('would catch a misspelt key or a wrong type (the validation is real)', async () => {
    const config = await builderConfig();
    const misspelt = { ...config, mac: { ...config.mac, hardenedRuntim: true } };
    expect(schemaErrors(misspelt)).not.toEqual([]);
    await expect(validateConfiguration(misspelt, { isEnabled: false, add() {} })).rejects.toThrow(
      /Invalid configuration object/,
    );
    expect(schemaErrors({ ...config, electronFuses: { runAsNode: 'no' } })).not.toEqual([]);
  });

  it('builds a dmg and a zip for both Apple Silicon and Intel', async () => {
    const { mac } = await builderConfig();
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
  });

  it('signs with the hardened runtime, notarizes, and uses the entitlements in assets/', async () => {
    const { mac } = await builderConfig();
    expect(mac).toMatchObject({
      hardenedRuntime: true,
      notarize: true,
      entitlements: 'assets/entitlements.mac.plist',
      entitlementsInherit: 'assets/entitlements.mac.inherit.plist',
    });
  });

  it('keeps node-usb unpacked and never rebuilds it', async () => {
    const config = await builderConfig();
    expect(config.asarUnpack).toContain('**/node_modules/usb/**');
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the Electron fuses that close the doors to code injection', async () => {
    const { electronFuses } = await builderConfig();
    expect(electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('registers .mobileconfig and takes the icon that make-icns makes', async () => {
    const { mac } = await builderConfig();
    expect(mac.fileAssociations).toEqual([expect.objectContaining({ ext: 'mobileconfig', role: 'Viewer' })]);
    expect(mac.icon).toBe('assets/generated/icon.icns');
  });

  it('has a dist script that ends in electron-builder, so `npm run dist -- …` reaches it', async () => {
    const { scripts } = JSON.parse(await readFile('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.dist).toMatch(/^node main\/build\/make-icns\.mjs && .*electron-builder --mac [^&]*$/);
  });
});

const ENTITLEMENT_FILES = ['assets/entitlements.mac.plist', 'assets/entitlements.mac.inherit.plist'];

describe('entitlements', () => {
  it.each(ENTITLEMENT_FILES)('%s holds only the JIT exception', async (file) => {
    const entitlements = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(entitlements).toEqual({ 'com.apple.security.cs.allow-jit': true });
  });

  it.each(ENTITLEMENT_FILES)('%s says why next to every key', async (file) => {
    const text = await readFile(file, 'utf8');
    const keys = [...text.matchAll(/<key>/g)].length;
    const explained = [...text.matchAll(/<!--[^>]*-->\s*<key>/g)].length;
    expect(keys).toBeGreaterThan(0);
    expect(explained).toBe(keys);
  });
});

// Mach-O fat header (big-endian): magic, number of architectures, then 20 bytes per architecture.
const FAT_MAGIC = 0xcafebabe;
const CPU_TYPE_X86_64 = 0x01000007;
const CPU_TYPE_ARM64 = 0x0100000c;

function fatArchitectures(bytes: Buffer): number[] {
  if (bytes.readUInt32BE(0) !== FAT_MAGIC) return [];
  const count = bytes.readUInt32BE(4);
  return Array.from({ length: count }, (_, i) => bytes.readUInt32BE(8 + i * 20));
}

describe('node-usb prebuild for macOS', () => {
  it('is one universal binary (x86_64 and arm64), so both Mac builds get a working addon', async () => {
    const darwin = (await readdir('node_modules/usb/prebuilds')).filter((d) => d.startsWith('darwin'));
    expect(darwin).toEqual(['darwin-x64+arm64']);
    const addon = await readFile('node_modules/usb/prebuilds/darwin-x64+arm64/node.napi.node');
    expect(fatArchitectures(addon).sort()).toEqual([CPU_TYPE_X86_64, CPU_TYPE_ARM64].sort());
  });

  it('the fat-header reader rejects a thin binary (the check can fail)', async () => {
    const linux = await readFile('node_modules/usb/prebuilds/linux-x64/node.napi.glibc.node');
    expect(fatArchitectures(linux)).toEqual([]);
  });
});

describe('app icon source', () => {
  it('is a 1024 x 1024 PNG', async () => {
    const png = await readFile('assets/icon.png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});
