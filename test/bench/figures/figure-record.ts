/**
 * One benchmark figure as `npm run bench -- --json FILE` writes it, and how a figure script hands it to the
 * driver (test/bench/run-benchmarks.mjs): one JSON line per record, appended to the file named by
 * `BENCH_FIGURES_OUT` (stdout when unset, for running a figure by hand).
 */
import { appendFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface FigureRecord {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The target as text, e.g. "<= 3" or "< 200". */
  readonly target: string;
  readonly met: boolean;
  /** How it was measured, in a few words (devices, window, scale). */
  readonly note?: string;
  /** The machine's 1-minute load average when the figure was taken: how shared the two cores were. */
  readonly load?: number;
}

export type Comparison = '<=' | '<' | '>=' | '>';

export function compare(value: number, op: Comparison, bound: number): boolean {
  switch (op) {
    case '<=':
      return value <= bound;
    case '<':
      return value < bound;
    case '>=':
      return value >= bound;
    case '>':
      return value > bound;
  }
}

/** A figure with a target: `met` is computed here, never written by hand. */
export function figure(
  name: string,
  value: number,
  unit: string,
  target: readonly [Comparison, number],
  note?: string,
): FigureRecord {
  const [op, bound] = target;
  return {
    name,
    value,
    unit,
    target: `${op} ${bound}`,
    met: Number.isFinite(value) && compare(value, op, bound),
    ...(note ? { note } : {}),
  };
}

/** A figure reported for information, with no target of its own (its target is on a sibling figure). */
export function info(name: string, value: number, unit: string, note?: string): FigureRecord {
  return { name, value, unit, target: 'none', met: true, ...(note ? { note } : {}) };
}

export function emit(records: readonly FigureRecord[]): void {
  const out = process.env.BENCH_FIGURES_OUT;
  const load = Number(loadavg()[0]?.toFixed(1));
  const text = records.map((r) => JSON.stringify({ ...r, load }) + '\n').join('');
  if (out) appendFileSync(out, text);
  else process.stdout.write(text);
}

/** `--quick` on the figure's command line: the reduced set CI runs. */
export const quick = process.argv.includes('--quick');

/** Progress for the person watching (stderr, so it never mixes with records). */
export function say(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));
