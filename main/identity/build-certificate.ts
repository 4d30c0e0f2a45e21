/**
 * Builds a self-signed X.509 v3 certificate with pkijs for a freshly generated RSA key.
 *
 * Used to create the organization's supervision identity (cfgutil `-C`/`-K`). Pure JS so the Mac app never
 * depends on an `openssl` binary (pkijs also checks signed profiles; ./README.md I4).
 */
import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  AttributeTypeAndValue,
  BasicConstraints,
  Certificate,
  Extension,
  RelativeDistinguishedNames,
} from 'pkijs';
import { ensurePkijsEngine } from '../profiles/pkijs-engine';

/** pkijs types keys with the DOM `CryptoKey`; Node's webcrypto keys are the same objects at run time. */
type PkijsKey = Parameters<Certificate['subjectPublicKeyInfo']['importKey']>[0];
type SigningKey = Parameters<Certificate['sign']>[0];

export interface NewKeyPair {
  /** DER PKCS#8 PrivateKeyInfo. */
  readonly privateKeyPkcs8: Uint8Array;
  readonly privateKey: webcrypto.CryptoKey;
  readonly publicKey: webcrypto.CryptoKey;
}

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** RSA 2048 / SHA-256: what Apple Configurator and cfgutil's documented examples use. */
export async function generateRsaKeyPair(): Promise<NewKeyPair> {
  const pair = await webcrypto.subtle.generateKey(
    { ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  return { privateKeyPkcs8: pkcs8, privateKey: pair.privateKey, publicKey: pair.publicKey };
}

export interface CertificateRequest {
  readonly commonName: string;
  readonly organization: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly publicKey: webcrypto.CryptoKey;
  readonly signingKey: webcrypto.CryptoKey;
}

/**
 * `O=…` and `CN=…` as two single-valued RDNs. pkijs would put both in one SET (a multi-valued RDN) in
 * insertion order, which is not DER-sorted, and openssl refuses such a certificate; so the name is encoded
 * here and parsed back, which makes pkijs keep these exact bytes.
 */
function distinguishedName(request: CertificateRequest): RelativeDistinguishedNames {
  const rdn = (type: string, value: string): asn1js.Set =>
    new asn1js.Set({
      value: [new AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) }).toSchema()],
    });
  const sequence = new asn1js.Sequence({
    value: [rdn('2.5.4.10', request.organization), rdn('2.5.4.3', request.commonName)],
  });
  return RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

/** Returns the DER certificate. */
export async function buildSelfSignedCertificate(request: CertificateRequest): Promise<Uint8Array> {
  ensurePkijsEngine();
  const cert = new Certificate();
  cert.version = 2;
  const serial = randomBytes(16);
  // Positive and minimal: DER forbids a leading zero byte, and openssl rejects a certificate that has one.
  serial[0] = ((serial[0] ?? 0) & 0x7f) | 0x40;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  cert.subject = distinguishedName(request);
  cert.issuer = distinguishedName(request);
  cert.notBefore.value = request.notBefore;
  cert.notAfter.value = request.notAfter;
  await cert.subjectPublicKeyInfo.importKey(request.publicKey as unknown as PkijsKey);
  // digitalSignature | keyEncipherment (bits 0 and 2 of KeyUsage, RFC 5280 §4.2.1.3)
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xa0]).buffer, unusedBits: 5 });
  cert.extensions = [
    new Extension({
      extnID: '2.5.29.19',
      critical: true,
      extnValue: new BasicConstraints({ cA: false }).toSchema().toBER(false),
      parsedValue: new BasicConstraints({ cA: false }),
    }),
    new Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
  ];
  await cert.sign(request.signingKey as unknown as SigningKey, 'SHA-256');
  return new Uint8Array(cert.toSchema(true).toBER(false));
}
