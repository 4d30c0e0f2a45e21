/**
 * Parses profile bytes (XML or binary plist) into plain values, never throwing.
 *
 * plist@5 treats any `Uint8Array` as a *binary* plist, so XML is decoded to a string first
 * (../shared/reference/platform.md §6.1). Binary input is structure-checked before parsing
 * (see check-binary-plist.ts).
 */
import { parse, parseBinary, type PlistValue } from 'plist';
import { checkBinaryPlist } from './check-binary-plist';

export type PlistDict = { readonly [key: string]: PlistValue };

export type ParsePlistResult =
  | { readonly ok: true; readonly root: PlistDict; readonly container: 'xml-plist' | 'binary-plist' }
  | {
      readonly ok: false;
      readonly reason: 'malformed' | 'not-dictionary';
      readonly container: 'xml-plist' | 'binary-plist';
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

const BPLIST_MAGIC = 'bplist00';

function isBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 8)) === BPLIST_MAGIC;
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

export function parsePlist(bytes: Uint8Array): ParsePlistResult {
  const container = isBinary(bytes) ? 'binary-plist' : 'xml-plist';
  let root: PlistValue;
  try {
    if (container === 'binary-plist') {
      if (checkBinaryPlist(bytes) !== undefined) return { ok: false, reason: 'malformed', container };
      root = parseBinary(bytes);
    } else {
      root = quietly(() => parse(new TextDecoder('utf-8').decode(bytes)));
    }
  } catch {
    return { ok: false, reason: 'malformed', container };
  }
  if (!isDict(root)) return { ok: false, reason: 'not-dictionary', container };
  return { ok: true, root, container };
}
