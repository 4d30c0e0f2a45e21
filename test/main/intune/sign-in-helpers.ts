/** Sign-in test helpers: a keystore standing in for safeStorage / the Keychain, and a browser double. */
import { expect } from 'vitest';
import { aesGcm, type CacheCipher } from '../../../main/intune/cache-cipher';

/** A test keystore: AES-GCM with a key held in memory, standing in for safeStorage / the Keychain. */
export function memoryCipher(): CacheCipher & { forgotten: number } {
  const key = Buffer.alloc(32, 7);
  const c = {
    description: 'test keystore',
    forgotten: 0,
    ...aesGcm(key),
    forget: async () => void c.forgotten++,
  };
  return c;
}

/** Plays the system browser: follows MSAL's authorize URL straight to its loopback redirect with a code. */
export async function browser(url: string): Promise<void> {
  const authorize = new URL(url);
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  const redirect = new URL(authorize.searchParams.get('redirect_uri') ?? '');
  expect(['localhost', '127.0.0.1']).toContain(redirect.hostname);
  // MSAL asks for response_mode=form_post: the browser posts the code to the loopback listener.
  expect(authorize.searchParams.get('response_mode')).toBe('form_post');
  const form = new URLSearchParams({
    code: 'fake-auth-code',
    state: authorize.searchParams.get('state') ?? '',
  });
  setTimeout(
    () =>
      void fetch(redirect, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      }).catch(() => undefined),
    10,
  );
}
