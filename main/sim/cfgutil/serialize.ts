/**
 * Turns a cfgutil result object into JSON or XML-plist text (§6.1 of main/cfgutil/README.md).
 */
import { build, type PlistValue } from 'plist';

/** Converts plain data to a plist value; `undefined` members are dropped as JSON.stringify does. */
function toPlist(value: unknown): PlistValue {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.map(toPlist);
  if (typeof value === 'object') {
    const out: { [key: string]: PlistValue } = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toPlist(member);
    return out;
  }
  return String(value);
}

/** JSON (compact as cfgutil 2.20 prints it, or 2-space pretty) or plist, ending in a newline. */
export function serialize(value: unknown, format: 'json' | 'plist', style: 'compact' | 'pretty'): string {
  if (format === 'plist') return `${build(toPlist(value))}\n`;
  return `${style === 'pretty' ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`;
}

/** A value as text mode prints it: booleans as yes/no (§6.2), lists as their identifiers. */
export function textValue(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    return value
      .map((item: unknown) => {
        if (item && typeof item === 'object') {
          const record = item as Record<string, unknown>;
          return String(record.identifier ?? record.bundleIdentifier ?? JSON.stringify(item));
        }
        return String(item);
      })
      .join(', ');
  }
  if (value && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
