/**
 * Finds cfgutil's `(Domain: <domain> Code: <code>)` suffix in one stderr line (main/cfgutil/README.md §6.2).
 *
 * Written with `search`/sticky matching instead of one regular expression on purpose: the earlier
 * `/\(Domain:\s*(.*?)\s+Code:…/` had three quantifiers that could all match the same spaces, so one stderr line of
 * `(Domain: ` followed by a few thousand spaces took over a minute. Here every character is looked at a bounded
 * number of times. NSError domains are arbitrary strings (in practice reverse-DNS names such as
 * `ConfigurationUtilityKit.error`), so the domain is everything between the two labels, spaces included.
 */

/** Where the suffix sits in the line, and its two values as printed. */
export interface DomainSuffix {
  /** The domain, trimmed; may contain spaces. */
  readonly domain: string;
  /** The code as printed: decimal (possibly negative) or `0x` hex. */
  readonly code: string;
  /** Index of the opening parenthesis. */
  readonly start: number;
  /** Index just past the closing parenthesis. */
  readonly end: number;
}

const OPEN = '(domain:';
/** The code's value and the closing parenthesis, anchored (sticky) right after a `Code:` label. */
const CODE_VALUE = /\s*(-?\d+|0x[0-9a-f]+)\s*\)/iy;
const SPACE = /\s/;

/** The first `(Domain: … Code: …)` suffix in `line`, or undefined when there is none. Runs in linear time. */
export function findDomainSuffix(line: string): DomainSuffix | undefined {
  // A literal pattern: the engine scans for it in one pass.
  const start = line.search(/\(domain:/i);
  if (start < 0) return undefined;
  const domainFrom = start + OPEN.length;
  const label = /code:/gi;
  label.lastIndex = domainFrom;
  for (let found = label.exec(line); found; found = label.exec(line)) {
    const before = line[found.index - 1] ?? '';
    if (found.index <= domainFrom || !SPACE.test(before)) continue;
    CODE_VALUE.lastIndex = label.lastIndex;
    const value = CODE_VALUE.exec(line);
    if (!value?.[1]) continue;
    return {
      domain: line.slice(domainFrom, found.index).trim(),
      code: value[1],
      start,
      end: CODE_VALUE.lastIndex,
    };
  }
  return undefined;
}
