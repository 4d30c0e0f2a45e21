/**
 * The error model for cfgutil: its numeric codes → our `ErrorCode`, and `CfgutilError`.
 *
 * cfgutil's messages are localised to the Mac's language (main/cfgutil/README.md §7.1), so
 * classification goes by `Code`. A handful of situations have no known code; for those, and only when the code
 * does not classify, one explicit table of English substrings is consulted.
 */
import { sanitizeText } from '../text/sanitize-text';
import type { Ecid, ErrorCode, ErrorInfo } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import { describe } from './describe-error';
import type { RawCfgutilError } from './parse-output';
import type { CfgutilRun } from './run-cfgutil';

/**
 * Known cfgutil / MobileDevice codes (§7.1, §8.1). The MobileDevice codes are the signed form of `0xE80000xx`.
 * These numbers are distinct across the domains cfgutil reports, so the domain is kept for the log only.
 */
export const CFGUTIL_CODES: ReadonlyMap<number, ErrorCode> = new Map<number, ErrorCode>([
  [625, 'needs-user-approval'],
  [612, 'already-prepared'],
  [33001, 'configuration-unavailable'],
  [401, 'mac-out-of-date'],
  [603, 'device-disconnected'],
  [-402653052, 'device-disconnected'], // 0xE8000084 kAMDDeviceDisconnectedError
  [-402653158, 'passcode-locked'], // 0xE800001A
  [-402653163, 'value-missing'], // 0xE8000015
  [-402653161, 'set-prohibited'], // 0xE8000017
  [-402653030, 'pairing-prohibited'], // 0xE800009A kAMDMCProtected
  [-402653034, 'trust-pending'], // 0xE8000096 kAMDPairingDialogResponsePendingError
  [-402653035, 'trust-denied'], // 0xE8000095 kAMDUserDeniedPairingError
]);

/**
 * Codes that only mean something together with their domain. Foundation's `NSURLErrorDomain` codes are small
 * negative numbers that other domains reuse, so they are matched only with that domain. They cover the Mac
 * being offline during `prepare` (§8.3 "the Mac needs Internet"), whose localised `Detail` text cannot be
 * relied on: NotConnectedToInternet −1009, TimedOut −1001, CannotFindHost −1003, CannotConnectToHost −1004,
 * NetworkConnectionLost −1005, DNSLookupFailed −1006, DataNotAllowed −1020.
 */
export const DOMAIN_CODES: ReadonlyMap<string, ReadonlyMap<number, ErrorCode>> = new Map([
  [
    'NSURLErrorDomain',
    new Map<number, ErrorCode>(
      [-1009, -1001, -1003, -1004, -1005, -1006, -1020].map((code) => [code, 'network-unavailable']),
    ),
  ],
]);

/** Which field of the error a fallback substring is looked for in. */
export type FallbackField = 'message' | 'detail';

/**
 * THE message-text fallback (§7.1 "a substring fallback; keep those in one table"). English only, matched
 * case-insensitively, and consulted only when the numeric code is absent or unknown. Includes the stderr-only
 * lines `cfgutil: error: no devices found` and `cfgutil: warning: no such profile` (§6.2, §3), and the
 * offline-prepare `Detail` (§6.1).
 */
export const MESSAGE_FALLBACKS: readonly {
  readonly field: FallbackField;
  readonly text: string;
  readonly code: ErrorCode;
}[] = [
  { field: 'message', text: 'already in use', code: 'device-busy' },
  { field: 'message', text: 'complete the activation process', code: 'activation-locked' },
  { field: 'message', text: 'the device is not activated', code: 'not-activated' },
  { field: 'message', text: 'no devices found', code: 'no-devices-found' },
  { field: 'message', text: 'no such profile', code: 'no-such-profile' },
  { field: 'detail', text: 'network communication error', code: 'network-unavailable' },
];

function fallbackFor(raw: RawCfgutilError): ErrorCode | undefined {
  const fields: Record<FallbackField, string> = {
    message: `${raw.message ?? ''}\n${raw.failureReason ?? ''}`.toLowerCase(),
    detail: (raw.detail ?? '').toLowerCase(),
  };
  return MESSAGE_FALLBACKS.find((entry) => fields[entry.field].includes(entry.text))?.code;
}

/** Our code for one cfgutil error: by number, then by domain and number, then the fallback table, else `unknown`. */
export function classifyCfgutilError(raw: RawCfgutilError): ErrorCode {
  const byCode = raw.code === undefined ? undefined : CFGUTIL_CODES.get(raw.code);
  const byDomain =
    raw.code === undefined || raw.domain === undefined
      ? undefined
      : DOMAIN_CODES.get(raw.domain)?.get(raw.code);
  return byCode ?? byDomain ?? fallbackFor(raw) ?? 'unknown';
}

/** Context carried by a `CfgutilError` for the log and for callers that re-read the device. */
export interface CfgutilErrorContext {
  readonly ecid?: Ecid;
  readonly run?: CfgutilRun;
  readonly cfgutilCode?: number;
  readonly originalMessage?: string;
  /** A sentence put before the standard detail when the operator must know which thing failed (a path). */
  readonly about?: string;
}

/** `ErrorInfo` for a code, with the words from `describe()`. `unknown` also shows what cfgutil said. */
export function errorInfo(code: ErrorCode, context: CfgutilErrorContext = {}): ErrorInfo {
  const words = describe(code);
  // cfgutil's words and a path from settings are outside text: one sanitiser, capped, before any message.
  const original = context.originalMessage === undefined ? undefined : sanitizeText(context.originalMessage);
  const about = context.about === undefined ? undefined : sanitizeText(context.about, { maxLength: 400 });
  const said = original?.trim();
  const saidText = said
    ? ` cfgutil said: "${said}"${context.cfgutilCode === undefined ? '' : ` (code ${context.cfgutilCode})`}.`
    : '';
  return {
    code,
    title: words.title,
    detail: `${about ? `${about} ` : ''}${words.detail}${code === 'unknown' ? saidText : ''}`,
    retryable: words.retryable,
    ...(context.ecid === undefined ? {} : { ecid: context.ecid }),
    ...(context.cfgutilCode === undefined ? {} : { cfgutilCode: context.cfgutilCode }),
    ...(original === undefined ? {} : { originalMessage: original }),
  };
}

/**
 * A failed cfgutil command. The `info` is what crosses to the UI; `ecid` and `run` (argv, exit code, output)
 * stay in main for the log and for callers that must re-read the device (625 and −402653052 are often not real
 * failures, §7.2).
 */
export class CfgutilError extends BenchError {
  readonly ecid?: Ecid;
  readonly run?: CfgutilRun;

  constructor(info: ErrorInfo, context: { readonly ecid?: Ecid; readonly run?: CfgutilRun } = {}) {
    super(info);
    this.name = 'CfgutilError';
    this.ecid = context.ecid ?? info.ecid;
    this.run = context.run;
  }
}

/** A `CfgutilError` for one of our codes. */
export function cfgutilError(code: ErrorCode, context: CfgutilErrorContext = {}): CfgutilError {
  return new CfgutilError(errorInfo(code, context), context);
}

/** A `CfgutilError` for an error cfgutil printed, classified by code (then the fallback table). */
export function cfgutilErrorFromRaw(raw: RawCfgutilError, context: CfgutilErrorContext = {}): CfgutilError {
  const message = [raw.message, raw.detail].filter((part) => part !== undefined && part !== '').join(' — ');
  return cfgutilError(classifyCfgutilError(raw), {
    ...context,
    ...(raw.code === undefined ? {} : { cfgutilCode: raw.code }),
    ...(message === '' ? {} : { originalMessage: message }),
  });
}
