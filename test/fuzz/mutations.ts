/**
 * Byte-level mutations for growing fuzz inputs from real fixtures: flips, overwrites, inserts, deletions,
 * truncations and copies of a slice elsewhere (which is how shared-object bombs and BER length tricks arise).
 */
import fc from 'fast-check';

export type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly bit: number }
  | { readonly op: 'set'; readonly at: number; readonly byte: number }
  | { readonly op: 'insert'; readonly at: number; readonly bytes: Uint8Array }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'copy'; readonly from: number; readonly length: number; readonly to: number };

const position = fc.nat({ max: 0xffffff });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    op: fc.constant('set' as const),
    at: position,
    byte: fc.constantFrom(0x00, 0x0f, 0x30, 0x7f, 0x80, 0xff, 0x1b, 0x5f, 0xaf, 0xdf),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }),
  }),
  fc.record({ op: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({
    op: fc.constant('copy' as const),
    from: position,
    length: fc.integer({ min: 1, max: 256 }),
    to: position,
  }),
);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function applyMutations(source: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes: Uint8Array = source.slice();
  for (const m of mutations) {
    const n = bytes.length;
    if (n === 0) break;
    switch (m.op) {
      case 'flip':
        bytes[m.at % n] = (bytes[m.at % n] ?? 0) ^ (1 << m.bit);
        break;
      case 'set':
        bytes[m.at % n] = m.byte;
        break;
      case 'insert': {
        const at = m.at % (n + 1);
        bytes = concat(bytes.subarray(0, at), m.bytes, bytes.subarray(at));
        break;
      }
      case 'delete': {
        const at = m.at % n;
        bytes = concat(bytes.subarray(0, at), bytes.subarray(at + m.length));
        break;
      }
      case 'truncate':
        bytes = bytes.slice(0, m.at % n);
        break;
      case 'copy': {
        const from = m.from % n;
        const slice = bytes.slice(from, from + m.length);
        const to = m.to % n;
        bytes = concat(bytes.subarray(0, to), slice, bytes.subarray(to));
        break;
      }
    }
  }
  return bytes;
}

/** A fixture, mutated 1 to `max` times. */
export function mutated(sources: readonly Uint8Array[], max = 6): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: max }))
    .map(([source, mutations]) => applyMutations(source, mutations));
}
