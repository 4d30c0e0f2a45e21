/**
 * Stores the supervision identity in `<dataDir>/identity/` as the two DER files cfgutil's `-C` and `-K` take,
 * folder 0700 and files 0600 (issue 4 requirement 5), written to a temporary name and renamed into place.
 */
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IdentitySummary } from '../../preload/domain';

export interface IdentityPaths {
  /** DER X.509 certificate, for `cfgutil -C` (and `prepare --host-cert`). */
  readonly certPath: string;
  /**
   * DER private key for `cfgutil -K`, as unencrypted PKCS#8 PrivateKeyInfo (what `openssl pkcs8 -topk8 -nocrypt
   * -outform DER` and OpenSSL 3's `openssl pkey -outform DER` write). Whether cfgutil also wants PKCS#1 for RSA
   * is unconfirmed until tried on a Mac (../shared/reference/cfgutil.md §1 only says "DER").
   */
  readonly keyPath: string;
}

export interface StoredIdentityMeta {
  readonly organizationName: string;
  readonly source: IdentitySummary['source'];
}

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

  private async write(file: string, data: Uint8Array | string): Promise<void> {
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, data, { mode: 0o600 });
    await chmod(temp, 0o600);
    await rename(temp, file);
  }

  async save(certificate: Uint8Array, privateKeyPkcs8: Uint8Array, meta: StoredIdentityMeta): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await chmod(this.dir, 0o700);
    await this.write(this.paths.keyPath, privateKeyPkcs8);
    await this.write(this.paths.certPath, certificate);
    await this.write(path.join(this.dir, 'identity.json'), JSON.stringify(meta, null, 2));
  }

  /** The stored identity, or null when there is none or it cannot be read. */
  async load(): Promise<{
    certificate: Uint8Array;
    privateKey: Uint8Array;
    meta: StoredIdentityMeta;
  } | null> {
    try {
      const certificate = new Uint8Array(await readFile(this.paths.certPath));
      const privateKey = new Uint8Array(await readFile(this.paths.keyPath));
      const raw = JSON.parse(await readFile(path.join(this.dir, 'identity.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const source = raw.source === 'imported' || raw.source === 'created' ? raw.source : undefined;
      if (typeof raw.organizationName !== 'string' || !source) return null;
      return { certificate, privateKey, meta: { organizationName: raw.organizationName, source } };
    } catch {
      return null;
    }
  }
}
