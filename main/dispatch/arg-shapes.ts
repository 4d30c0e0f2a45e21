/**
 * The small shape checks every channel's validator is built from. Each refusal names the channel or field and
 * what it needs, so a caller can fix the request from the message alone.
 */
import { normalizeEcid } from '../cfgutil/ecid';
import { invalidRequest } from '../errors/bench-error';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The single object argument of a channel that takes one. */
export function one(args: readonly unknown[], channel: string): Record<string, unknown> {
  if (args.length !== 1 || !isRecord(args[0])) throw invalidRequest(`${channel} takes one object argument.`);
  return args[0];
}

/** The empty argument list of a channel that takes none. */
export function none(args: readonly unknown[], channel: string): [] {
  if (args.length !== 0) throw invalidRequest(`${channel} takes no arguments.`);
  return [];
}

/** Text of bounded length, or a refusal that names the field. */
export function text(value: unknown, field: string, max: number, min = 1): string {
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    throw invalidRequest(`${field} must be text of ${min} to ${max} characters.`);
  }
  return value;
}

/** A whole number within bounds, or a refusal that names the field. */
export function boundedInteger(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidRequest(`${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/** An ECID in any accepted spelling, returned in normal form. */
export function ecidArg(value: unknown, field = 'ecid'): string {
  const ecid = normalizeEcid(value);
  if (!ecid) throw invalidRequest(`${field} must be an ECID such as 0x8294E3A41001C.`);
  return ecid;
}
