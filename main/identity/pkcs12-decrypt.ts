/**
 * Password-based decryption of PKCS#12 contents: PBES2 (PBKDF2 + AES or 3DES, what OpenSSL 3 writes) and the
 * legacy PKCS#12 PBE schemes (3DES and RC2, what macOS Keychain and Apple Configurator write; RFC 7292 App. C).
 */
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';
import { bmpPassword, MAX_ITERATIONS, pkcs12Kdf } from './pkcs12-kdf';
import { rc2CbcDecrypt } from './rc2';

export class Pkcs12Error extends Error {
  constructor(
    readonly kind: 'wrong-password' | 'malformed' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

export const malformed = (what: string): Pkcs12Error =>
  new Pkcs12Error('malformed', `The PKCS#12 file is damaged (${what}).`);

export function items(node: asn1js.AsnType | undefined): readonly asn1js.AsnType[] {
  return node instanceof asn1js.Constructed ? node.valueBlock.value : [];
}

export function oidOf(node: asn1js.AsnType | undefined): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw malformed('expected an object identifier');
  return node.valueBlock.toString();
}

/** The bytes of an OCTET STRING (or an IMPLICIT-tagged one), joining BER chunks. */
export function octets(node: asn1js.AsnType | undefined): Uint8Array {
  if (!node) throw malformed('missing octet string');
  if (node.idBlock.isConstructed) {
    const parts = items(node).map(octets);
    return Uint8Array.from(parts.flatMap((p) => [...p]));
  }
  const block = (node as asn1js.OctetString).valueBlock as { valueHexView?: Uint8Array };
  if (!block.valueHexView) throw malformed('expected an octet string');
  return block.valueHexView.slice();
}

export function integer(node: asn1js.AsnType | undefined): number {
  if (!(node instanceof asn1js.Integer)) throw malformed('expected an integer');
  const value = node.valueBlock.valueDec;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_ITERATIONS)
    throw malformed('iteration count out of range');
  return value;
}

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRF: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHERS: Readonly<Record<string, { readonly name: string; readonly keyLength: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
/** RFC 7292 Appendix C: pbeWithSHAAnd… schemes. `rc2` gives the effective key bits. */
const LEGACY: Readonly<Record<string, { readonly keyLength: number; readonly rc2?: number }>> = {
  '1.2.840.113549.1.12.1.3': { keyLength: 24 },
  '1.2.840.113549.1.12.1.5': { keyLength: 16, rc2: 128 },
  '1.2.840.113549.1.12.1.6': { keyLength: 5, rc2: 40 },
};

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  try {
    const d = createDecipheriv(name, key, iv);
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  } catch {
    throw new Pkcs12Error('wrong-password', 'The password is wrong, or the file is damaged.');
  }
}

function decryptPbes2(params: asn1js.AsnType | undefined, password: string, data: Uint8Array): Uint8Array {
  const [kdf, scheme] = items(params);
  const [kdfOid, kdfParams] = items(kdf);
  if (oidOf(kdfOid) !== PBKDF2)
    throw new Pkcs12Error(
      'unsupported',
      'The PKCS#12 file uses a key derivation the bench does not support.',
    );
  const [salt, iterations, ...rest] = items(kdfParams);
  const prfNode = rest.find((n) => n instanceof asn1js.Sequence);
  const prf = prfNode ? PRF[oidOf(items(prfNode)[0])] : 'sha1';
  const [cipherOid, ivNode] = items(scheme);
  const cipher = CIPHERS[oidOf(cipherOid)];
  if (!cipher || !prf)
    throw new Pkcs12Error('unsupported', 'The PKCS#12 file uses a cipher the bench does not support.');
  const key = pbkdf2Sync(
    Buffer.from(password, 'utf8'),
    octets(salt),
    integer(iterations),
    cipher.keyLength,
    prf,
  );
  return decipher(cipher.name, key, octets(ivNode), data);
}

/** Decrypts `data` encrypted with the algorithm identifier `algorithm` (a SEQUENCE { OID, params }). */
export function decryptWithPassword(
  algorithm: asn1js.AsnType | undefined,
  password: string,
  data: Uint8Array,
): Uint8Array {
  const [oidNode, params] = items(algorithm);
  const oid = oidOf(oidNode);
  if (oid === PBES2) return decryptPbes2(params, password, data);
  const legacy = LEGACY[oid];
  if (!legacy)
    throw new Pkcs12Error(
      'unsupported',
      `The PKCS#12 file uses an encryption the bench does not support (${oid}).`,
    );
  const [salt, iterations] = items(params);
  const pw = bmpPassword(password);
  const saltBytes = octets(salt);
  const count = integer(iterations);
  const key = pkcs12Kdf('sha1', pw, saltBytes, count, 1, legacy.keyLength);
  const iv = pkcs12Kdf('sha1', pw, saltBytes, count, 2, 8);
  if (legacy.rc2 === undefined) return decipher('des-ede3-cbc', key, iv, data);
  try {
    return rc2CbcDecrypt(key, legacy.rc2, iv, data);
  } catch {
    throw new Pkcs12Error('wrong-password', 'The password is wrong, or the file is damaged.');
  }
}
