/**
 * Whether a device is on the operator's ignore list. ECIDs compare by numeric value (cfgutil prints them
 * without leading zeros, `exec` and people may pad them to 13 or 16 hex digits, in either case); serials
 * compare with case and spaces ignored. A device whose ECID or serial is not a value at all never matches:
 * the caller decides what an unknown serial means (it holds the device).
 */
import { parseEcid } from '../../cfgutil/ecid';

export interface IgnoreLists {
  readonly ignoreEcids: readonly string[];
  readonly ignoreSerials: readonly string[];
}

/** `f9fx q0a1 hg7q` → `F9FXQ0A1HG7Q`; undefined for anything that is not text with a character in it. */
export function serialKey(serial: unknown): string | undefined {
  if (typeof serial !== 'string') return undefined;
  const key = serial.replace(/\s+/g, '').toUpperCase();
  return key === '' ? undefined : key;
}

export function ecidIgnored(ecid: string, lists: IgnoreLists): boolean {
  const value = parseEcid(ecid);
  if (value === undefined) return false;
  return lists.ignoreEcids.some((entry) => parseEcid(entry) === value);
}

export function serialIgnored(serial: unknown, lists: IgnoreLists): boolean {
  const key = serialKey(serial);
  if (key === undefined) return false;
  return lists.ignoreSerials.some((entry) => serialKey(entry) === key);
}
