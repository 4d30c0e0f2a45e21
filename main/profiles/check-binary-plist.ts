/**
 * Structural pre-check of a binary plist before it reaches `plist.parseBinary`.
 *
 * The parser trusts the file: an object that contains itself recurses forever, and objects shared many times
 * expand exponentially (a 2 KB file can describe billions of nodes). Both would freeze the import, so the
 * object graph is walked here first with hard limits. The format is Apple's `bplist00`: header, objects,
 * offset table, 32-byte trailer (see CFBinaryPList.c's documented layout).
 */

/** Far above any real enrollment profile (a few hundred objects), far below anything that could hang. */
const MAX_EXPANDED_NODES = 200_000;
const MAX_DEPTH = 200;

function readUInt(bytes: Uint8Array, at: number, size: number): number | undefined {
  if (at < 0 || at + size > bytes.length || size < 1 || size > 8) return undefined;
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return Number.isSafeInteger(value) ? value : undefined;
}

interface Graph {
  readonly top: number;
  readonly childrenOf: (index: number) => readonly number[] | undefined;
}

function readGraph(bytes: Uint8Array): Graph | string {
  const len = bytes.length;
  if (len < 8 + 1 + 32) return 'too short to be a binary plist';
  const t = len - 32;
  const offsetSize = bytes[t + 6] ?? 0;
  const refSize = bytes[t + 7] ?? 0;
  const count = readUInt(bytes, t + 8, 8);
  const top = readUInt(bytes, t + 16, 8);
  const tableAt = readUInt(bytes, t + 24, 8);
  if (![1, 2, 4, 8].includes(offsetSize) || ![1, 2, 4, 8].includes(refSize)) return 'bad trailer sizes';
  if (count === undefined || top === undefined || tableAt === undefined) return 'bad trailer numbers';
  if (count < 1 || count > len || top >= count || tableAt < 9 || tableAt + count * offsetSize > t) {
    return 'trailer points outside the file';
  }
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) {
    const off = readUInt(bytes, tableAt + i * offsetSize, offsetSize);
    if (off === undefined || off < 8 || off >= tableAt) return 'object offset outside the object area';
    offsets.push(off);
  }
  const childrenOf = (index: number): readonly number[] | undefined => {
    const at = offsets[index];
    if (at === undefined) return undefined;
    const marker = bytes[at] ?? 0;
    const type = marker >> 4;
    if (type !== 0xa && type !== 0xd) return [];
    let size = marker & 0x0f;
    let body = at + 1;
    if (size === 0x0f) {
      const ext = bytes[body] ?? 0;
      if (ext >> 4 !== 0x1) return undefined;
      const n = 1 << (ext & 0x0f);
      const s = readUInt(bytes, body + 1, n);
      if (s === undefined) return undefined;
      size = s;
      body += 1 + n;
    }
    const refs = type === 0xd ? size * 2 : size;
    if (body + refs * refSize > tableAt) return undefined;
    const out: number[] = [];
    for (let i = 0; i < refs; i++) {
      const ref = readUInt(bytes, body + i * refSize, refSize);
      if (ref === undefined || ref >= count) return undefined;
      out.push(ref);
    }
    return out;
  };
  return { top, childrenOf };
}

/** Undefined when the file is safe to hand to the parser; otherwise a short reason. */
export function checkBinaryPlist(bytes: Uint8Array): string | undefined {
  const graph = readGraph(bytes);
  if (typeof graph === 'string') return graph;
  const expanded = new Map<number, number>();
  const onPath = new Set<number>();
  // Iterative-free recursion is fine here: depth is capped at MAX_DEPTH.
  const visit = (index: number, depth: number): number | string => {
    if (depth > MAX_DEPTH) return 'nested too deeply';
    const known = expanded.get(index);
    if (known !== undefined) return known;
    if (onPath.has(index)) return 'an object contains itself';
    const kids = graph.childrenOf(index);
    if (!kids) return 'a container points outside the file';
    onPath.add(index);
    let total = 1;
    for (const kid of kids) {
      const n = visit(kid, depth + 1);
      if (typeof n === 'string') return n;
      total += n;
      if (total > MAX_EXPANDED_NODES) return 'too many objects';
    }
    onPath.delete(index);
    expanded.set(index, total);
    return total;
  };
  const result = visit(graph.top, 0);
  return typeof result === 'string' ? result : undefined;
}
