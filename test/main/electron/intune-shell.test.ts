import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({
  shell: { openExternal: (url: string) => openExternal(url) },
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (t: string) => Buffer.from(t, 'utf8').reverse(),
    decryptString: (b: Buffer) => Buffer.from(b).reverse().toString('utf8'),
  },
}));

const { electronIntuneOptions } = await import('../../../main/electron/intune-shell');
const { chooseCipher } = await import('../../../main/intune/cache-cipher');

beforeEach(() => openExternal.mockClear());

describe('electronIntuneOptions', () => {
  it('hands safeStorage to the cache cipher, which then encrypts through it', async () => {
    const options = electronIntuneOptions();
    const cipher = chooseCipher({
      platform: 'linux',
      ...(options.safeStorage ? { safeStorage: options.safeStorage } : {}),
    });
    expect(cipher.description).toMatch(/safeStorage/);
    const sealed = await cipher.encrypt(Buffer.from('refresh-token-xyz'));
    expect(sealed.toString('utf8')).not.toContain('refresh-token-xyz');
    expect((await cipher.decrypt(sealed)).toString('utf8')).toBe('refresh-token-xyz');
  });

  it('opens only https sign-in pages in the system browser', async () => {
    const { openBrowser } = electronIntuneOptions();
    await openBrowser('https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=1');
    expect(openExternal).toHaveBeenCalledTimes(1);
    await expect(openBrowser('file:///etc/passwd')).rejects.toThrow(/https/);
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
