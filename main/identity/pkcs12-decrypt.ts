/**
 * Password-based decryption of PKCS#12 contents: PBES2 (PBKDF2 + AES or 3DES, what OpenSSL 3 writes) and the
 * legacy PKCS#12 PBE schemes (3DES and RC2, what macOS Keychain and Apple Configurator write; RFC 7292 App. C).
 *
 * Reading the algorithm and running it are separate steps ({@link planDecryption}), so the reader can learn what
 * every derivation in a file will cost and refuse the file before any of them runs.
 */
import { createDecipheriv, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import * as asn1js from 'asn1js';
import { items, iterationCount, octets, oidOf, Pkcs12Error } from './pkcs12-asn1';
import { bmpPassword, pkcs12Kdf, pkcs12KdfRounds } from './pkcs12-kdf';
import { rc2CbcDecrypt } from './rc2';

/** Node's PBKDF2 on the libuv thread pool, so the main process keeps answering while it runs. */
const pbkdf2Async = promisify(pbkdf2);

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const PRF: Readonly<Record<string, { readonly name: string; readonly size: number }>> = {
  '1.2.840.113549.2.7': { name: 'sha1', size: 20 },
  '1.2.840.113549.2.9': { name: 'sha256', size: 32 },
  '1.2.840.113549.2.10': { name: 'sha384', size: 48 },
  '1.2.840.113549.2.11': { name: 'sha512', size: 64 },
};
const HMAC_SHA1 = '1.2.840.113549.2.7';
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
const LEGACY_IV_LENGTH = 8;

/** A read algorithm identifier: what its derivations cost, and how to run them. */
export interface DecryptionPlan {
  /** Hash rounds the key (and IV) derivation will run; charge them to the file's budget first. */
  readonly rounds: number;
  readonly decrypt: (password: string, data: Uint8Array) => Promise<Uint8Array>;
}

const wrongPassword = (): Pkcs12Error =>
  new Pkcs12Error('wrong-password', 'The password is wrong, or the file is damaged.');

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  try {
    const d = createDecipheriv(name, key, iv);
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  } catch {
    throw wrongPassword();
  }
}

function planPbes2(params: asn1js.AsnType | undefined): DecryptionPlan {
  const [kdf, scheme] = items(params);
  const [kdfOid, kdfParams] = items(kdf);
  if (oidOf(kdfOid) !== PBKDF2)
    throw new Pkcs12Error(
      'unsupported',
      'The PKCS#12 file uses a key derivation the bench does not support.',
    );
  const [saltNode, iterationsNode, ...rest] = items(kdfParams);
  const prfNode = rest.find((n) => n instanceof asn1js.Sequence);
  const prf = PRF[prfNode ? oidOf(items(prfNode)[0]) : HMAC_SHA1];
  const [cipherOid, ivNode] = items(scheme);
  const cipher = CIPHERS[oidOf(cipherOid)];
  if (!cipher || !prf)
    throw new Pkcs12Error('unsupported', 'The PKCS#12 file uses a cipher the bench does not support.');
  const salt = octets(saltNode);
  const iterations = iterationCount(iterationsNode);
  const iv = octets(ivNode);
  return {
    rounds: iterations * Math.ceil(cipher.keyLength / prf.size),
    decrypt: async (password, data) => {
      const key = await pbkdf2Async(
        Buffer.from(password, 'utf8'),
        salt,
        iterations,
        cipher.keyLength,
        prf.name,
      );
      return decipher(cipher.name, key, iv, data);
    },
  };
}

function planLegacy(
  scheme: { readonly keyLength: number; readonly rc2?: number },
  params: asn1js.AsnType | undefined,
): DecryptionPlan {
  const [saltNode, iterationsNode] = items(params);
  const salt = octets(saltNode);
  const iterations = iterationCount(iterationsNode);
  return {
    rounds:
      pkcs12KdfRounds('sha1', iterations, scheme.keyLength) +
      pkcs12KdfRounds('sha1', iterations, LEGACY_IV_LENGTH),
    decrypt: async (password, data) => {
      const pw = bmpPassword(password);
      const key = await pkcs12Kdf('sha1', pw, salt, iterations, 1, scheme.keyLength);
      const iv = await pkcs12Kdf('sha1', pw, salt, iterations, 2, LEGACY_IV_LENGTH);
      if (scheme.rc2 === undefined) return decipher('des-ede3-cbc', key, iv, data);
      try {
        return rc2CbcDecrypt(key, scheme.rc2, iv, data);
      } catch {
        throw wrongPassword();
      }
    },
  };
}

/** Reads the algorithm identifier `algorithm` (a SEQUENCE { OID, params }) without deriving anything. */
export function planDecryption(algorithm: asn1js.AsnType | undefined): DecryptionPlan {
  const [oidNode, params] = items(algorithm);
  const oid = oidOf(oidNode);
  if (oid === PBES2) return planPbes2(params);
  const legacy = LEGACY[oid];
  if (!legacy)
    throw new Pkcs12Error(
      'unsupported',
      `The PKCS#12 file uses an encryption the bench does not support (${oid}).`,
    );
  return planLegacy(legacy, params);
}
