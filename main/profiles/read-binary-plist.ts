/**
 * Builds plain values from a measured binary plist. Shared objects stay shared: an object referenced many times
 * is built once, so memory follows the file, not the expansion (the expansion itself is bounded before this runs).
 *
 * Our own reader rather than `plist.parseBinary`, which copies every reference, builds strings one character at
 * a time and lets a dictionary key that is not a string (or is `__proto__`) through. Dictionaries here have no
 * prototype and are frozen, like every container, so nothing downstream can change what another reader sees.
 */
import type { PlistValue } from 'plist';
import type { BinaryPlistGraph, BinaryPlistObject } from './binary-plist-graph';

/** Seconds between 1970-01-01 and 2001-01-01, the epoch of binary plist dates. */
const EPOCH_2001_MS = 978_307_200_000;

class BadPlist extends Error {}

function readInt(bytes: Uint8Array, at: number, byteCount: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, byteCount);
  switch (byteCount) {
    case 1:
      return view.getUint8(0);
    case 2:
      return view.getUint16(0);
    case 4:
      return view.getUint32(0);
    case 8:
      return Number(view.getBigInt64(0));
    default:
      // 16-byte integers exist in the format; no profile key holds one.
      throw new BadPlist('unsupported integer size');
  }
}

function readReal(bytes: Uint8Array, at: number, byteCount: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, byteCount);
  if (byteCount === 4) return view.getFloat32(0);
  if (byteCount === 8) return view.getFloat64(0);
  throw new BadPlist('unsupported real size');
}

/** Character codes to a string in chunks (one `fromCharCode` per code would be quadratic-ish and slow). */
function charsToString(codeAt: (i: number) => number, length: number): string {
  const parts: string[] = [];
  for (let start = 0; start < length; start += 8192) {
    const end = Math.min(length, start + 8192);
    const codes = new Array<number>(end - start);
    for (let i = start; i < end; i++) codes[i - start] = codeAt(i);
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function leaf(bytes: Uint8Array, o: BinaryPlistObject): PlistValue {
  const { body, size } = o;
  switch (o.type) {
    case 0x0:
      if (o.marker === 0x08) return false;
      if (o.marker === 0x09) return true;
      return null;
    case 0x1:
      return readInt(bytes, body, 1 << size);
    case 0x2:
      return readReal(bytes, body, 1 << size);
    case 0x3:
      return new Date(readReal(bytes, body, 8) * 1000 + EPOCH_2001_MS);
    case 0x4:
      return bytes.subarray(body, body + size);
    case 0x5:
      return charsToString((i) => bytes[body + i] ?? 0, size);
    case 0x6:
      return charsToString((i) => ((bytes[body + 2 * i] ?? 0) << 8) | (bytes[body + 2 * i + 1] ?? 0), size);
    case 0x8:
      return Object.freeze({ UID: readInt(bytes, body, Math.min(8, size + 1)) });
    default:
      throw new BadPlist('unknown object type');
  }
}

/**
 * The root value. Call only with a graph that passed `checkBinaryPlistBudget` (no cycles, bounded depth).
 * Throws on values the format allows but a profile cannot hold (a dictionary key that is not a string).
 */
export function readBinaryPlist(graph: BinaryPlistGraph): PlistValue {
  const built = new Map<number, PlistValue>();
  const build = (index: number | undefined): PlistValue => {
    if (index === undefined) throw new BadPlist('a container points outside the file');
    if (built.has(index)) return built.get(index) ?? null;
    const o = graph.objects[index];
    if (!o) throw new BadPlist('missing object');
    let value: PlistValue;
    if (o.type === 0xa || o.type === 0xc) {
      const items: PlistValue[] = [];
      for (let i = 0; i < o.refCount; i++) items.push(build(graph.ref(o, i)));
      value = Object.freeze(items) as PlistValue[];
    } else if (o.type === 0xd) {
      const dict = Object.create(null) as { [key: string]: PlistValue };
      for (let i = 0; i < o.size; i++) {
        const key = build(graph.ref(o, i));
        if (typeof key !== 'string') throw new BadPlist('a dictionary key is not a string');
        dict[key] = build(graph.ref(o, o.size + i));
      }
      value = Object.freeze(dict);
    } else {
      value = leaf(graph.bytes, o);
    }
    built.set(index, value);
    return value;
  };
  return build(graph.top);
}
