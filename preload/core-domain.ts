/**
 * The words every other vocabulary file builds on: the device key and the error shape. Its own module so
 * ./domain.ts (which holds the bench snapshot, and with it the jobs) and ./jobs-domain.ts both import it and
 * neither imports the other back. Same rules as ./domain.ts: pure types and constants, JSON-safe.
 */

/**
 * A device's ECID, normalised: `0x` + upper-case hex without leading zeros (`0x8294E3A41001C`).
 *
 * The ECID is present in every USB mode (normal, recovery, DFU), so it is the primary key
 * (main/devices/README.md D2). Compare numerically, never as raw strings.
 */
export type Ecid = string;

/**
 * Every failure the bench can report, as a closed union.
 *
 * Branch on these codes, never on cfgutil's message text: cfgutil's messages are localised.
 */
export type ErrorCode =
  | 'needs-user-approval'
  | 'already-prepared'
  | 'configuration-unavailable'
  | 'not-activated'
  | 'passcode-locked'
  | 'trust-pending'
  | 'trust-denied'
  | 'pairing-prohibited'
  | 'device-disconnected'
  | 'device-busy'
  | 'activation-locked'
  | 'mac-out-of-date'
  | 'no-devices-found'
  | 'value-missing'
  | 'set-prohibited'
  | 'network-unavailable'
  | 'no-such-profile'
  | 'output-unparseable'
  | 'cfgutil-missing'
  | 'cfgutil-not-executable'
  | 'timed-out'
  /** The bench asked whether to erase a device in use, and nobody answered before the wait ran out. */
  | 'in-use-unanswered'
  /** The bench could not tell who manages a device before the wait ran out (unknown fails closed). */
  | 'manager-unknown'
  | 'cancelled'
  | 'invalid-request'
  | 'internal'
  | 'unknown';

/** An error as it crosses a process boundary: a code plus one plain-language description with the fix. */
export interface ErrorInfo {
  readonly code: ErrorCode;
  /** Short headline, for example "Tap Trust on the device". */
  readonly title: string;
  /** What happened and what the operator should do. */
  readonly detail: string;
  readonly retryable: boolean;
  readonly ecid?: Ecid;
  /** cfgutil's own numeric code, when there was one (kept for the log and for `unknown`). */
  readonly cfgutilCode?: number;
  /** cfgutil's original message (possibly localised), for the log only. */
  readonly originalMessage?: string;
  /**
   * A refused form names the field at fault (a workflow: `steps.2.skipPanes`, see ./workflow-fields.ts), and
   * `detail` is then one sentence for that field, so the UI shows it next to the field.
   */
  readonly field?: string;
}

/** Outcome of every invoke call: expected failures travel as data, never as rejections. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };
