/**
 * The soak suites' one verdict: after every cart, no child process is left, and descriptors, active handles
 * and the heap are no higher than after the first cart (the heap within `heapSlackBytes`, GC being inexact).
 */
import { expect } from 'vitest';
import { grownHandles, type ResourceSample } from './resources';

export function expectNoGrowth(samples: readonly ResourceSample[], heapSlackBytes: number): void {
  const [first] = samples;
  if (!first) throw new Error('no cart ran');
  for (const [index, sample] of samples.entries()) {
    const label = `after cart ${index + 1}`;
    expect(sample.children, label).toBe(0);
    expect(sample.fds, label).toBeLessThanOrEqual(first.fds);
    expect(grownHandles(first, sample), label).toEqual([]);
    expect(sample.heapUsedBytes, label).toBeLessThanOrEqual(first.heapUsedBytes + heapSlackBytes);
  }
}
