import { describe, expect, it } from 'vitest';
import { secondHalfRise } from './memory-trend';

describe('secondHalfRise', () => {
  it('is zero for a flat second half, whatever the first half did', () => {
    expect(secondHalfRise([10, 40, 70, 70, 70, 70])).toBeCloseTo(0);
  });

  it('is the fitted rise from the first to the last sample of the second half', () => {
    expect(secondHalfRise([0, 0, 0, 0, 100, 101, 102, 103])).toBeCloseTo(3);
  });

  it('is not fooled by one high sample in the middle', () => {
    expect(secondHalfRise([0, 0, 0, 50, 50, 90, 50, 50])).toBeLessThan(5);
  });
});
