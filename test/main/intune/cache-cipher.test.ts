import { describe, expect, it } from 'vitest';
import {
  chooseCipher,
  keychainCipher,
  safeStorageCipher,
  type SafeStorageLike,
  type SecurityRunner,
} from '../../../main/intune/cache-cipher';
import { IntuneError } from '../../../main/intune/intune-error';

const secret = Buffer.from('{"RefreshToken":{"x":{"secret":"very-secret-refresh"}}}');

/** Plays /usr/bin/security: a one-item Keychain, recording each argv and stdin. */
function fakeSecurity(): SecurityRunner & { calls: { args: readonly string[]; stdin?: string }[] } {
  let stored: string | undefined;
  const calls: { args: readonly string[]; stdin?: string }[] = [];
  const run = (async (args: readonly string[], stdin?: string) => {
    calls.push({ args, stdin });
    if (args[0] === 'find-generic-password') {
      if (!stored) throw new Error('not found');
      return `${stored}\n`;
    }
    if (args[0] === '-i') {
      stored = / -w ([0-9a-f]+)\n$/.exec(stdin ?? '')?.[1];
      return '';
    }
    if (args[0] === 'delete-generic-password') stored = undefined;
    return '';
  }) as SecurityRunner & { calls: typeof calls };
  run.calls = calls;
  return run;
}

describe('cache ciphers', () => {
  it('Keychain: the key goes to security on stdin, never in argv, and the cache decrypts with it later', async () => {
    const security = fakeSecurity();
    const sealed = await keychainCipher(security).encrypt(secret);
    expect(sealed.includes(Buffer.from('very-secret-refresh'))).toBe(false);
    // A later process (a new cipher) finds the key in the Keychain.
    expect((await keychainCipher(security).decrypt(sealed)).equals(secret)).toBe(true);
    const add = security.calls.find((c) => c.args[0] === '-i');
    const key = / -w ([0-9a-f]{64})\n$/.exec(add?.stdin ?? '')?.[1];
    expect(key).toBeDefined();
    for (const call of security.calls) expect(call.args.join(' ')).not.toContain(key!);
  });

  it('Keychain: sign-out deletes the key, so the old cache no longer opens', async () => {
    const security = fakeSecurity();
    const cipher = keychainCipher(security);
    const sealed = await cipher.encrypt(secret);
    await cipher.forget();
    await expect(keychainCipher(security).decrypt(sealed)).rejects.toThrow();
  });

  it('safeStorage: encrypts through Electron and refuses when encryption is unavailable', async () => {
    let available = true;
    const safeStorage: SafeStorageLike = {
      isEncryptionAvailable: () => available,
      encryptString: (t) => Buffer.from(t, 'utf8').reverse(),
      decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
    };
    const cipher = safeStorageCipher(safeStorage);
    expect((await cipher.decrypt(await cipher.encrypt(secret))).equals(secret)).toBe(true);
    available = false;
    await expect(cipher.encrypt(secret)).rejects.toMatchObject({ reason: 'no-secure-store' });
  });

  it('anywhere without safeStorage or a Keychain, refuses to store rather than write plain text', async () => {
    const cipher = chooseCipher({ platform: 'linux' });
    const error = await cipher.encrypt(secret).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntuneError);
    expect((error as IntuneError).info.detail).toMatch(/never keeps tokens in plain text/);
    expect(chooseCipher({ platform: 'darwin', security: fakeSecurity() }).description).toMatch(/Keychain/);
  });
});
