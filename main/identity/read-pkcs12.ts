/**
 * Reads a PKCS#12 (.p12) supervision identity: checks the password against the file's MAC, decrypts the bags
 * and returns the certificates and the private keys as DER.
 *
 * Pure JS on Node's crypto, so the Mac app does not depend on an `openssl` binary; handles both the modern
 * OpenSSL 3 layout and the legacy 3DES/RC2 layout Apple Configurator exports (RFC 7292).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import { BER_LIMITS } from '../profiles/classify-der';
import { bmpPassword, pkcs12Kdf } from './pkcs12-kdf';
import { decryptWithPassword, integer, items, malformed, octets, oidOf, Pkcs12Error } from './pkcs12-decrypt';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const DIGESTS: Readonly<Record<string, { readonly name: string; readonly size: number }>> = {
  '1.3.14.3.2.26': { name: 'sha1', size: 20 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', size: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', size: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', size: 64 },
};

export interface Pkcs12Contents {
  readonly certificates: readonly Uint8Array[];
  /** DER PKCS#8 PrivateKeyInfo, unencrypted. */
  readonly privateKeys: readonly Uint8Array[];
}

function decode(bytes: Uint8Array): asn1js.AsnType {
  const decoded = asn1js.fromBER(bytes, BER_LIMITS);
  if (decoded.offset === -1 || decoded.result.error) throw malformed('not ASN.1');
  return decoded.result;
}

/** `[0] EXPLICIT` wrapper → its single child. */
const explicit = (node: asn1js.AsnType | undefined): asn1js.AsnType | undefined => items(node)[0];

function verifyMac(macData: asn1js.AsnType, password: string, content: Uint8Array): void {
  const [digestInfo, salt, iterations] = items(macData);
  const [algorithm, digest] = items(digestInfo);
  const hash = DIGESTS[oidOf(items(algorithm)[0])];
  if (!hash)
    throw new Pkcs12Error(
      'unsupported',
      'The PKCS#12 file uses an integrity check the bench does not support.',
    );
  const key = pkcs12Kdf(
    hash.name,
    bmpPassword(password),
    octets(salt),
    iterations ? integer(iterations) : 1,
    3,
    hash.size,
  );
  const expected = octets(digest);
  const actual = createHmac(hash.name, key).update(content).digest();
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    throw new Pkcs12Error('wrong-password', 'The password is wrong.');
  }
}

function readBags(
  safeContents: Uint8Array,
  password: string,
  out: { certificates: Uint8Array[]; privateKeys: Uint8Array[] },
): void {
  for (const bag of items(decode(safeContents))) {
    const [idNode, valueWrapper] = items(bag);
    const value = explicit(valueWrapper);
    const id = oidOf(idNode);
    if (id === KEY_BAG && value) out.privateKeys.push(new Uint8Array(value.toBER(false)));
    if (id === SHROUDED_KEY_BAG) {
      const [algorithm, encrypted] = items(value);
      out.privateKeys.push(decryptWithPassword(algorithm, password, octets(encrypted)));
    }
    if (id === CERT_BAG) {
      const [certId, certValue] = items(value);
      if (oidOf(certId) === X509_CERT) out.certificates.push(octets(explicit(certValue)));
    }
  }
}

/** Throws `Pkcs12Error` for a wrong password, a damaged file or an unsupported algorithm. */
export function readPkcs12(bytes: Uint8Array, password: string): Pkcs12Contents {
  try {
    const [version, authSafe, macData] = items(decode(bytes));
    if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 3)
      throw malformed('not a PKCS#12 v3 file');
    const [contentType, wrapped] = items(authSafe);
    if (oidOf(contentType) !== DATA)
      throw new Pkcs12Error('unsupported', 'Public-key protected PKCS#12 files are not supported.');
    const content = octets(explicit(wrapped));
    if (macData) verifyMac(macData, password, content);
    const out = { certificates: [] as Uint8Array[], privateKeys: [] as Uint8Array[] };
    for (const info of items(decode(content))) {
      const [type, body] = items(info);
      const oid = oidOf(type);
      if (oid === DATA) readBags(octets(explicit(body)), password, out);
      if (oid === ENCRYPTED_DATA) {
        const [, encryptedContentInfo] = items(explicit(body));
        const [, algorithm, encrypted] = items(encryptedContentInfo);
        readBags(decryptWithPassword(algorithm, password, octets(encrypted)), password, out);
      }
    }
    return out;
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw malformed('unexpected structure');
  }
}
