/**
 * A small, strict flag parser for the CLI: `--name value`, `--name=value` and boolean `--flag`.
 *
 * Unknown flags are errors that name the flag, so a typo never silently changes what the bench does.
 */
export interface FlagSpec {
  readonly [name: string]: 'string' | 'boolean';
}

export type ParsedFlags<S extends FlagSpec> = {
  readonly [K in keyof S]?: S[K] extends 'string' ? string : boolean;
};

export interface ParsedArgs<S extends FlagSpec> {
  readonly flags: ParsedFlags<S>;
  readonly positional: readonly string[];
}

export class UsageError extends Error {}

/** `unknown option --jsno (did you mean --json?)`: the nearest known name, when one is near enough. */
export function unknownOption(name: string, known: readonly string[]): string {
  const near = closest(name, known);
  return `unknown option --${name}${near ? ` (did you mean --${near}?)` : ''}`;
}

/**
 * The known word nearest to a typo by edit distance, or undefined when none is near: at most a third of the
 * word's length (at least 1, at most 3) away, so `--jsno` finds `--json` and `--banana` finds nothing.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance with adjacent transpositions counted as one edit (`jsno` → `json` is 1). */
export function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length); // an option is never this long
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      let d = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = d;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}

export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S): ParsedArgs<S> {
  const flags: Record<string, string | boolean> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [rawName, inlineValue] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[rawName];
    if (!kind) throw new UsageError(unknownOption(rawName, Object.keys(spec)));
    if (kind === 'boolean') {
      if (inlineValue !== undefined) throw new UsageError(`--${rawName} takes no value`);
      flags[rawName] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${rawName} needs a value`);
    flags[rawName] = value;
  }
  return { flags: flags as ParsedFlags<S>, positional };
}

/** Parses a TCP port flag; 0 means "any free port". */
export function parsePort(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${text}"`);
  }
  return port;
}
