/**
 * Hand-built binary plists for the parsing-bomb tests: the exact attacks of issue 7 item 1, written object by
 * object so that sharing (many references to one object) is what the file says, not what a writer chose.
 */

/** One object's bytes; references are object indexes written with the file's reference size. */
export type RawObject = { readonly bytes: readonly number[] } | { readonly array: readonly number[] };

function uint(value: number, size: number): number[] {
  const out: number[] = [];
  for (let i = size - 1; i >= 0; i--) out.push(Math.floor(value / 256 ** i) % 256);
  return out;
}

/** Marker byte plus the extended length when the count does not fit the low nibble. */
function sized(type: number, count: number): number[] {
  if (count < 15) return [(type << 4) | count];
  const size = count < 256 ? 0 : count < 65536 ? 1 : 2;
  return [(type << 4) | 0x0f, 0x10 | size, ...uint(count, 1 << size)];
}

export const asciiString = (text: string): RawObject => ({
  bytes: [...sized(0x5, text.length), ...Array.from(text, (c) => c.charCodeAt(0))],
});

/** A complete `bplist00` file; object 0 is the top object. */
export function bplist(objects: readonly RawObject[], refSize = objects.length < 256 ? 1 : 2): Uint8Array {
  const body: number[] = [];
  const offsets: number[] = [];
  for (const o of objects) {
    offsets.push(8 + body.length);
    if ('bytes' in o) body.push(...o.bytes);
    else {
      body.push(...sized(0xa, o.array.length));
      for (const ref of o.array) body.push(...uint(ref, refSize));
    }
  }
  const tableAt = 8 + body.length;
  const offsetSize = tableAt < 256 ? 1 : tableAt < 65536 ? 2 : 4;
  const table = offsets.flatMap((o) => uint(o, offsetSize));
  const trailer = [
    0,
    0,
    0,
    0,
    0,
    0,
    offsetSize,
    refSize,
    ...uint(objects.length, 8),
    ...uint(0, 8),
    ...uint(tableAt, 8),
  ];
  return new Uint8Array([...Array.from('bplist00', (c) => c.charCodeAt(0)), ...body, ...table, ...trailer]);
}

/** ~200 KB: an array holding 199,000 references to one 1,000-character string (199 MB expanded). */
export function sharedStringBomb(): Uint8Array {
  const objects: RawObject[] = [{ array: new Array<number>(199_000).fill(1) }, asciiString('x'.repeat(1000))];
  return bplist(objects, 1);
}

/** Arrays that each hold the next one twice, `levels` deep: 2^levels values from a few hundred bytes. */
export function exponentialArrays(levels = 40): Uint8Array {
  const objects: RawObject[] = [];
  for (let i = 0; i < levels; i++) objects.push({ array: [i + 1, i + 1] });
  objects.push({ bytes: [0x09] });
  return bplist(objects);
}

export const withBom = (bytes: Uint8Array): Uint8Array => new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
