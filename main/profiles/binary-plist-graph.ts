/**
 * The object table of an Apple `bplist00` file, read without expanding anything: for each object its type, its
 * size field, where its body starts and (for arrays, sets and dictionaries) the objects it references.
 *
 * Layout (CFBinaryPList.c's documented format): 8-byte header, objects, offset table, 32-byte trailer. Every
 * offset and reference is bounds-checked here, so the measuring and reading code after it never indexes outside
 * the file. Work is linear in the file size and memory in the number of objects (at most the value budget);
references are read from the bytes when needed and checked on every read.
 */
import { MAX_PLIST_VALUES, type PlistProblem } from './plist-budget';

export interface BinaryPlistObject {
  /** High nibble of the marker byte: 0 singleton, 1 int, 2 real, 3 date, 4 data, 5 ASCII, 6 UTF-16, 8 UID, a array, c set, d dict. */
  readonly type: number;
  readonly marker: number;
  /** Element count (containers), character count (strings), byte count (data), or the raw low nibble. */
  readonly size: number;
  /** Offset of the first byte after the marker and any extended size. */
  readonly body: number;
  /** How many objects it references: array/set items, or a dictionary's keys followed by its values. */
  readonly refCount: number;
}

export interface BinaryPlistGraph {
  readonly bytes: Uint8Array;
  readonly top: number;
  readonly objects: readonly BinaryPlistObject[];
  /** The `i`th reference of a container, or undefined when it names no object (checked on every read). */
  readonly ref: (object: BinaryPlistObject, i: number) => number | undefined;
}

const malformed = (detail: string): PlistProblem => ({ kind: 'malformed', detail });

function readUInt(bytes: Uint8Array, at: number, size: number): number | undefined {
  if (at < 0 || at + size > bytes.length || size < 1 || size > 8) return undefined;
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Bytes a leaf object's body occupies, as stored (UTF-16 strings count two bytes per character); undefined for
 * containers, whose size comes from their references, and for markers that are no known type.
 */
export function leafBodyLength(type: number, size: number, marker: number): number | undefined {
  switch (type) {
    case 0x0:
      return 0;
    case 0x1:
    case 0x2:
      return size <= 4 ? 1 << size : undefined;
    case 0x3:
      return marker === 0x33 ? 8 : undefined;
    case 0x4:
    case 0x5:
      return size;
    case 0x6:
      return size * 2;
    case 0x8:
      return size + 1;
    default:
      return undefined;
  }
}

function readObject(
  bytes: Uint8Array,
  at: number,
  limit: number,
  refSize: number,
): BinaryPlistObject | string {
  const marker = bytes[at] ?? 0;
  const type = marker >> 4;
  let size = marker & 0x0f;
  let body = at + 1;
  const sized = [0x4, 0x5, 0x6, 0xa, 0xc, 0xd].includes(type);
  if (sized && size === 0x0f) {
    const ext = bytes[body] ?? 0;
    if (ext >> 4 !== 0x1) return 'an object has a damaged length';
    const n = 1 << (ext & 0x0f);
    const s = readUInt(bytes, body + 1, n);
    if (s === undefined) return 'an object has a damaged length';
    size = s;
    body += 1 + n;
  }
  if (type === 0xa || type === 0xc || type === 0xd) {
    const refCount = type === 0xd ? size * 2 : size;
    if (body + refCount * refSize > limit) return 'a container points outside the file';
    return { type, marker, size, body, refCount };
  }
  const length = leafBodyLength(type, size, marker);
  if (length === undefined) return `unknown object type 0x${marker.toString(16)}`;
  if (body + length > limit) return 'an object runs past the end of the file';
  return { type, marker, size, body, refCount: 0 };
}

/** The object table, or the reason the file cannot be a binary plist. */
export function readBinaryPlistGraph(bytes: Uint8Array): BinaryPlistGraph | PlistProblem {
  const len = bytes.length;
  if (len < 8 + 1 + 32) return malformed('too short to be a binary plist');
  const t = len - 32;
  const offsetSize = bytes[t + 6] ?? 0;
  const refSize = bytes[t + 7] ?? 0;
  const count = readUInt(bytes, t + 8, 8);
  const top = readUInt(bytes, t + 16, 8);
  const tableAt = readUInt(bytes, t + 24, 8);
  if (![1, 2, 4, 8].includes(offsetSize) || ![1, 2, 4, 8].includes(refSize))
    return malformed('bad trailer sizes');
  if (count === undefined || top === undefined || tableAt === undefined)
    return malformed('bad trailer numbers');
  if (count < 1 || count > len || top >= count || tableAt < 9 || tableAt + count * offsetSize > t)
    return malformed('trailer points outside the file');
  // Each stored object is at least one value once read: more objects than the budget is refused unread.
  if (count > MAX_PLIST_VALUES) return { kind: 'too-many-values', values: count };
  const objects: BinaryPlistObject[] = new Array<BinaryPlistObject>(count);
  for (let i = 0; i < count; i++) {
    const at = readUInt(bytes, tableAt + i * offsetSize, offsetSize);
    if (at === undefined || at < 8 || at >= tableAt)
      return malformed('object offset outside the object area');
    const object = readObject(bytes, at, tableAt, refSize);
    if (typeof object === 'string') return malformed(object);
    objects[i] = object;
  }
  const ref = (object: BinaryPlistObject, i: number): number | undefined => {
    // One-byte references (every real profile) without the general reader: a 5 MB bomb is millions of them.
    const value =
      refSize === 1 ? bytes[object.body + i] : readUInt(bytes, object.body + i * refSize, refSize);
    return value !== undefined && value < count ? value : undefined;
  };
  return { bytes, top, objects, ref };
}
