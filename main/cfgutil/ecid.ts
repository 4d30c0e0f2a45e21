/**
 * ECID parsing, comparing and formatting: the one helper every area uses (the jobs, admission, the ignore
 * list, the CLI, the log).
 *
 * cfgutil prints `0x` + upper-case hex zero-padded to at least 13 digits (`0x004F709DB29F9`) in JSON keys,
 * `AffectedDevices` and the `exec` environment, and accepts bare lower-case hex with `-e` (README.md in this
 * folder, "ECIDs"). So ECIDs are compared by value (`sameEcid`), stored in one normal form (`normalizeEcid`)
 * and shown as cfgutil prints them (`cfgutilEcid`).
 */
import type { Ecid } from '../../preload/domain';

const HEX_ECID = /^\s*(?:0x)?([0-9a-f]{1,16})\s*$/i;

/** Parses an ECID in any case, with or without `0x` and leading zeros. Undefined when it is not one. */
export function parseEcid(text: unknown): bigint | undefined {
  if (typeof text !== 'string') return undefined;
  const match = HEX_ECID.exec(text);
  if (!match?.[1]) return undefined;
  const value = BigInt(`0x${match[1]}`);
  return value === 0n ? undefined : value;
}

/** The normal form: `0x` + upper-case hex, no leading zeros. */
export function formatEcid(value: bigint): Ecid {
  return `0x${value.toString(16).toUpperCase()}`;
}

/** Normalises any accepted spelling of an ECID; undefined when the text is not an ECID. */
export function normalizeEcid(text: unknown): Ecid | undefined {
  const value = parseEcid(text);
  return value === undefined ? undefined : formatEcid(value);
}

/** cfgutil pads printed ECIDs to this many hex digits (longer ECIDs print in full). */
export const CFGUTIL_ECID_DIGITS = 13;

/** An ECID value as cfgutil prints it: `0x` + upper-case hex, zero-padded to 13 digits. */
export function formatCfgutilEcid(value: bigint): string {
  return `0x${value.toString(16).toUpperCase().padStart(CFGUTIL_ECID_DIGITS, '0')}`;
}

/** Any accepted spelling of an ECID, shown as cfgutil prints it; undefined when the text is not an ECID. */
export function cfgutilEcid(text: unknown): string | undefined {
  const value = parseEcid(text);
  return value === undefined ? undefined : formatCfgutilEcid(value);
}

/** True when both are ECIDs with the same value, however each is spelt (case, `0x`, leading zeros). */
export function sameEcid(a: unknown, b: unknown): boolean {
  const left = parseEcid(a);
  return left !== undefined && left === parseEcid(b);
}

/** Modern UDID for an ECID: chip ID, dash, ECID zero-padded to 16 hex digits (main/cfgutil/README.md §2.1). */
export function udidFor(chipId: number, ecid: bigint): string {
  const chip = chipId.toString(16).toUpperCase().padStart(8, '0');
  return `${chip}-${ecid.toString(16).toUpperCase().padStart(16, '0')}`;
}
