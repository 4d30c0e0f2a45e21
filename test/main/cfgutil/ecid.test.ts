/**
 * ECIDs (issue 20 item 5): cfgutil prints them zero-padded to 13 hex digits and accepts any spelling with
 * `-e`; the bench compares by value and shows them as cfgutil prints them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cfgutilEcid,
  formatCfgutilEcid,
  normalizeEcid,
  parseEcid,
  sameEcid,
} from '../../../main/cfgutil/ecid';

const ecidValue = fc.bigInt({ min: 1n, max: (1n << 64n) - 1n });

/** The spellings seen in the wild: cfgutil's padded form, no padding, lower case, bare hex. */
const spellings = (value: bigint): string[] => {
  const hex = value.toString(16);
  return [
    formatCfgutilEcid(value),
    `0x${hex.toUpperCase()}`,
    `0x${hex}`,
    hex,
    `0X${hex.padStart(16, '0')}`,
    ` ${hex.toUpperCase()} `,
  ];
};

describe('ECIDs by value, shown as cfgutil prints them', () => {
  it('the captured exec-environment ECID keeps its zeros and equals its unpadded and bare lower-case forms', () => {
    expect(cfgutilEcid('0x4F709DB29F9')).toBe('0x004F709DB29F9');
    expect(cfgutilEcid('4f709db29f9')).toBe('0x004F709DB29F9');
    expect(sameEcid('0x004F709DB29F9', '4f709db29f9')).toBe(true);
    expect(normalizeEcid('0x004F709DB29F9')).toBe('0x4F709DB29F9');
    // A 14-digit ECID (S13's 0x1C604A3405801E) prints in full.
    expect(cfgutilEcid('0x1c604a3405801e')).toBe('0x1C604A3405801E');
  });

  it('every spelling of one value is the same ECID, and different values never are', () => {
    fc.assert(
      fc.property(ecidValue, ecidValue, (a, b) => {
        for (const x of spellings(a)) {
          for (const y of spellings(a)) expect(sameEcid(x, y)).toBe(true);
          if (a !== b) expect(sameEcid(x, formatCfgutilEcid(b))).toBe(false);
        }
      }),
    );
  });

  it('the cfgutil form is at least 13 upper-case digits and reads back to the same value', () => {
    fc.assert(
      fc.property(ecidValue, (value) => {
        const shown = formatCfgutilEcid(value);
        expect(shown).toMatch(/^0x[0-9A-F]{13,16}$/);
        expect(parseEcid(shown)).toBe(value);
        expect(cfgutilEcid(normalizeEcid(shown))).toBe(shown);
      }),
    );
  });

  it('what is not an ECID is never the same as anything', () => {
    for (const text of ['', '0x', '0', 'N/A', 'xyz', '0x1234567890ABCDEF0', undefined, 42])
      expect(sameEcid(text, text)).toBe(false);
    expect(cfgutilEcid('N/A')).toBeUndefined();
  });
});
