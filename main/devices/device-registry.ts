/**
 * Pure reconciliation of "what cfgutil lists now" with "what the bench showed before".
 *
 * The device list is always rebuilt from a fresh `cfgutil list`, never patched from USB events alone:
 * events can be missed, doubled or arrive as attach-detach-attach flaps (./README.md D3).
 */
import type { Device, DeviceMode, Ecid } from '../../preload/domain';
import { parseEcid } from '../cfgutil/ecid';
import { safeDeviceName } from '../text/device-name';
import { modelNameFor } from './device-models';
import { portLabelFor } from './usb-location';

/** One row of `cfgutil list` as the watcher needs it (ECID already normalised). */
export interface DeviceListEntry {
  readonly ecid: Ecid;
  readonly udid?: string;
  readonly name?: string;
  readonly deviceType?: string;
  readonly locationId?: number;
}

export type DeviceMap = ReadonlyMap<Ecid, Device>;

export interface Reconciliation {
  readonly devices: DeviceMap;
  readonly changed: boolean;
}

function toDevice(
  entry: DeviceListEntry,
  previous: Device | undefined,
  mode: DeviceMode,
  now: number,
): Device {
  const model = modelNameFor(entry.deviceType);
  const portLabel = portLabelFor(entry.locationId);
  return {
    ecid: entry.ecid,
    mode,
    attachedAt: previous?.attachedAt ?? now,
    ...(entry.udid ? { udid: entry.udid } : {}),
    // The name is the device owner's text: sanitised and capped where it enters the bench.
    ...(entry.name ? { name: safeDeviceName(entry.name) } : {}),
    ...(entry.deviceType ? { deviceType: entry.deviceType } : {}),
    ...(model ? { model } : {}),
    ...(previous?.serialNumber ? { serialNumber: previous.serialNumber } : {}),
    ...(entry.locationId !== undefined ? { locationId: entry.locationId } : {}),
    ...(portLabel ? { portLabel } : {}),
  };
}

function sameDevice(a: Device, b: Device): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Device>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

/**
 * Builds the new device map. A device keeps its `attachedAt` and known serial while its ECID stays listed;
 * the mode comes from the latest USB hint at its location, else `normal` (cfgutil lists booted devices).
 */
export function reconcileDevices(
  previous: DeviceMap,
  listed: readonly DeviceListEntry[],
  hints: ReadonlyMap<number, DeviceMode>,
  now: number,
): Reconciliation {
  const next = new Map<Ecid, Device>();
  for (const entry of listed) {
    if (next.has(entry.ecid)) continue; // cfgutil never lists an ECID twice; a duplicate is noise.
    const mode = (entry.locationId !== undefined ? hints.get(entry.locationId) : undefined) ?? 'normal';
    next.set(entry.ecid, toDevice(entry, previous.get(entry.ecid), mode, now));
  }
  let changed = next.size !== previous.size;
  if (!changed) {
    for (const [ecid, device] of next) {
      const before = previous.get(ecid);
      if (!before || !sameDevice(before, device)) {
        changed = true;
        break;
      }
    }
  }
  return { devices: changed ? next : previous, changed };
}

/** Adds facts read later (serial number) without touching anything else. */
export function withSerialNumber(devices: DeviceMap, ecid: Ecid, serialNumber: string): Reconciliation {
  const device = devices.get(ecid);
  if (!device || device.serialNumber === serialNumber) return { devices, changed: false };
  const next = new Map(devices);
  next.set(ecid, { ...device, serialNumber });
  return { devices: next, changed: true };
}

/** Stable display order: by port, then by ECID, so cards do not jump around as devices come and go. */
export function sortedDevices(devices: DeviceMap): Device[] {
  return [...devices.values()].sort(
    (a, b) => (a.locationId ?? Infinity) - (b.locationId ?? Infinity) || compareEcids(a.ecid, b.ecid),
  );
}

/** ECIDs are numbers printed without padding: `0x9…` comes before `0x10…`. */
function compareEcids(a: Ecid, b: Ecid): number {
  const x = parseEcid(a) ?? 0n;
  const y = parseEcid(b) ?? 0n;
  return x < y ? -1 : x > y ? 1 : 0;
}
