/**
 * Turns whatever a service hands the log (strings from cfgutil, paths a page chose, errors, objects) into
 * plain JSON data that is safe to write and to read in a terminal: every string and key through the one
 * sanitiser (main/text/sanitize-text.ts: control and bidi characters made visible, line breaks made spaces,
 * length capped), arrays, objects and depth capped, bytes never dumped, values under secret-looking
 * keys withheld. JSON Lines then keeps every record on one line whatever the text held.
 */
import { BenchError } from '../errors/bench-error';
import { sanitizeText } from '../text/sanitize-text';

export type LogValue = string | number | boolean | null | LogValue[] | { [key: string]: LogValue };

const MAX_STRING = 300;
const MAX_ITEMS = 20;
const MAX_KEYS = 30;
const MAX_DEPTH = 4;

/** A log value's text, cleaned and capped by the shared sanitiser. */
export function cleanLogText(text: string, max = MAX_STRING): string {
  return sanitizeText(text, { maxLength: max });
}

/** Keys whose values are secrets wherever they appear (the .p12 password, a SCEP challenge, the token). */
const SECRET_KEY = /password|passphrase|challenge|secret|token|private.?key|database64|^key$/i;

function errorFields(error: Error, depth: number): { [key: string]: LogValue } {
  const fields: { [key: string]: LogValue } = {
    name: cleanLogText(error.name),
    message: cleanLogText(error.message),
  };
  if (error instanceof BenchError) {
    fields.code = error.info.code;
    fields.title = cleanLogText(error.info.title);
  } else {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') fields.code = toLogValue(code, depth + 1);
  }
  return fields;
}

export function toLogValue(value: unknown, depth = 0): LogValue {
  switch (typeof value) {
    case 'string':
      return cleanLogText(value);
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
    case 'symbol':
    case 'function':
      return `[${typeof value}]`;
    case 'object':
      return objectToLogValue(value, depth);
  }
}

function objectToLogValue(value: object | null, depth: number): LogValue {
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return errorFields(value, depth);
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item: unknown) => toLogValue(item, depth + 1));
    if (value.length > MAX_ITEMS) items.push(`… ${value.length - MAX_ITEMS} more`);
    return items;
  }
  const out: { [key: string]: LogValue } = {};
  const entries = Object.entries(value);
  for (const [key, item] of entries.slice(0, MAX_KEYS)) {
    const cleanKey = cleanLogText(key, 60);
    out[cleanKey] = SECRET_KEY.test(key) ? '[withheld]' : toLogValue(item, depth + 1);
  }
  if (entries.length > MAX_KEYS) out['…'] = `${entries.length - MAX_KEYS} more keys`;
  return out;
}
