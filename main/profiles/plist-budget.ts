/**
 * How much a profile's property list may hold once read, and the words for a file that would exceed it.
 *
 * Both formats are measured BEFORE anything is expanded (see measure-binary-plist.ts and measure-xml-plist.ts).
 * An Intune enrollment profile holds about sixty values and a few kilobytes of text; the limits are two orders of
 * magnitude above any real profile and low enough that reading a file at the limit takes a few tens of
 * milliseconds and a few tens of megabytes (test/bench/profile-parse.bench.ts measures it).
 */

/** Values (strings, numbers, arrays, dictionaries...) in the fully expanded tree. */
export const MAX_PLIST_VALUES = 20_000;
/** Bytes of the tree written out in full: every shared object counted each time it is referenced. */
export const MAX_EXPANDED_BYTES = 10 * 1024 * 1024;
/** Arrays and dictionaries inside one another. Real profiles nest about five deep. */
export const MAX_PLIST_DEPTH = 64;

/**
 * XML costs far more to parse than binary (the XML parser builds a DOM, about 60 ns per character of text and
 * half a microsecond per entity or attribute), so XML text gets its own, smaller budget: at these limits
 * the one synchronous parse stays under about 100 ms.
 */
export const MAX_XML_CHARS = 1024 * 1024;
export const MAX_XML_REFERENCES = 20_000;

/** Why a property list was refused before it was read. */
export type PlistProblem =
  | { readonly kind: 'malformed'; readonly detail: string }
  | { readonly kind: 'expands'; readonly expandedBytes: number }
  | { readonly kind: 'too-many-values'; readonly values: number }
  | { readonly kind: 'too-deep'; readonly depth: number }
  | { readonly kind: 'misplaced-binary' }
  | { readonly kind: 'xml-too-long'; readonly chars: number }
  | { readonly kind: 'xml-too-many-references'; readonly references: number };

/** "199 MB", "1.1 TB", "more than 1,000 TB": for numbers that may be astronomically large. */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  if (value >= 1000) return 'more than 1,000 TB';
  const shown = unit === 0 || value >= 10 ? Math.round(value).toString() : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** Checks one measurement against the budget; undefined when it fits. */
export function overBudget(measure: {
  readonly values: number;
  readonly expandedBytes: number;
  readonly depth: number;
}): PlistProblem | undefined {
  if (measure.expandedBytes > MAX_EXPANDED_BYTES)
    return { kind: 'expands', expandedBytes: measure.expandedBytes };
  if (measure.values > MAX_PLIST_VALUES) return { kind: 'too-many-values', values: measure.values };
  if (measure.depth > MAX_PLIST_DEPTH) return { kind: 'too-deep', depth: measure.depth };
  return undefined;
}
