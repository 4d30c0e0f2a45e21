/**
 * How the Intune sign-in cache is protected at rest. There is no plain-text option: a platform without one of
 * these refuses to keep a sign-in at all (the admin can still use `--token-file` for one session).
 *
 * - `safeStorageCipher`: Electron's `safeStorage` (on a Mac its key lives in the login Keychain). Used by the app.
 * - `keychainCipher`: headless on a Mac (`enroll-bench intune …` without the app): a random AES-256-GCM key kept
 *   in the login Keychain through `/usr/bin/security`, which encrypts the cache file. The key is written to
 *   `security -i` on stdin and read back from stdout, so it is never in any process's argv.
 * - Anything else: {@link noSecureStore} refuses, naming why. Tests inject their own cipher.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { IntuneError } from './intune-error';

export interface CacheCipher {
  /** Shown in `intune status`: where the key lives. */
  readonly description: string;
  encrypt(plain: Buffer): Promise<Buffer>;
  decrypt(data: Buffer): Promise<Buffer>;
  /** Removes any key this cipher created (sign-out). */
  forget(): Promise<void>;
}

/** The slice of Electron's `safeStorage` used here (type-checked against Electron's own in electron-main). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageCipher(safeStorage: SafeStorageLike): CacheCipher {
  const check = (): void => {
    if (!safeStorage.isEncryptionAvailable()) throw noSecureStore('Electron safeStorage is not available');
  };
  return {
    description: 'encrypted with Electron safeStorage (key in the login Keychain)',
    encrypt: async (plain) => {
      check();
      return safeStorage.encryptString(plain.toString('utf8'));
    },
    decrypt: async (data) => {
      check();
      return Buffer.from(safeStorage.decryptString(data), 'utf8');
    },
    forget: async () => {},
  };
}

export function noSecureStore(why: string): IntuneError {
  return new IntuneError(
    'no-secure-store',
    'No safe place to keep the Intune sign-in',
    `${why}, and the bench never keeps tokens in plain text. Run the app on the Mac (or enroll-bench on macOS, which uses the Keychain), or pass a token for this session with --token-file.`,
  );
}

/** AES-256-GCM: 12-byte IV, 16-byte tag, then the ciphertext. */
export function aesGcm(key: Buffer): Pick<CacheCipher, 'encrypt' | 'decrypt'> {
  return {
    encrypt: async (plain) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: async (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
    },
  };
}

/** Runs `security` with an argv array and optional stdin; resolves stdout, rejects on a non-zero exit. */
export type SecurityRunner = (args: readonly string[], stdin?: string) => Promise<string>;

export const runSecurity: SecurityRunner = (args, stdin) =>
  new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/security', [...args], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 30_000 });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`security exited ${code}`))));
    child.stdin.end(stdin ?? '');
  });

const SERVICE = 'Enroll Bench Intune sign-in';
const ACCOUNT = 'token-cache-key';

export function keychainCipher(run: SecurityRunner = runSecurity): CacheCipher {
  let key: Buffer | undefined;
  const getKey = async (): Promise<Buffer> => {
    if (key) return key;
    try {
      const hex = (await run(['find-generic-password', '-s', SERVICE, '-a', ACCOUNT, '-w'])).trim();
      if (/^[0-9a-f]{64}$/.test(hex)) return (key = Buffer.from(hex, 'hex'));
    } catch {
      // Not there yet: made below.
    }
    const fresh = randomBytes(32);
    // `security -i` reads the command from stdin: the key never appears in argv.
    await run(['-i'], `add-generic-password -U -s "${SERVICE}" -a ${ACCOUNT} -w ${fresh.toString('hex')}\n`);
    return (key = fresh);
  };
  return {
    description: 'encrypted with a key kept in the login Keychain (security)',
    encrypt: async (plain) => aesGcm(await getKey()).encrypt(plain),
    decrypt: async (data) => aesGcm(await getKey()).decrypt(data),
    forget: async () => {
      key = undefined;
      await run(['delete-generic-password', '-s', SERVICE, '-a', ACCOUNT]).catch(() => undefined);
    },
  };
}

/** The cipher for this process: safeStorage in the app, the Keychain headless on a Mac, else a refusal. */
export function chooseCipher(options: {
  readonly platform?: NodeJS.Platform;
  readonly safeStorage?: SafeStorageLike;
  readonly security?: SecurityRunner;
}): CacheCipher {
  if (options.safeStorage) return safeStorageCipher(options.safeStorage);
  if ((options.platform ?? process.platform) === 'darwin') return keychainCipher(options.security);
  const refuse = async (): Promise<never> => {
    throw noSecureStore(`This computer (${options.platform ?? process.platform}) has no Keychain`);
  };
  return { description: 'none (refused)', encrypt: refuse, decrypt: refuse, forget: async () => {} };
}
