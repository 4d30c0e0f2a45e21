import { describe, expect, it } from 'vitest';
import { formatElapsed } from '../../../renderer/ui/elapsed';

describe('formatElapsed', () => {
  it('writes minutes and seconds, adding hours only past the hour', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_723_000)).toBe('1:02:03');
  });

  it('never shows a negative time when the clocks disagree', () => {
    expect(formatElapsed(-5_000)).toBe('0:00');
  });
});
