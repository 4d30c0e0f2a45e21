/**
 * Finds the complete JSON objects in cfgutil's stdout, ignoring everything around them.
 *
 * With `--format JSON` cfgutil normally prints one envelope, compact or pretty (main/cfgutil/README.md
 * §6.1), but progress records or warnings can precede it (§6.3), and a killed process leaves a truncated object.
 * The app rule is to take the last complete object and treat the rest as noise, so this module only locates
 * objects; deciding which one is the envelope is parse-output's job.
 */

/** A JSON object found in the text, with where it ended (for ordering and for the log). */
export interface FoundObject {
  readonly value: Readonly<Record<string, unknown>>;
  readonly end: number;
}

/** Stops pathological input (thousands of unterminated `{` lines) from costing more than a few linear passes. */
const SCAN_BUDGET_FACTOR = 8;
const SCAN_BUDGET_FLOOR = 1_000_000;

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tryParseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Index just past the brace that closes the object opened at `start`, or -1; strings are skipped. */
function findObjectEnd(text: string, start: number): { end: number; scanned: number } {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === BACKSLASH) escaped = true;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return { end: i + 1, scanned: i + 1 - start };
      if (depth < 0) return { end: -1, scanned: i + 1 - start };
    }
  }
  return { end: -1, scanned: text.length - start };
}

/** Positions of `{` that open a line (after optional blanks): where cfgutil's objects start, compact or pretty. */
function lineStartBraces(text: string): number[] {
  const found: number[] = [];
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') atLineStart = true;
    else if (c === '{' && atLineStart) {
      found.push(i);
      atLineStart = false;
    } else if (c !== ' ' && c !== '\t' && c !== '\uFEFF') atLineStart = false;
  }
  return found;
}

/**
 * Every top-level JSON object that starts a line, in order of appearance.
 *
 * Objects nested inside an object already found are not reported separately. Never throws.
 */
export function findJsonObjects(text: string): FoundObject[] {
  const whole = text.trim().replace(/^\uFEFF/, '');
  if (whole.startsWith('{')) {
    const value = tryParseObject(whole);
    if (value) return [{ value, end: text.length }];
  }
  const found: FoundObject[] = [];
  let budget = SCAN_BUDGET_FACTOR * text.length + SCAN_BUDGET_FLOOR;
  let cursor = 0;
  for (const start of lineStartBraces(text)) {
    if (start < cursor) continue;
    const { end, scanned } = findObjectEnd(text, start);
    budget -= scanned;
    if (end > 0) {
      const value = tryParseObject(text.slice(start, end));
      if (value) {
        found.push({ value, end });
        cursor = end;
      }
    }
    if (budget <= 0) break;
  }
  return found;
}
