import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RepeatCounter } from '../../../main/diagnostics/repeat-counter';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('RepeatCounter', () => {
  it('admits the first of a kind, counts its repeats, and reports them once the window closes', () => {
    const reported: [string, number][] = [];
    const counter = new RepeatCounter<string>({
      windowMs: 1000,
      onRepeats: (payload, count) => reported.push([payload, count]),
    });
    expect(counter.admit('a', 'A')).toBe(true);
    expect(counter.admit('a', 'A')).toBe(false);
    expect(counter.admit('a', 'A')).toBe(false);
    expect(counter.admit('b', 'B')).toBe(true);
    vi.advanceTimersByTime(1000);
    expect(reported).toEqual([['A', 2]]);
    expect(counter.admit('a', 'A')).toBe(true);
  });

  it('flushes pending counts on demand, and stops tracking beyond maxKinds', () => {
    const reported: number[] = [];
    const counter = new RepeatCounter<number>({
      windowMs: 60_000,
      maxKinds: 2,
      onRepeats: (payload, count) => reported.push(payload * 100 + count),
    });
    counter.admit('1', 1);
    counter.admit('1', 1);
    counter.admit('2', 2);
    expect(counter.admit('3', 3)).toBe(true);
    expect(counter.admit('3', 3)).toBe(true);
    counter.flush();
    expect(reported).toEqual([101]);
  });
});
