/**
 * Read-only views of a device: the harness snapshot and the exact `list` entry.
 */
import { formatCfgutilEcid } from '../cfgutil/ecid';
import type { SimDevice, SimDeviceSnapshot, SimListEntry } from './device-model';

/** A frozen copy; arrays are copied so later world changes do not show through. */
export function toSnapshot(device: SimDevice, attached: boolean, busy: boolean): SimDeviceSnapshot {
  return Object.freeze({
    ...device,
    ecid: formatCfgutilEcid(device.ecid),
    attached,
    busy,
    profiles: [...device.profiles],
    pendingProfiles: [...device.pendingProfiles],
    apps: [...device.apps],
    skippedPanes: [...device.skippedPanes],
  });
}

/** The `list` entry with exactly cfgutil's keys, in its order (§6.1, §11.6). */
export function toListEntry(device: SimDevice): SimListEntry {
  return {
    locationID: device.locationID,
    UDID: device.udid,
    ECID: formatCfgutilEcid(device.ecid),
    name: device.name,
    deviceType: device.deviceType,
  };
}
