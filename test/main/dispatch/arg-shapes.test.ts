import { describe, expect, it } from 'vitest';
import { boundedInteger, ecidArg, isRecord, none, one, text } from '../../../main/dispatch/arg-shapes';

describe('arg shapes', () => {
  it('takes exactly one plain object for one()', () => {
    expect(one([{ a: 1 }], 'ch')).toEqual({ a: 1 });
    expect(() => one([], 'ch')).toThrow('ch takes one object argument.');
    expect(() => one([[1]], 'ch')).toThrow('ch takes one object argument.');
    expect(() => one([{}, {}], 'ch')).toThrow('ch takes one object argument.');
  });

  it('takes no arguments for none()', () => {
    expect(none([], 'ch')).toEqual([]);
    expect(() => none([1], 'ch')).toThrow('ch takes no arguments.');
  });

  it('tells records from arrays and null', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
  });

  it('bounds text, whole numbers and ECIDs, naming the field', () => {
    expect(text('ab', 'name', 2)).toBe('ab');
    expect(() => text('abc', 'name', 2)).toThrow('name must be text of 1 to 2 characters.');
    expect(() => text('', 'name', 2)).toThrow('name must be text of 1 to 2 characters.');
    expect(boundedInteger(3, 'n', 1, 3)).toBe(3);
    expect(() => boundedInteger(1.5, 'n', 1, 3)).toThrow('n must be a whole number from 1 to 3.');
    expect(() => ecidArg('nope', 'device')).toThrow('device must be an ECID');
    expect(ecidArg('0x8294E3A41001C')).toBe('0x8294E3A41001C');
  });
});
