/**
 * Parses profile bytes (XML or binary plist) into plain values, never throwing, and never expanding anything
 * before its expanded size and work are known to fit the budget (plist-budget.ts).
 *
 * Binary plists go through our own measured reader (measure-binary-plist.ts, read-binary-plist.ts). XML is
 * decoded to a string (plist@5 would treat any `Uint8Array` as binary, ./README.md P11),
 * scanned (measure-xml-plist.ts) and only then handed to the XML parser. Text that is not XML is refused here
 * rather than passed on, because plist@5 would read `bplist…` text as binary without any check and `{`/`(` as
 * the old OpenStep format, which no profile uses.
 */
import { parse, type PlistValue } from 'plist';
import { readBinaryPlistGraph } from './binary-plist-graph';
import { checkBinaryPlistBudget } from './measure-binary-plist';
import { checkXmlPlistBudget } from './measure-xml-plist';
import type { PlistProblem } from './plist-budget';
import { readBinaryPlist } from './read-binary-plist';

export type PlistDict = { readonly [key: string]: PlistValue };

export type PlistContainer = 'xml-plist' | 'binary-plist';

export type ParsePlistResult =
  | { readonly ok: true; readonly root: PlistDict; readonly container: PlistContainer }
  | {
      readonly ok: false;
      readonly reason: 'malformed' | 'not-dictionary' | 'over-budget';
      readonly container: PlistContainer;
      /** What exactly is wrong, for the finding's words (never contains file content). */
      readonly problem?: PlistProblem;
    };

export function isDict(value: unknown): value is PlistDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array) &&
    !(value instanceof Date)
  );
}

const BPLIST_MAGIC = [0x62, 0x70, 0x6c, 0x69, 0x73, 0x74, 0x30, 0x30]; // "bplist00"

function binaryAt(bytes: Uint8Array, at: number): boolean {
  return BPLIST_MAGIC.every((b, i) => bytes[at + i] === b);
}

/** Offset of the first byte after a UTF-8 byte-order mark and any ASCII whitespace. */
function contentStart(bytes: Uint8Array): number {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at] ?? 0)) at++;
  return at;
}

/**
 * Runs a synchronous parse with `console.error` muted.
 *
 * xmldom (inside plist) prints parse errors, with snippets of the document, to `console.error`; the document may
 * hold the SCEP challenge, so nothing of it may reach a terminal or log. Synchronous, so nothing else can run
 * while the console is swapped.
 */
function quietly<T>(fn: () => T): T {
  const original = console.error;
  console.error = () => {};
  try {
    return fn();
  } finally {
    console.error = original;
  }
}

type Failure = Extract<ParsePlistResult, { ok: false }>;
/** A parsed value, or the refusal; wrapped so that no parsed dictionary can ever be mistaken for a refusal. */
type Parsed = { readonly value: PlistValue } | { readonly failure: Failure };

const failed = (container: PlistContainer, problem: PlistProblem): { readonly failure: Failure } => ({
  failure: {
    ok: false,
    reason: problem.kind === 'malformed' || problem.kind === 'misplaced-binary' ? 'malformed' : 'over-budget',
    container,
    problem,
  },
});

function parseBinaryBounded(bytes: Uint8Array): Parsed {
  const graph = readBinaryPlistGraph(bytes);
  if ('kind' in graph) return failed('binary-plist', graph);
  const measure = checkBinaryPlistBudget(graph);
  if ('kind' in measure) return failed('binary-plist', measure);
  return { value: readBinaryPlist(graph) };
}

function parseXmlBounded(bytes: Uint8Array, start: number): Parsed {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start));
  if (!text.startsWith('<')) return failed('xml-plist', { kind: 'malformed', detail: 'not XML' });
  const measure = checkXmlPlistBudget(text);
  if ('kind' in measure) return failed('xml-plist', measure);
  return { value: quietly(() => parse(text)) };
}

function parseBounded(bytes: Uint8Array, start: number, container: PlistContainer): Parsed {
  if (container === 'xml-plist') return parseXmlBounded(bytes, start);
  if (start === 0) return parseBinaryBounded(bytes);
  // A binary plist behind a byte-order mark or spaces: Apple's tools never write one and iOS reads binary
  // plists from the first byte. Measured anyway, so a bomb behind the mark is named as the bomb it is.
  const inner = parseBinaryBounded(bytes.subarray(start));
  if ('failure' in inner && inner.failure.reason === 'over-budget') return inner;
  return failed(container, { kind: 'misplaced-binary' });
}

export function parsePlist(bytes: Uint8Array): ParsePlistResult {
  const start = contentStart(bytes);
  const container: PlistContainer = binaryAt(bytes, start) ? 'binary-plist' : 'xml-plist';
  let parsed: Parsed;
  try {
    parsed = parseBounded(bytes, start, container);
  } catch {
    return { ok: false, reason: 'malformed', container };
  }
  if ('failure' in parsed) return parsed.failure;
  if (!isDict(parsed.value)) return { ok: false, reason: 'not-dictionary', container };
  return { ok: true, root: parsed.value, container };
}
