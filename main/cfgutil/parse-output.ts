/**
 * Pure parsers for what cfgutil prints under `--format JSON`: the envelope on stdout and the error lines on stderr.
 *
 * cfgutil's output is untrusted text. Shapes follow main/cfgutil/README.md §6: the success envelope
 * `{Command, Output, Type:"CommandOutput", Devices}` with per-ECID values and `Output.Errors.<ECID>` (per property,
 * or a bare error dict for action commands, §6.1), the failure envelope `Type:"Error"` (§6.1), the last complete
 * object on stdout (§6.3), and `cfgutil: error: …` / `(Domain: … Code: …)` on stderr (§6.2). Nothing here throws;
 * anything unreadable becomes `{kind: 'unparseable'}` carrying the raw text for the log.
 */
import { sanitizeText } from '../text/sanitize-text';
import type { Ecid } from '../../preload/domain';
import { type DomainSuffix, findDomainSuffix } from './domain-suffix';
import { normalizeEcid } from './ecid';
import { findJsonObjects } from './extract-json';

/** One cfgutil error as printed, before classification. Every field is optional: cfgutil omits some. */
export interface RawCfgutilError {
  readonly code?: number;
  readonly domain?: string;
  readonly message?: string;
  readonly failureReason?: string;
  readonly detail?: string;
}

/** `Type: "CommandOutput"`: values and errors keyed by normalized ECID. */
export interface CommandOutputEnvelope {
  readonly kind: 'output';
  readonly command?: string;
  readonly devices: readonly Ecid[];
  /** `Output.<ECID>` as printed (validated later, by whoever knows the command). */
  readonly outputs: ReadonlyMap<Ecid, unknown>;
  /** The bare per-ECID form `Output.Errors.<ECID> = {Code, Message, …}` used by action commands. */
  readonly deviceErrors: ReadonlyMap<Ecid, RawCfgutilError>;
  /** The per-property form `Output.Errors.<ECID>.<property> = {Code, Message, …}` used by `get`. */
  readonly propertyErrors: ReadonlyMap<Ecid, ReadonlyMap<string, RawCfgutilError>>;
  /** The whole `Output` value, for commands whose shape is not keyed by ECID (`version`, §10 item 9). */
  readonly output: unknown;
}

/** `Type: "Error"`, the failure envelope. */
export interface ErrorEnvelope {
  readonly kind: 'error';
  readonly command?: string;
  readonly error: RawCfgutilError;
  readonly affectedDevices: readonly Ecid[];
  readonly unaffectedDevices: readonly Ecid[];
}

/** Nothing usable on stdout. `raw` is the full stdout, for the log only. */
export interface UnparseableOutput {
  readonly kind: 'unparseable';
  readonly reason: string;
  readonly raw: string;
}

export type ParsedStdout = CommandOutputEnvelope | ErrorEnvelope | UnparseableOutput;

/** Errors and warnings cfgutil printed on stderr (it does so even in JSON mode, §6.2). */
export interface StderrFindings {
  readonly errors: readonly RawCfgutilError[];
  readonly warnings: readonly RawCfgutilError[];
}

type JsonObject = Readonly<Record<string, unknown>>;

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * cfgutil's words, which reach a message, a log line and the UI: through the one sanitiser (no escape codes,
 * no newlines, no bidi controls). Capped generously here, because the fallback table matches on this text;
 * errorInfo() caps what is shown.
 */
const MAX_CFGUTIL_MESSAGE = 1000;
function messageText(value: unknown): string | undefined {
  return typeof value === 'string' ? sanitizeText(value, { maxLength: MAX_CFGUTIL_MESSAGE }) : undefined;
}

/** cfgutil prints integers; tolerate integer strings and `0xE800001A`-style hex (read as a signed 32-bit code). */
export function parseErrorCode(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^[-+]?\d{1,15}$/.test(text)) return Number(text);
  if (/^0x[0-9a-f]{1,8}$/i.test(text)) return Number.parseInt(text, 16) | 0;
  return undefined;
}

function rawError(value: JsonObject): RawCfgutilError {
  return {
    code: parseErrorCode(value.Code),
    domain: messageText(value.Domain),
    message: messageText(value.Message),
    failureReason: messageText(value.FailureReason),
    detail: messageText(value.Detail),
  };
}

const ERROR_FIELDS = ['Code', 'Message', 'Domain', 'FailureReason', 'Detail'] as const;

function looksLikeBareError(value: JsonObject): boolean {
  return ERROR_FIELDS.some((key) => key in value && asObject(value[key]) === undefined);
}

/**
 * ECID keys in `Output`. Require a `0x` prefix or at least 8 hex digits so that extra words that happen to be
 * hex (`"add"`, `"face"`) are not mistaken for devices.
 */
function ecidKey(key: string): Ecid | undefined {
  const trimmed = key.trim();
  if (!/^0x/i.test(trimmed) && trimmed.length < 8) return undefined;
  return normalizeEcid(trimmed);
}

function ecidList(value: unknown): Ecid[] {
  if (!Array.isArray(value)) return [];
  const out: Ecid[] = [];
  for (const item of value) {
    const ecid = normalizeEcid(item);
    if (ecid !== undefined && !out.includes(ecid)) out.push(ecid);
  }
  return out;
}

function parseErrors(
  errors: JsonObject | undefined,
  envelope: { device: Map<Ecid, RawCfgutilError>; property: Map<Ecid, Map<string, RawCfgutilError>> },
): void {
  if (!errors) return;
  for (const [key, value] of Object.entries(errors)) {
    const ecid = ecidKey(key);
    if (ecid === undefined) continue;
    const message = messageText(value);
    if (message !== undefined) {
      envelope.device.set(ecid, { message });
      continue;
    }
    const entry = asObject(value);
    if (!entry) continue;
    if (looksLikeBareError(entry)) {
      envelope.device.set(ecid, rawError(entry));
      continue;
    }
    const perProperty = envelope.property.get(ecid) ?? new Map<string, RawCfgutilError>();
    for (const [property, detail] of Object.entries(entry)) {
      const fields = asObject(detail);
      if (fields && looksLikeBareError(fields)) perProperty.set(property, rawError(fields));
    }
    if (perProperty.size > 0) envelope.property.set(ecid, perProperty);
  }
}

function parseCommandOutput(value: JsonObject): CommandOutputEnvelope {
  const output = asObject(value.Output);
  const outputs = new Map<Ecid, unknown>();
  const device = new Map<Ecid, RawCfgutilError>();
  const property = new Map<Ecid, Map<string, RawCfgutilError>>();
  for (const [key, entry] of Object.entries(output ?? {})) {
    if (key === 'Errors') continue;
    const ecid = ecidKey(key);
    if (ecid === undefined) continue;
    const previous = asObject(outputs.get(ecid));
    const current = asObject(entry);
    outputs.set(ecid, previous && current ? { ...previous, ...current } : entry);
  }
  parseErrors(asObject(output?.Errors), { device, property });
  const listed = ecidList(value.Devices);
  const devices = Array.isArray(value.Devices) ? listed : [...outputs.keys()];
  return {
    kind: 'output',
    command: asString(value.Command),
    devices,
    outputs,
    deviceErrors: device,
    propertyErrors: property,
    output: value.Output,
  };
}

function parseErrorEnvelope(value: JsonObject): ErrorEnvelope {
  return {
    kind: 'error',
    command: asString(value.Command),
    error: rawError(value),
    affectedDevices: ecidList(value.AffectedDevices),
    unaffectedDevices: ecidList(value.UnaffectedDevices),
  };
}

/**
 * Reads cfgutil's stdout: the last complete `CommandOutput` or `Error` envelope wins (§6.3); progress records,
 * noise lines and truncated objects around it are ignored.
 */
export function parseStdout(stdout: string): ParsedStdout {
  if (stdout.trim() === '')
    return { kind: 'unparseable', reason: 'cfgutil printed nothing on stdout', raw: stdout };
  const objects = findJsonObjects(stdout);
  for (let i = objects.length - 1; i >= 0; i--) {
    const value = objects[i]?.value;
    if (value?.Type === 'CommandOutput') return parseCommandOutput(value);
    if (value?.Type === 'Error') return parseErrorEnvelope(value);
  }
  const reason =
    objects.length === 0
      ? 'no complete JSON object on stdout'
      : 'no cfgutil envelope among the JSON objects on stdout';
  return { kind: 'unparseable', reason, raw: stdout };
}

/**
 * `s` so that `.` also matches U+2028/U+2029, which are not line breaks for `split` below but would make `(.*)$`
 * fail and backtrack; with it, the capture always runs to the end of the line in one pass. No `\s*` before the
 * capture either: it could share spaces with `.*`; the message is trimmed instead.
 */
const ERROR_LINE = /^cfgutil:\s*error:(.*)$/is;
const WARNING_LINE = /^cfgutil:\s*warning:(.*)$/is;

/**
 * Longest stderr line read, in UTF-16 units. Real cfgutil lines are short; the cap bounds the work on a runaway
 * line (a crashing tool dumping binary, a line of padding) whatever the patterns do.
 */
export const MAX_STDERR_LINE = 2_048;

/**
 * Reads stderr: `cfgutil: error: <Message>` with an optional `(Domain: … Code: …)` line after it, and
 * `cfgutil: warning: …` (§6.2). Other lines (`objc[…]` noise) are ignored.
 */
export function parseStderr(stderr: string): StderrFindings {
  const errors: RawCfgutilError[] = [];
  const warnings: RawCfgutilError[] = [];
  let last: RawCfgutilError[] | undefined;
  for (const line of stderr.split(/\r?\n|\r/)) {
    const text = line.slice(0, MAX_STDERR_LINE).trim();
    const error = ERROR_LINE.exec(text);
    const warning = error ? null : WARNING_LINE.exec(text);
    if (error) {
      errors.push(messageWithDomain(error[1] ?? ''));
      last = errors;
    } else if (warning) {
      warnings.push(messageWithDomain(warning[1] ?? ''));
      last = warnings;
    } else if (last && last.length > 0) {
      const suffix = findDomainSuffix(text);
      const index = last.length - 1;
      const previous = last[index];
      if (suffix && previous && previous.code === undefined) last[index] = withDomain(previous, suffix);
    }
  }
  return { errors, warnings };
}

/** An error or warning line's text, with a `(Domain: … Code: …)` suffix on the same line taken out of it. */
function messageWithDomain(text: string): RawCfgutilError {
  const message = sanitizeText(text.trim(), { maxLength: MAX_CFGUTIL_MESSAGE }).trim();
  const suffix = findDomainSuffix(message);
  if (!suffix) return { message };
  const rest = `${message.slice(0, suffix.start)}${message.slice(suffix.end)}`.trim();
  return withDomain({ message: rest }, suffix);
}

function withDomain(error: RawCfgutilError, suffix: DomainSuffix): RawCfgutilError {
  return { ...error, domain: suffix.domain, code: parseErrorCode(suffix.code) };
}
