/**
 * Resident memory over a long run: samples taken after a full garbage collection (so they show what is kept,
 * not what is waiting to be collected), and the rise across the run's second half from a least-squares line,
 * which one noisy sample cannot fake or hide.
 */
const gc = (globalThis as { gc?: () => void }).gc;

export interface MemorySample {
  readonly rssMb: number;
  /** JavaScript heap in use: where a leak of our own objects would show first. */
  readonly heapMb: number;
}

export function sampleMemory(): MemorySample {
  gc?.();
  const m = process.memoryUsage();
  return { rssMb: m.rss / 1e6, heapMb: m.heapUsed / 1e6 };
}

/** Fitted rise (MB) from the first to the last of the second half of `samples`. */
export function secondHalfRise(samples: readonly number[]): number {
  const half = samples.slice(Math.floor(samples.length / 2));
  const n = half.length;
  if (n < 2) return Number.NaN;
  const meanX = (n - 1) / 2;
  const meanY = half.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  half.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return (num / den) * (n - 1);
}
