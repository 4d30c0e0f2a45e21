/**
 * Stores the supervision identity in `<dataDir>/identity/` as the two DER files cfgutil's `-C` and `-K` take,
 * folder 0700 and files 0600 (issue 4 requirement 5), each written to a temporary name and renamed into place.
 *
 * The key and the certificate are two files, so they cannot be replaced in one step. `identity.json` is written
 * last and records the sha256 of both; `load` returns nothing unless both files match it, so a crash between
 * the renames can never hand cfgutil a certificate from one identity and a key from another.
 *
 * Not safe for concurrent callers on its own: IdentityService runs every save through one queue.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { IdentitySummary } from '../../preload/domain';
import { writePrivateFile } from '../profiles/write-private-file';
import { readSafeFile, readSafeText } from '../storage/safe-file';

/** A certificate, a key or the meta record: a few KB each. */
const MAX_IDENTITY_FILE_BYTES = 256 * 1024;

export interface IdentityPaths {
  /** DER X.509 certificate, for `cfgutil -C` (and `prepare --host-cert`). */
  readonly certPath: string;
  /**
   * DER private key for `cfgutil -K`, as unencrypted PKCS#8 PrivateKeyInfo (what `openssl pkcs8 -topk8 -nocrypt
   * -outform DER` and OpenSSL 3's `openssl pkey -outform DER` write). Whether cfgutil also wants PKCS#1 for RSA
   * is unconfirmed until tried on a Mac (cfgutil's help only says "DER": ./README.md I2, I3).
   */
  readonly keyPath: string;
}

export interface StoredIdentityMeta {
  readonly organizationName: string;
  readonly source: IdentitySummary['source'];
}

export interface StoredIdentity {
  readonly certificate: Uint8Array;
  readonly privateKey: Uint8Array;
  readonly meta: StoredIdentityMeta;
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

export class IdentityStore {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'identity');
  }

  get paths(): IdentityPaths {
    return {
      certPath: path.join(this.dir, 'supervision-cert.der'),
      keyPath: path.join(this.dir, 'supervision-key.der'),
    };
  }

  private get metaPath(): string {
    return path.join(this.dir, 'identity.json');
  }

  async save(certificate: Uint8Array, privateKeyPkcs8: Uint8Array, meta: StoredIdentityMeta): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
    await writePrivateFile(this.paths.keyPath, privateKeyPkcs8);
    await writePrivateFile(this.paths.certPath, certificate);
    const record = { ...meta, certSha256: sha256(certificate), keySha256: sha256(privateKeyPkcs8) };
    await writePrivateFile(this.metaPath, JSON.stringify(record, null, 2));
  }

  /** The stored identity, or null when there is none, it cannot be read, or its files are not one pair. */
  async load(): Promise<StoredIdentity | null> {
    try {
      // Regular files inside the identity folder only, each capped (main/storage/safe-file.ts).
      const limits = { maxBytes: MAX_IDENTITY_FILE_BYTES, insideFolder: this.dir };
      const certificate = new Uint8Array(await readSafeFile(this.paths.certPath, limits));
      const privateKey = new Uint8Array(await readSafeFile(this.paths.keyPath, limits));
      const raw = JSON.parse(await readSafeText(this.metaPath, limits)) as Record<string, unknown>;
      const source = raw.source === 'imported' || raw.source === 'created' ? raw.source : undefined;
      if (typeof raw.organizationName !== 'string' || !source) return null;
      // Records from builds before the hashes existed have neither; they are kept (the service still checks
      // that the key fits the certificate), because losing a created identity would mean erasing devices.
      const legacy = raw.certSha256 === undefined && raw.keySha256 === undefined;
      if (!legacy && (raw.certSha256 !== sha256(certificate) || raw.keySha256 !== sha256(privateKey)))
        return null;
      return { certificate, privateKey, meta: { organizationName: raw.organizationName, source } };
    } catch {
      return null;
    }
  }
}
