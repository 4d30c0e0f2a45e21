/**
 * Typed results from a parsed envelope: the `list` entries, the `get` values and errors, the version.
 *
 * Everything in the envelope is untrusted; each field is checked and a bad one is dropped (list) or reported
 * as that property's error (get), so one odd value never discards a whole answer.
 */
import type { Ecid, ErrorInfo } from '../../preload/domain';
import { cfgutilErrorFromRaw, errorInfo } from './cfgutil-error';
import { type DeviceProperties, type DevicePropertyName, validateProperty } from './device-properties';
import type { CommandOutputEnvelope } from './parse-output';

/** One attached device as `cfgutil list` reports it (§6.1: `locationID, UDID, ECID, name, deviceType`). */
export interface ListedDevice {
  readonly ecid: Ecid;
  readonly udid?: string;
  readonly name?: string;
  readonly deviceType?: string;
  /** USB location ID (`locationID`, an integer in JSON). */
  readonly locationId?: number;
}

/** `get` result: the values that validated, and an error for every requested property that has no value. */
export interface GetResult<P extends DevicePropertyName> {
  readonly values: Partial<Pick<DeviceProperties, P>>;
  readonly errors: Partial<Record<P, ErrorInfo>>;
}

/** The tool's version (`cfgutil version`); its JSON shape is unknown (§10 item 9), so `raw` is kept. */
export interface CfgutilVersion {
  readonly version?: string;
  readonly build?: string;
  readonly raw: string;
}

function field(entry: unknown, key: string): unknown {
  return typeof entry === 'object' && entry !== null && !Array.isArray(entry)
    ? (entry as Record<string, unknown>)[key]
    : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** `locationID` is an integer in JSON; text mode prints hex, so `0x…` strings are accepted too (§6.1, §6.2). */
function locationId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^0x[0-9a-f]{1,8}$/i.test(value)) return Number.parseInt(value, 16);
  return undefined;
}

/** Devices in `Devices` order, then any others found only in `Output` (§6.1: the two orders may differ). */
export function readList(envelope: CommandOutputEnvelope): ListedDevice[] {
  const order = [
    ...envelope.devices,
    ...[...envelope.outputs.keys()].filter((e) => !envelope.devices.includes(e)),
  ];
  return order.map((ecid) => {
    const entry = envelope.outputs.get(ecid);
    const udid = nonEmpty(field(entry, 'UDID'));
    const name = nonEmpty(field(entry, 'name'));
    const deviceType = nonEmpty(field(entry, 'deviceType'));
    const location = locationId(field(entry, 'locationID'));
    return {
      ecid,
      ...(udid === undefined ? {} : { udid }),
      ...(name === undefined ? {} : { name }),
      ...(deviceType === undefined ? {} : { deviceType }),
      ...(location === undefined ? {} : { locationId: location }),
    };
  });
}

/** Values and per-property errors for one device (§6.1 `Output.<ECID>` and `Output.Errors.<ECID>.<prop>`). */
export function readGet<P extends DevicePropertyName>(
  envelope: CommandOutputEnvelope,
  ecid: Ecid,
  properties: readonly P[],
): GetResult<P> {
  const output = envelope.outputs.get(ecid);
  const printedErrors = envelope.propertyErrors.get(ecid);
  const values: Partial<Record<P, unknown>> = {};
  const errors: Partial<Record<P, ErrorInfo>> = {};
  for (const property of properties) {
    const printed = printedErrors?.get(property);
    const raw = field(output, property);
    const value = raw === undefined ? undefined : validateProperty(property, raw);
    if (value !== undefined) values[property] = value;
    else if (printed) errors[property] = cfgutilErrorFromRaw(printed, { ecid }).info;
    else if (raw !== undefined) {
      errors[property] = errorInfo('output-unparseable', {
        ecid,
        originalMessage: `${property} has an unexpected value: ${JSON.stringify(raw)?.slice(0, 200)}`,
      });
    } else {
      errors[property] = errorInfo('value-missing', {
        ecid,
        originalMessage: `cfgutil returned neither a value nor an error for ${property}`,
      });
    }
  }
  return { values: values as Partial<Pick<DeviceProperties, P>>, errors };
}

/**
 * `(?<!\d)` keeps the engine from retrying inside a run of digits: without it, stdout made of a long run of digits
 * with no dot costs time quadratic in its length. Only the head of stdout is read (see {@link VERSION_HEAD}).
 */
const VERSION_TEXT = /(?<!\d)(\d+(?:\.\d+)+)(?:\s*\(([\w.]+)\))?/;
/** `cfgutil version` prints one short line; anything past this is not the version. */
const VERSION_HEAD = 4_096;

/** Reads `version` from a JSON `Output` (string or `{version, build}`) or from text like `cfgutil 2.6.1 (379)`. */
export function readVersion(envelope: CommandOutputEnvelope | undefined, stdout: string): CfgutilVersion {
  const output = envelope?.output;
  const fromJson =
    nonEmpty(output) ?? nonEmpty(field(output, 'version')) ?? nonEmpty(field(output, 'Version'));
  const build = nonEmpty(field(output, 'build')) ?? nonEmpty(field(output, 'Build'));
  if (fromJson !== undefined)
    return { version: fromJson, ...(build === undefined ? {} : { build }), raw: stdout };
  const match = VERSION_TEXT.exec(stdout.slice(0, VERSION_HEAD));
  if (!match?.[1]) return { raw: stdout };
  return { version: match[1], ...(match[2] === undefined ? {} : { build: match[2] }), raw: stdout };
}
