/**
 * The `get` properties the bench reads, their types, and validators for cfgutil's untrusted JSON values.
 *
 * Types follow main/cfgutil/README.md §5 (JSON booleans for `isPaired` and friends, an integer battery
 * percentage, `configurationProfiles` as `{identifier, displayName, version}`, `installedApps` as
 * `{bundleIdentifier, displayName, itunesName, bundleVersion}`). A value of the wrong shape is reported as an
 * error for that property, never passed on.
 */
import type { Ecid } from '../../preload/domain';
import { normalizeEcid } from './ecid';

/** One installed configuration profile (§5, `configurationProfiles`). */
export interface ConfigurationProfile {
  readonly identifier: string;
  readonly displayName?: string;
  readonly version?: number;
}

/** One installed app (§5, `installedApps`). */
export interface InstalledApp {
  readonly bundleIdentifier: string;
  readonly displayName?: string;
  readonly itunesName?: string;
  readonly bundleVersion?: string;
}

/**
 * Typed values of the properties the bench reads. `bootedState` (`Booted`, `Recovery`, `Restore`, …) and
 * `activationState` (`Activated`, `Unactivated`, …) stay strings: §5 says other values are possible.
 */
export interface DeviceProperties {
  readonly serialNumber: string;
  readonly ECID: Ecid;
  readonly UDID: string;
  readonly name: string;
  readonly deviceType: string;
  readonly firmwareVersion: string;
  readonly buildVersion: string;
  readonly bootedState: string;
  readonly activationState: string;
  readonly isPaired: boolean;
  readonly isSupervised: boolean;
  readonly organizationName: string;
  readonly passcodeProtected: boolean;
  readonly batteryCurrentCapacity: number;
  readonly configurationProfiles: readonly ConfigurationProfile[];
  readonly installedApps: readonly InstalledApp[];
}

export type DevicePropertyName = keyof DeviceProperties;

type Validator<T> = (value: unknown) => T | undefined;

const text: Validator<string> = (value) => (typeof value === 'string' ? value : undefined);
const flag: Validator<boolean> = (value) => (typeof value === 'boolean' ? value : undefined);

const percent: Validator<number> = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100 ? value : undefined;

function optionalText(value: unknown): { readonly value?: string } {
  return typeof value === 'string' ? { value } : {};
}

function record(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Readonly<Record<string, unknown>>)
    : undefined;
}

/** An array whose items each pass `item`; items that do not are dropped, a non-array is rejected. */
function listOf<T>(item: (value: unknown) => T | undefined): Validator<readonly T[]> {
  return (value) => {
    if (!Array.isArray(value)) return undefined;
    return value.flatMap((entry: unknown) => {
      const parsed = item(entry);
      return parsed === undefined ? [] : [parsed];
    });
  };
}

const profile = (value: unknown): ConfigurationProfile | undefined => {
  const entry = record(value);
  if (!entry || typeof entry.identifier !== 'string' || entry.identifier === '') return undefined;
  const version = entry.version;
  const displayName = optionalText(entry.displayName).value;
  return {
    identifier: entry.identifier,
    ...(displayName === undefined ? {} : { displayName }),
    ...(typeof version === 'number' && Number.isSafeInteger(version) ? { version } : {}),
  };
};

const app = (value: unknown): InstalledApp | undefined => {
  const entry = record(value);
  if (!entry || typeof entry.bundleIdentifier !== 'string' || entry.bundleIdentifier === '') return undefined;
  const optional = ['displayName', 'itunesName', 'bundleVersion'] as const;
  const extras: { -readonly [K in (typeof optional)[number]]?: string } = {};
  for (const key of optional) {
    const found = optionalText(entry[key]).value;
    if (found !== undefined) extras[key] = found;
  }
  return { bundleIdentifier: entry.bundleIdentifier, ...extras };
};

/** One validator per property; the mapped type makes a missing validator a compile error. */
export const PROPERTY_VALIDATORS: { readonly [K in DevicePropertyName]: Validator<DeviceProperties[K]> } = {
  serialNumber: text,
  ECID: (value) => normalizeEcid(value),
  UDID: text,
  name: text,
  deviceType: text,
  firmwareVersion: text,
  buildVersion: text,
  bootedState: text,
  activationState: text,
  isPaired: flag,
  isSupervised: flag,
  organizationName: text,
  passcodeProtected: flag,
  batteryCurrentCapacity: percent,
  configurationProfiles: listOf(profile),
  installedApps: listOf(app),
};

/** Every property name the client can `get`, in a stable order. */
export const DEVICE_PROPERTY_NAMES = Object.keys(PROPERTY_VALIDATORS) as readonly DevicePropertyName[];

/** True for the names above; used to refuse anything else before it reaches cfgutil's argv. */
export function isDevicePropertyName(name: unknown): name is DevicePropertyName {
  return typeof name === 'string' && Object.hasOwn(PROPERTY_VALIDATORS, name);
}

/** Validates one property value; undefined when it has the wrong shape. */
export function validateProperty<K extends DevicePropertyName>(
  name: K,
  value: unknown,
): DeviceProperties[K] | undefined {
  const validator: Validator<DeviceProperties[K]> = PROPERTY_VALIDATORS[name];
  return validator(value);
}
