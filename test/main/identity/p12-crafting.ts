/**
 * Hand-built PKCS#12 structures for the reader's limits: files openssl would refuse to write (or would take
 * minutes to write), such as absurd iteration counts and dozens of bags. Only the structure is real; the
 * encrypted payloads are filler unless a test encrypts them itself.
 */
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import * as asn1js from 'asn1js';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const SHA1 = '1.3.14.3.2.26';
const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const HMAC_SHA256 = '1.2.840.113549.2.9';
const AES_256_CBC = '2.16.840.1.101.3.4.1.42';
const PBE_SHA1_3DES = '1.2.840.113549.1.12.1.3';

type Node = asn1js.AsnType;

const oid = (value: string): Node => new asn1js.ObjectIdentifier({ value });
const seq = (...value: Node[]): Node => new asn1js.Sequence({ value });
const bytes = (n: number, fill = 7): Uint8Array => new Uint8Array(n).fill(fill);
const octetString = (data: Uint8Array): Node => new asn1js.OctetString({ valueHex: data });
/** `[0] EXPLICIT` */
const tagged = (...value: Node[]): Node =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value });
const der = (node: Node): Uint8Array => new Uint8Array(node.toBER(false));

/** An INTEGER; a bigint gives counts too large for a JS number. */
export function count(value: number | bigint): Node {
  if (typeof value === 'number') return new asn1js.Integer({ value });
  const hex = value.toString(16).padStart(2, '0');
  const padded = hex.length % 2 ? `0${hex}` : hex;
  return new asn1js.Integer({ valueHex: Uint8Array.from(Buffer.from(padded, 'hex')) });
}

/** PBES2 / PBKDF2-HMAC-SHA256 / AES-256-CBC, what OpenSSL 3 writes. */
export function pbes2(iterations: number | bigint, salt = bytes(8), iv = bytes(16)): Node {
  return seq(
    oid(PBES2),
    seq(
      seq(oid(PBKDF2), seq(octetString(salt), count(iterations), seq(oid(HMAC_SHA256), new asn1js.Null()))),
      seq(oid(AES_256_CBC), octetString(iv)),
    ),
  );
}

/** pbeWithSHAAnd3-KeyTripleDES-CBC, the legacy scheme Keychain uses for keys: 3 hash chains per derivation. */
export function legacy3des(iterations: number | bigint): Node {
  return seq(oid(PBE_SHA1_3DES), seq(octetString(bytes(8)), count(iterations)));
}

export function shroudedKeyBag(algorithm: Node): Node {
  return seq(oid(SHROUDED_KEY_BAG), tagged(seq(algorithm, octetString(bytes(32)))));
}

export function certBag(): Node {
  return seq(oid(CERT_BAG), tagged(seq(oid(X509_CERT), tagged(octetString(bytes(64))))));
}

export const safeContents = (bags: readonly Node[]): Uint8Array => der(seq(...bags));

/** A ContentInfo holding the bags in the clear. */
export function plainSection(bags: readonly Node[]): Node {
  return seq(oid(DATA), tagged(octetString(safeContents(bags))));
}

/** A ContentInfo whose SafeContents is encrypted with `algorithm` (filler unless `encrypted` is given). */
export function encryptedSection(algorithm: Node, encrypted: Uint8Array = bytes(32)): Node {
  const content = new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: encrypted });
  return seq(oid(ENCRYPTED_DATA), tagged(seq(count(0), seq(oid(DATA), algorithm, content))));
}

/** Encrypts `bags` for real, as {@link pbes2} with `iterations` describes, so the reader can open them. */
export function realEncryptedSection(bags: readonly Node[], password: string, iterations: number): Node {
  const salt = bytes(8, 1);
  const iv = bytes(16, 2);
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(safeContents(bags)), cipher.final()]);
  return encryptedSection(pbes2(iterations, salt, iv), new Uint8Array(encrypted));
}

/** A PFX (version 3) with the sections and, when `macIterations` is given, a SHA-1 MAC with filler digest. */
export function pfx(sections: readonly Node[], macIterations?: number | bigint): Uint8Array {
  const authSafe = seq(oid(DATA), tagged(octetString(der(seq(...sections)))));
  const mac =
    macIterations === undefined
      ? []
      : [
          seq(
            seq(seq(oid(SHA1), new asn1js.Null()), octetString(bytes(20))),
            octetString(bytes(8)),
            count(macIterations),
          ),
        ];
  return der(seq(count(3), authSafe, ...mac));
}
