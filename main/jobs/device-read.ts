/**
 * What one `get` shows about a device, as the jobs decide on it: the bench's `DeviceFacts` plus the raw values
 * a step checks its effect against. Pure: the runner does the reading.
 */
import type { ErrorCode } from '../../preload/domain';
import type { DeviceFacts } from '../../preload/jobs-domain';
import type { DeviceProperties, DevicePropertyName, GetResult } from '../cfgutil/cfgutil-client';

/**
 * Every property the bench shows or decides on: ~13, one `get` (§9: "a few seconds"; 0.18 s each). Read in
 * full when a device arrives and when it comes back erased; a step otherwise reads only what it decides on.
 */
export const READ_PROPERTIES = [
  'serialNumber',
  'name',
  'deviceType',
  'UDID',
  'bootedState',
  'activationState',
  'isPaired',
  'isSupervised',
  'organizationName',
  'passcodeProtected',
  'batteryCurrentCapacity',
  'firmwareVersion',
  'configurationProfiles',
] as const satisfies readonly DevicePropertyName[];

export type ReadProperty = (typeof READ_PROPERTIES)[number];

/**
 * Read when a device arrives: the serial number (ignore list, "already done") and what the card's facts show,
 * which also holds what a first step decides on (`SUPERVISION_PROPERTIES`, `PAIRING_AND_PROFILES`). The model,
 * UDID and port come from `list`.
 */
export const ARRIVAL_PROPERTIES = [
  'serialNumber',
  'name',
  'activationState',
  'isPaired',
  'isSupervised',
  'organizationName',
  'passcodeProtected',
  'batteryCurrentCapacity',
  'firmwareVersion',
  'configurationProfiles',
] as const satisfies readonly ReadProperty[];

/** Who supervises the device and whether it is set up (the erase guard, prepare's effect); pairing with it. */
export const SUPERVISION_PROPERTIES = [
  'isPaired',
  'isSupervised',
  'organizationName',
  'activationState',
] as const satisfies readonly ReadProperty[];

/** The profiles on the device: what install, extra profiles and verify are judged by. */
export const PROFILES = ['configurationProfiles'] as const satisfies readonly ReadProperty[];

/** Before an install: the profiles, and whether the device is paired (install needs it). */
export const PAIRING_AND_PROFILES = [
  'isPaired',
  'configurationProfiles',
] as const satisfies readonly ReadProperty[];

/** Who this bench is: the supervising organization's name and the enrollment profile's identifier. */
export interface OurIdentity {
  readonly organizationName?: string;
  readonly profileIdentifier?: string;
}

export interface DeviceRead {
  readonly values: Partial<Pick<DeviceProperties, ReadProperty>>;
  readonly facts: DeviceFacts;
  /** A property read failed because the screen is locked (−402653158). */
  readonly locked: boolean;
  /** Every property error's code, for logging and decisions. */
  readonly errorCodes: readonly ErrorCode[];
}

export function readOf(result: GetResult<ReadProperty>, ours: OurIdentity, now: number): DeviceRead {
  const { values } = result;
  const errorCodes = Object.values(result.errors).flatMap((e) => (e ? [e.code] : []));
  const locked = errorCodes.includes('passcode-locked');
  const supervised = values.isSupervised;
  const org = values.organizationName;
  const profiles = values.configurationProfiles;
  const facts: DeviceFacts = {
    readAt: now,
    // A read of only some properties says "not locked" when every one of them answered.
    ...(locked
      ? { passcodeLocked: true }
      : values.passcodeProtected !== undefined || (errorCodes.length === 0 && Object.keys(values).length > 0)
        ? { passcodeLocked: false }
        : {}),
    ...(values.isPaired === undefined ? {} : { paired: values.isPaired }),
    ...(supervised === undefined ? {} : { supervised }),
    ...(org === undefined ? {} : { organizationName: org }),
    ...(supervised === undefined ? {} : { supervisedByUs: supervisedByUs(values, ours) }),
    ...(profiles === undefined || ours.profileIdentifier === undefined
      ? {}
      : { holdsOurProfile: profiles.some((p) => p.identifier === ours.profileIdentifier) }),
    ...(values.batteryCurrentCapacity === undefined ? {} : { batteryPercent: values.batteryCurrentCapacity }),
    ...(values.firmwareVersion === undefined ? {} : { iosVersion: values.firmwareVersion }),
    ...(values.activationState === undefined ? {} : { activated: values.activationState === 'Activated' }),
  };
  return { values, facts, locked, errorCodes };
}

/**
 * cfgutil shows who supervises a device only by organization name (no certificate fingerprint), so "ours"
 * means supervised under this bench's organization name. A device another bench supervised under the same
 * name is indistinguishable here; `pair` with our `-C/-K` is what finally proves it.
 */
export function supervisedByUs(values: DeviceRead['values'], ours: OurIdentity): boolean {
  return (
    values.isSupervised === true &&
    ours.organizationName !== undefined &&
    values.organizationName === ours.organizationName
  );
}

/** Supervised by some other organization (the erase guard). */
export function supervisedByOther(values: DeviceRead['values'], ours: OurIdentity): boolean {
  return values.isSupervised === true && !supervisedByUs(values, ours);
}

export function holdsProfile(values: DeviceRead['values'], identifier: string | undefined): boolean {
  return (
    identifier !== undefined && (values.configurationProfiles ?? []).some((p) => p.identifier === identifier)
  );
}
