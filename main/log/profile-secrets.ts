/**
 * The secrets the log must never let out: those of the enrollment profile stored in the data folder (its SCEP
 * challenge, any password). Read again only when the stored file changes, and remembered for the life of the
 * process, so a record written while an older profile was current is still redacted after a new import.
 */
import { stat } from 'node:fs/promises';
import { loadProfile } from '../profiles/load-profile';
import { ProfileStore } from '../profiles/profile-store';

export interface SecretSource {
  secrets(): Promise<readonly string[]>;
}

export function storedProfileSecrets(dataDir: string): SecretSource {
  const store = new ProfileStore(dataDir);
  const known = new Set<string>();
  let seenKey = '';
  return {
    async secrets() {
      const info = await stat(store.profilePath).catch(() => undefined);
      const key = info ? `${info.size}:${info.mtimeMs}` : '';
      if (key !== '' && key !== seenKey) {
        const stored = await store.load();
        if (stored) {
          const loaded = await loadProfile(stored.bytes, stored.meta.fileName);
          if (loaded.ok) for (const secret of loaded.secrets) known.add(secret.value);
        }
        seenKey = key;
      }
      return [...known].sort((a, b) => b.length - a.length);
    },
  };
}
