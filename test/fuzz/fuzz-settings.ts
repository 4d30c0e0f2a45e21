/**
 * One place for the fuzz suites' seed and run counts. CI runs a short, fixed-seed pass with the unit tests;
 * `npm run fuzz -- --runs N [--seed S]` (test/fuzz/run-fuzz.mjs) sets FUZZ_RUNS and FUZZ_SEED for long runs.
 * A failure prints fast-check's seed and path, so any case replays exactly.
 */
import type { Parameters as FcParameters } from 'fast-check';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 0x5eed2026);

function runsFromEnv(): number | undefined {
  const value = Number(process.env.FUZZ_RUNS);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** fast-check parameters: the fixed seed, and `ciRuns` unless a long run asked for more. */
export function fuzzParameters<T>(ciRuns: number): FcParameters<T> {
  return { seed: FUZZ_SEED, numRuns: runsFromEnv() ?? ciRuns, endOnFailure: true };
}

/** A long run needs a long test timeout; CI keeps vitest's. */
export const FUZZ_TIMEOUT_MS = runsFromEnv() ? 24 * 3600_000 : 60_000;

/** Text with no C0/C1 control character, bidi control or lone surrogate: what the sanitiser guarantees. */
export function isSafeText(text: string): boolean {
  for (const c of text) {
    const n = c.codePointAt(0) ?? 0;
    if (n < 0x20 || (n >= 0x7f && n <= 0x9f)) return false;
    if ((n >= 0x202a && n <= 0x202e) || (n >= 0x2066 && n <= 0x2069)) return false;
    if (n >= 0xd800 && n <= 0xdfff) return false;
  }
  return true;
}

/** Rejects if `work` does not settle within `ms`: a safety net only; the suites bound work by counting. */
export async function within<T>(ms: number, label: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
