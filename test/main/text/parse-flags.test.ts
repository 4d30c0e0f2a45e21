import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance, parseFlags, UsageError } from '../../../main/text/parse-flags';
import { commandTable, specOf } from '../../../main/cli/command-table';

describe('editDistance', () => {
  it('is a distance: zero only for equal words, symmetric, and one for a swap of neighbours', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
    expect(editDistance('jsno', 'json')).toBe(1);
    expect(editDistance('until-idel', 'until-idle')).toBe(1);
  });
});

describe('closest', () => {
  it('finds the option a one-letter typo of any table flag meant, and nothing for a word far from all', () => {
    const all = Object.values(commandTable).flatMap((c) => Object.keys(c.flags));
    fc.assert(
      fc.property(fc.constantFrom(...all.filter((f) => f.length >= 4)), fc.nat(), (flag, at) => {
        const i = at % flag.length;
        const typo = `${flag.slice(0, i)}${flag.slice(i + 1)}`; // one letter dropped
        const known = [...new Set(all)];
        expect(editDistance(typo, closest(typo, known) ?? '')).toBe(1);
      }),
    );
    expect(closest('banana', ['json', 'simulate', 'cfgutil'])).toBeUndefined();
  });
});

describe('parseFlags with a table spec', () => {
  it('refuses an unknown flag with the nearest known one in the message', () => {
    const spec = specOf(commandTable.run.flags);
    expect(() => parseFlags(['--simulte'], spec)).toThrow(UsageError);
    expect(() => parseFlags(['--simulte'], spec)).toThrow(/did you mean --simulate\?/);
    expect(parseFlags(['--simulate', '--cart=3'], spec).flags).toEqual({ simulate: true, cart: '3' });
  });
});
