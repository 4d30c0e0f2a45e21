/**
 * The PKCS#12 key derivation (RFC 7292 Appendix B.2), used by the legacy password-based encryption that
 * macOS Keychain and Apple Configurator exports still use (pbeWithSHAAnd3-KeyTripleDES-CBC for the key,
 * pbeWithSHAAnd40BitRC2-CBC for the certificate) and by the PKCS#12 MAC. Node's crypto does not expose it.
 */
import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Purpose byte of the derivation: 1 = key, 2 = IV, 3 = MAC key (RFC 7292 B.3). */
export type KdfPurpose = 1 | 2 | 3;

/**
 * Iteration counts above this are refused, per derivation. Keychain, Apple Configurator and OpenSSL write 2048
 * (Java's keytool 10,000); 200,000 leaves room for a hardened export while one legacy derivation at the cap
 * stays around a second of hashing. The whole file is bounded separately (see pkcs12-budget.ts).
 */
export const MAX_ITERATIONS = 200_000;

/**
 * Hash rounds between yields to the event loop. The legacy KDF is a JS loop over `createHash` (a few µs per
 * round), so without yielding a large count would stall IPC and the window; 4096 rounds is ~10–30 ms.
 */
const ROUNDS_PER_YIELD = 4096;

const HASH_SIZES: Readonly<Record<string, { readonly u: number; readonly v: number }>> = {
  sha1: { u: 20, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

/** A password as PKCS#12 wants it: UTF-16 big-endian with a two-byte zero terminator. */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array(password.length * 2 + 2);
  for (let i = 0; i < password.length; i++) {
    const code = password.charCodeAt(i);
    out[i * 2] = code >> 8;
    out[i * 2 + 1] = code & 0xff;
  }
  return out;
}

function sizesOf(hash: string): { readonly u: number; readonly v: number } {
  const sizes = HASH_SIZES[hash];
  if (!sizes) throw new Error(`unsupported PKCS#12 KDF hash ${hash}`);
  return sizes;
}

/** How many hash rounds {@link pkcs12Kdf} runs for these arguments: one chain of `iterations` per output block. */
export function pkcs12KdfRounds(hash: string, iterations: number, length: number): number {
  return iterations * Math.ceil(length / sizesOf(hash).u);
}

function repeatTo(source: Uint8Array, v: number): Uint8Array {
  if (source.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(v * Math.ceil(source.length / v));
  for (let i = 0; i < out.length; i++) out[i] = source[i % source.length] ?? 0;
  return out;
}

/**
 * Derives `length` bytes. Asynchronous only to let the event loop run between slices of hashing; callers charge
 * {@link pkcs12KdfRounds} to the file's budget before calling.
 */
export async function pkcs12Kdf(
  hash: string,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  purpose: KdfPurpose,
  length: number,
): Promise<Uint8Array> {
  const { u, v } = sizesOf(hash);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
    throw new Error('bad iteration count');
  const d = new Uint8Array(v).fill(purpose);
  const i = new Uint8Array([...repeatTo(salt, v), ...repeatTo(password, v)]);
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let a = createHash(hash).update(d).update(i).digest();
    for (let r = 1; r < iterations; r++) {
      a = createHash(hash).update(a).digest();
      if (r % ROUNDS_PER_YIELD === 0) await nextTurn();
    }
    out.set(a, block * u);
    // I_j = (I_j + B + 1) mod 2^(8v), with B = A repeated to v bytes.
    const b = repeatTo(a, v).subarray(0, v);
    for (let j = 0; j < i.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (i[j + k] ?? 0) + (b[k] ?? 0) + carry;
        i[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, length);
}
