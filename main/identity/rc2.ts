/**
 * RC2 decryption in CBC mode (RFC 2268), for the certificate bag of PKCS#12 files exported by macOS Keychain
 * and Apple Configurator (pbeWithSHAAnd40BitRC2-CBC). OpenSSL 3 moved RC2 to its legacy provider, which Node
 * does not load, so the bench carries this small implementation written from the RFC's description.
 */

/** RFC 2268 §2: the "PITABLE", a permutation of 0–255 derived from the digits of pi. */
const PITABLE = Uint8Array.from(
  Buffer.from(
    'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2179a59f587b34f1361456d8d09817d32bd8f40eb86b77b0bf09521225c6b4e8254d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb6266fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed708e8eade8052eef784aa72ac354d6a2a961ad2715a1549744b9fd05e0418a4ecc2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
      '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a90d38341bab33ffb0bb480c5fb9b1cd2ec5f3db47e5a59c770aa62068fe7fc1ad',
    'hex',
  ),
);

/** Expands a key to 64 16-bit subkeys (RFC 2268 §2). `effectiveBits` is 40 for RC2-40, 128 for RC2-128. */
export function rc2ExpandKey(key: Uint8Array, effectiveBits: number): Uint16Array {
  const t = key.length;
  if (t < 1 || t > 128 || effectiveBits < 1 || effectiveBits > 1024) throw new Error('bad RC2 key');
  const l = new Uint8Array(128);
  l.set(key);
  for (let i = t; i < 128; i++) l[i] = PITABLE[((l[i - 1] ?? 0) + (l[i - t] ?? 0)) & 0xff] ?? 0;
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff % 2 ** (8 + effectiveBits - 8 * t8);
  l[128 - t8] = PITABLE[(l[128 - t8] ?? 0) & tm] ?? 0;
  for (let i = 127 - t8; i >= 0; i--) l[i] = PITABLE[(l[i + 1] ?? 0) ^ (l[i + t8] ?? 0)] ?? 0;
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = (l[2 * i] ?? 0) | ((l[2 * i + 1] ?? 0) << 8);
  return k;
}

const SHIFTS = [1, 2, 3, 5] as const;

function decryptBlock(k: Uint16Array, block: Uint8Array): Uint8Array {
  const r = [0, 1, 2, 3].map((i) => (block[2 * i] ?? 0) | ((block[2 * i + 1] ?? 0) << 8));
  let j = 63;
  const at = (i: number): number => r[(i + 4) % 4] ?? 0;
  const mix = (): void => {
    for (let i = 3; i >= 0; i--) {
      const s = SHIFTS[i] ?? 1;
      const x = at(i);
      const rotated = ((x >>> s) | (x << (16 - s))) & 0xffff;
      r[i] = (rotated - (k[j] ?? 0) - (at(i - 1) & at(i - 2)) - (~at(i - 1) & at(i - 3))) & 0xffff;
      j--;
    }
  };
  const mash = (): void => {
    for (let i = 3; i >= 0; i--) r[i] = (at(i) - (k[at(i - 1) & 63] ?? 0)) & 0xffff;
  };
  for (let n = 0; n < 5; n++) mix();
  mash();
  for (let n = 0; n < 6; n++) mix();
  mash();
  for (let n = 0; n < 5; n++) mix();
  const out = new Uint8Array(8);
  r.forEach((w, i) => {
    out[2 * i] = w & 0xff;
    out[2 * i + 1] = w >> 8;
  });
  return out;
}

/** CBC decryption with PKCS#7 padding removed; throws on a bad length or bad padding (usually a wrong key). */
export function rc2CbcDecrypt(
  key: Uint8Array,
  effectiveBits: number,
  iv: Uint8Array,
  data: Uint8Array,
): Uint8Array {
  if (data.length === 0 || data.length % 8 !== 0 || iv.length !== 8) throw new Error('bad RC2 input');
  const k = rc2ExpandKey(key, effectiveBits);
  const out = new Uint8Array(data.length);
  let previous = iv;
  for (let off = 0; off < data.length; off += 8) {
    const block = data.subarray(off, off + 8);
    const plain = decryptBlock(k, block);
    for (let i = 0; i < 8; i++) out[off + i] = (plain[i] ?? 0) ^ (previous[i] ?? 0);
    previous = block;
  }
  const pad = out[out.length - 1] ?? 0;
  if (pad < 1 || pad > 8 || out.subarray(out.length - pad).some((b) => b !== pad))
    throw new Error('bad padding');
  return out.subarray(0, out.length - pad);
}
