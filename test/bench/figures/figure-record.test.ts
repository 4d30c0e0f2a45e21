import { describe, expect, it } from 'vitest';
import { figure, percentile } from './figure-record';

describe('figure', () => {
  it('computes met from the value and the target', () => {
    expect(figure('a', 3, 'runs', ['<=', 3]).met).toBe(true);
    expect(figure('a', 4, 'runs', ['<=', 3]).met).toBe(false);
    expect(figure('b', 2, 's', ['<', 2]).met).toBe(false);
    expect(figure('c', 100, 'entries/s', ['>=', 100]).met).toBe(true);
    expect(figure('d', 2, 's', ['<', 2]).target).toBe('< 2');
  });

  it('never counts a value that could not be measured as met', () => {
    expect(figure('e', Number.NaN, 'ms', ['<=', 1750]).met).toBe(false);
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([5], 95)).toBe(5);
  });
});
