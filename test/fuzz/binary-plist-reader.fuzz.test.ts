/**
 * Differential check of our binary plist reader against the plist library's, on values the library writes:
 * the same tree, key for key (our reader only adds the budget, shared objects and null-prototype dictionaries).
 */
import fc from 'fast-check';
import { buildBinary, parseBinary, type PlistValue } from 'plist';
import { describe, expect, it } from 'vitest';
import { parsePlist } from '../../main/profiles/parse-plist';
import { FUZZ_TIMEOUT_MS, fuzzParameters } from './fuzz-settings';

const key = fc.string({ maxLength: 12 }).filter((k) => k !== '__proto__');
const { value } = fc.letrec<{ value: PlistValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }),
    fc.uint8Array({ maxLength: 24 }),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 5 }),
  ),
}));

/** Plain, comparable form: dictionaries as sorted entries, data as arrays of numbers, dates as times. */
function plain(v: PlistValue): unknown {
  if (v instanceof Uint8Array) return { data: [...v] };
  if (v instanceof Date) return { date: v.getTime() };
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object')
    return Object.entries(v)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => [k, plain(x)]);
  return v;
}

describe('binary plist reader, differential against plist.parseBinary', () => {
  it(
    'reads every dictionary the library writes exactly as the library does',
    { timeout: FUZZ_TIMEOUT_MS },
    () => {
      fc.assert(
        fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (dict) => {
          const bytes = buildBinary(dict);
          const ours = parsePlist(bytes);
          expect(ours.ok).toBe(true);
          if (!ours.ok) return;
          expect(plain(ours.root)).toEqual(plain(parseBinary(bytes)));
        }),
        fuzzParameters(300),
      );
    },
  );
});
