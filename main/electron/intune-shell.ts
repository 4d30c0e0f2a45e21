/**
 * What the Intune area takes from Electron: `safeStorage` to encrypt the sign-in cache (its key lives in the
 * login Keychain) and `shell.openExternal` to open the system browser for the sign-in. Type-checked against
 * Electron's own declarations; tests mock `electron`.
 */
import { safeStorage, shell } from 'electron';
import type { SafeStorageLike } from '../intune/cache-cipher';

export function electronIntuneOptions(): {
  readonly safeStorage?: SafeStorageLike;
  readonly openBrowser: (url: string) => Promise<void>;
} {
  const storage: SafeStorageLike | undefined = safeStorage;
  return {
    ...(storage ? { safeStorage: storage } : {}),
    // Only the Microsoft sign-in page is ever opened from here.
    openBrowser: (url) => {
      const { protocol } = new URL(url);
      if (protocol !== 'https:') return Promise.reject(new Error('only https sign-in pages are opened'));
      return shell.openExternal(url);
    },
  };
}
