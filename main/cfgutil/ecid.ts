/**
 * ECID parsing and formatting.
 *
 * cfgutil prints `0x` + upper-case hex without leading zeros, but `exec` can pass leading zeros and wrappers
 * pass lower case (../shared/reference/cfgutil.md §2.1). So ECIDs are compared as numbers and stored in one
 * normal form.
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

/** Modern UDID for an ECID: chip ID, dash, ECID zero-padded to 16 hex digits (../shared/reference/platform.md §2.2). */
export function udidFor(chipId: number, ecid: bigint): string {
  const chip = chipId.toString(16).toUpperCase().padStart(8, '0');
  return `${chip}-${ecid.toString(16).toUpperCase().padStart(16, '0')}`;
}
