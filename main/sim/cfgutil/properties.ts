/**
 * The properties `get` can read, and which of them need a paired, unlocked device
 * (§5 of main/cfgutil/README.md).
 */
import { formatCfgutilEcid } from '../../cfgutil/ecid';
import type { SimDevice } from '../device-model';

type Reader = (d: SimDevice) => unknown;

/** Readers in the order `get all` prints them. `undefined` = "The value is missing." */
const readers: Readonly<Record<string, Reader>> = {
  ECID: (d) => formatCfgutilEcid(d.ecid),
  UDID: (d) => d.udid,
  name: (d) => d.name,
  deviceType: (d) => d.deviceType,
  deviceClass: (d) => d.deviceClass,
  locationID: (d) => d.locationID,
  bootedState: (d) => d.bootedState,
  isPaired: (d) => d.isPaired,
  serialNumber: (d) => d.serialNumber,
  IMEI: (d) => d.imei,
  // Bench devices carry no SIM, so even cellular models have no number.
  phoneNumber: () => undefined,
  color: (d) => d.color,
  totalDiskCapacity: (d) => d.totalDiskCapacity,
  activationState: (d) => d.activationState,
  isSupervised: (d) => d.isSupervised,
  organizationName: (d) => (d.isSupervised ? d.organizationName : undefined),
  isRestorable: () => true,
  passcodeProtected: (d) => d.passcodeProtected,
  backupWillBeEncrypted: () => false,
  batteryCurrentCapacity: (d) => d.batteryCurrentCapacity,
  batteryIsCharging: (d) => d.batteryIsCharging,
  buildVersion: (d) => d.buildVersion,
  firmwareVersion: (d) => d.firmwareVersion,
  humanReadableProductVersion: (d) => d.firmwareVersion,
  wifiAddress: (d) => d.wifiAddress,
  configurationProfiles: (d) =>
    d.profiles.map((p) => ({ identifier: p.identifier, displayName: p.displayName, version: p.version })),
  installedApps: (d) => d.apps.map((a) => ({ ...a })),
};

/** Readable without pairing: what USB and lockdown's public domain expose (§5: "Most properties need a paired device"). */
const PUBLIC = new Set([
  'ECID',
  'UDID',
  'name',
  'deviceType',
  'deviceClass',
  'locationID',
  'bootedState',
  'isPaired',
]);

export const allProperties: readonly string[] = Object.keys(readers);

export function isPublicProperty(property: string): boolean {
  return PUBLIC.has(property);
}

/** The value, or undefined when missing (unknown property names are missing too). */
export function readProperty(device: SimDevice, property: string): unknown {
  const reader = Object.hasOwn(readers, property) ? readers[property] : undefined;
  return reader?.(device);
}
