/**
 * The MSAL token cache on disk: `<data folder>/intune/token-cache.bin`, encrypted by a {@link CacheCipher},
 * owner-only (folder 0700, file 0600), replaced atomically. MSAL reads and writes it through this cache plugin;
 * nothing else ever sees the serialized cache. Sign-out deletes the file and the cipher's key.
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';
import { writePrivateFile } from '../profiles/write-private-file';
import type { CacheCipher } from './cache-cipher';

export const INTUNE_FOLDER = 'intune';

export class TokenCacheFile {
  readonly file: string;

  constructor(
    dataDir: string,
    private readonly cipher: CacheCipher,
  ) {
    this.file = path.join(dataDir, INTUNE_FOLDER, 'token-cache.bin');
  }

  get description(): string {
    return this.cipher.description;
  }

  async read(): Promise<string | null> {
    let data: Buffer;
    try {
      data = await readFile(this.file);
    } catch {
      return null;
    }
    try {
      return (await this.cipher.decrypt(data)).toString('utf8');
    } catch {
      // A cache that no longer decrypts (new Mac, key removed) is a sign-in to redo, not a crash.
      return null;
    }
  }

  async write(serialized: string): Promise<void> {
    const data = await this.cipher.encrypt(Buffer.from(serialized, 'utf8'));
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    await writePrivateFile(this.file, data);
  }

  async remove(): Promise<void> {
    await rm(this.file, { force: true });
    await this.cipher.forget();
  }

  /** The plugin MSAL calls around every cache access. */
  plugin(): ICachePlugin {
    return {
      beforeCacheAccess: async (context: TokenCacheContext) => {
        const text = await this.read();
        if (text) context.tokenCache.deserialize(text);
      },
      afterCacheAccess: async (context: TokenCacheContext) => {
        if (context.cacheHasChanged) await this.write(context.tokenCache.serialize());
      },
    };
  }
}
