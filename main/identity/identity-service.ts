/**
 * The supervision identity: import the one exported from Apple Configurator (.p12 + password) or create a new
 * organization identity, keep it as DER for cfgutil `-C`/`-K`, and describe it without ever handing out the
 * private key (issue 4 requirement 5; ./README.md I1, I2).
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import type { IdentitySummary } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import { MAX_PROFILE_BYTES } from '../profiles/detect-file-kind';
import { SerialQueue } from '../async/serial-queue';
import { sanitizeText } from '../text/sanitize-text';
import { buildSelfSignedCertificate, generateRsaKeyPair } from './build-certificate';
import { IdentityStore, type IdentityPaths } from './identity-store';
import { Pkcs12Error } from './pkcs12-asn1';
import { readPkcs12, type Pkcs12Contents } from './read-pkcs12';

export interface IdentityLogEntry {
  readonly level: 'info' | 'warn';
  readonly event: string;
  readonly message: string;
}

export interface P12ImportRequest {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly password: string;
}

export interface IdentityServiceOptions {
  readonly dataDir: string;
  readonly now?: () => Date;
  readonly log?: (entry: IdentityLogEntry) => void;
}

/**
 * Validity of a created identity. A device supervised with this identity trusts only it for silent commands,
 * and changing the supervising identity means erasing the device, so the certificate should outlive the
 * hardware: 10 years, with a day of slack before "now" for Macs whose clock runs slightly behind.
 */
export const CREATED_IDENTITY_YEARS = 10;
/** X.520 upper bound for an organization name. */
export const MAX_ORGANIZATION_NAME = 64;
export const MAX_PASSWORD_LENGTH = 1024;

function refuse(title: string, detail: string): BenchError {
  return new BenchError({ code: 'invalid-request', title, detail, retryable: false });
}

const EXPORT_AGAIN =
  'Export the identity again from Apple Configurator › Settings › Organizations › Export Supervision Identity.';

/** What a failed .p12 read means for the operator. Pkcs12Error messages never contain the password. */
function refusalFor(error: unknown): BenchError {
  if (!(error instanceof Pkcs12Error))
    return refuse('This is not a usable supervision identity', `The file could not be read. ${EXPORT_AGAIN}`);
  switch (error.kind) {
    case 'wrong-password':
      return refuse(
        'The password is wrong',
        'Type the password that was set when the identity was exported from Apple Configurator.',
      );
    case 'too-costly':
      return refuse(
        'This identity file would take too long to open',
        `${error.message} It was refused without being decrypted. ${EXPORT_AGAIN}`,
      );
    case 'malformed':
    case 'unsupported':
      return refuse('This is not a usable supervision identity', `${error.message} ${EXPORT_AGAIN}`);
  }
}

/** `O=…\nCN=…` (Node's form) → `CN=…, O=…`. */
function displayName(subject: string): string {
  return subject.split('\n').filter(Boolean).reverse().join(', ');
}

function attribute(subject: string, key: string): string | undefined {
  return subject
    .split('\n')
    .find((line) => line.startsWith(`${key}=`))
    ?.slice(key.length + 1);
}

export function describeIdentity(
  certificate: Uint8Array,
  source: IdentitySummary['source'],
): IdentitySummary {
  const cert = new X509Certificate(certificate);
  // Names come from the .p12, outside text: the one sanitiser before they reach the UI, a log line or the CLI.
  const organization = attribute(cert.subject, 'O') ?? attribute(cert.subject, 'CN');
  return {
    organizationName: (organization && sanitizeText(organization)) || 'Unnamed organization',
    subject: sanitizeText(displayName(cert.subject), { maxLength: 300 }),
    notBefore: Date.parse(cert.validFrom),
    notAfter: Date.parse(cert.validTo),
    fingerprintSha256: cert.fingerprint256,
    source,
  };
}

function pkcs8Key(der: Uint8Array): KeyObject | undefined {
  try {
    return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  } catch {
    return undefined;
  }
}

export class IdentityService {
  private readonly store: IdentityStore;
  private readonly now: () => Date;
  private readonly logSink: (entry: IdentityLogEntry) => void;
  private readonly listeners = new Set<(identity: IdentitySummary | null) => void>();
  private summary: IdentitySummary | null = null;
  /**
   * Imports, creations and restores run one at a time, in call order, so the key and certificate on disk and the
   * summary in memory always come from the same identity.
   */
  private readonly queue = new SerialQueue();

  constructor(options: IdentityServiceOptions) {
    this.store = new IdentityStore(options.dataDir);
    this.now = options.now ?? (() => new Date());
    this.logSink = options.log ?? (() => {});
  }

  /** Loads the identity saved by an earlier session; ignores it when the key no longer matches the certificate. */
  restore(): Promise<IdentitySummary | null> {
    return this.queue.run(() => this.restoreNow());
  }

  private async restoreNow(): Promise<IdentitySummary | null> {
    const stored = await this.store.load();
    if (!stored) return null;
    try {
      const key = pkcs8Key(stored.privateKey);
      if (!key || !new X509Certificate(stored.certificate).checkPrivateKey(key)) return null;
      this.summary = describeIdentity(stored.certificate, stored.meta.source);
    } catch {
      return null;
    }
    this.emit();
    return this.summary;
  }

  current(): IdentitySummary | null {
    return this.summary;
  }

  /** Main-only: the DER files for cfgutil `-C`/`-K`; null until an identity exists. Never send these to a UI. */
  paths(): IdentityPaths | null {
    return this.summary ? this.store.paths : null;
  }

  /** Imports Configurator's "Export Supervision Identity" file. Errors are plain-language and never echo the password. */
  importP12(request: P12ImportRequest): Promise<IdentitySummary> {
    return this.queue.run(() => this.importP12Now(request));
  }

  private async importP12Now(request: P12ImportRequest): Promise<IdentitySummary> {
    if (request.bytes.length === 0 || request.bytes.length > MAX_PROFILE_BYTES) {
      throw refuse(
        'This is not a supervision identity',
        'The file is empty or far too large for a .p12 identity.',
      );
    }
    if (request.password.length > MAX_PASSWORD_LENGTH)
      throw refuse('The password is too long', `Use at most ${MAX_PASSWORD_LENGTH} characters.`);
    let contents: Pkcs12Contents;
    try {
      contents = await readPkcs12(request.bytes, request.password);
    } catch (error) {
      throw refusalFor(error);
    }
    for (const keyDer of contents.privateKeys) {
      const key = pkcs8Key(keyDer);
      if (!key) continue;
      const certificate = contents.certificates.find((c) => {
        try {
          return new X509Certificate(c).checkPrivateKey(key);
        } catch {
          return false;
        }
      });
      if (certificate) {
        const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
        return this.save(certificate, pkcs8, 'imported');
      }
    }
    throw refuse(
      'The file has no matching certificate and private key',
      'A supervision identity needs both. Export it again with its private key: Apple Configurator › Settings › Organizations › Export Supervision Identity.',
    );
  }

  /** Creates a new organization identity: RSA 2048 key and a self-signed certificate with CN and O = the name. */
  create(organizationName: string): Promise<IdentitySummary> {
    return this.queue.run(() => this.createNow(organizationName));
  }

  private async createNow(organizationName: string): Promise<IdentitySummary> {
    const name = organizationName.trim();
    if (name.length === 0 || name.length > MAX_ORGANIZATION_NAME || /\p{Cc}/u.test(name)) {
      throw refuse(
        'Check the organization name',
        `Use 1 to ${MAX_ORGANIZATION_NAME} characters, without line breaks.`,
      );
    }
    const keys = await generateRsaKeyPair();
    const now = this.now();
    const notAfter = new Date(now);
    notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CREATED_IDENTITY_YEARS);
    const certificate = await buildSelfSignedCertificate({
      commonName: name,
      organization: name,
      notBefore: new Date(now.getTime() - 24 * 60 * 60 * 1000),
      notAfter,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
    });
    return this.save(certificate, keys.privateKeyPkcs8, 'created');
  }

  onChanged(listener: (identity: IdentitySummary | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async save(
    certificate: Uint8Array,
    pkcs8: Uint8Array,
    source: IdentitySummary['source'],
  ): Promise<IdentitySummary> {
    const summary = describeIdentity(certificate, source);
    await this.store.save(certificate, pkcs8, { organizationName: summary.organizationName, source });
    this.summary = summary;
    const expired = summary.notAfter < this.now().getTime();
    this.logSink({
      level: expired ? 'warn' : 'info',
      event: `identity.${source}`,
      message: `Supervision identity ${source}: ${summary.subject}, valid until ${new Date(summary.notAfter).toISOString().slice(0, 10)}${expired ? ' (EXPIRED)' : ''}, SHA-256 ${summary.fingerprintSha256}`,
    });
    this.emit();
    return summary;
  }

  private emit(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(this.summary);
      } catch {
        // A failing subscriber must not break the import.
      }
    }
  }
}
