/**
 * The state of one simulated device: everything §11 of main/cfgutil/README.md lists.
 *
 * `SimDevice` is the world's private, mutable record; the outside world only ever sees frozen
 * `SimDeviceSnapshot` copies, so no caller can change a device behind the world's back.
 */
import type { SimDeviceClass } from './catalogue';

export type BootedState = 'Booted' | 'Recovery' | 'Restore';
export type ActivationState = 'Activated' | 'Unactivated';
/**
 * DEP/ADE assignment: none, assigned and available, or assigned but the cloud configuration fails a few times
 * first (33001; `depUnavailablePrepares` counts them), as right after an assignment in AZTEC's logs.
 */
export type DepState = 'none' | 'available' | 'transiently-unavailable';

/** The MDM enrollment an ADE device's Remote Management pane installs (staged by `prepare --dep`). */
export const DEP_ENROLLMENT_IDENTIFIER = 'com.apple.mdm.enrollment';

/** A profile as `get configurationProfiles` shows it, plus what the simulator needs to know about it. */
export interface SimProfile {
  readonly identifier: string;
  readonly displayName: string;
  readonly version: number;
  /** Carries a `com.apple.mdm` payload (MDM enrollment). */
  readonly isMdm: boolean;
  /** Carries a Wi-Fi payload (`com.apple.wifi.managed`). */
  readonly isWifi: boolean;
  /** A restrictions payload with `allowDeviceNameModification` false, which makes `rename` fail (§7.1). */
  readonly forbidsRename: boolean;
}

export interface SimApp {
  readonly bundleIdentifier: string;
  readonly displayName: string;
  readonly itunesName: string;
  readonly bundleVersion: string;
}

/**
 * How `get` shows one property instead of its true value: a property error, no value at all, or a value of
 * another JSON shape (`"true"`, `1`). Real cfgutil has not been seen doing this for `isSupervised`; the bench
 * must hold such a device rather than guess, and these switches are how tests make a device do it.
 */
export type SimReadShape =
  | { readonly kind: 'error' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'value'; readonly value: unknown };

/** Mutable device record owned by the world. */
export interface SimDevice {
  readonly ecid: bigint;
  readonly udid: string;
  readonly serialNumber: string;
  readonly deviceType: string;
  readonly deviceClass: SimDeviceClass;
  readonly locationID: number;
  readonly imei?: string;
  readonly wifiAddress: string;
  readonly totalDiskCapacity: number;
  readonly color: string;
  name: string;
  bootedState: BootedState;
  activationState: ActivationState;
  isPaired: boolean;
  isSupervised: boolean;
  /** SHA-256 (hex) of the DER certificate of the supervising identity (§11). */
  supervisorId?: string;
  organizationName?: string;
  /** Prepared with `--forbid-pairing`: only the supervising host may pair. */
  pairingForbidden: boolean;
  passcodeProtected: boolean;
  locked: boolean;
  findMy: boolean;
  /**
   * How many more `prepare` runs end with "The device is not activated." although nothing is wrong with the
   * device (not ready yet after its reboot, or a network hiccup: AZTEC erases and prepares again). An erase
   * does not reset it; each prepare that meets it uses one.
   */
  notActivatedPrepares: number;
  /** Setup Assistant not finished yet (AGREED-SIM 1). No `get` property shows it. */
  atSetupAssistant: boolean;
  /** Panes a person must still tap through before Setup Assistant is done (0 when not at it). */
  panesLeft: number;
  freshlyErased: boolean;
  skippedPanes: string[];
  dep: DepState;
  /** How many more `prepare --dep` runs fail with 33001 while `dep` is `transiently-unavailable`. */
  depUnavailablePrepares: number;
  /** Organisation that the DEP profile supervises the device for. */
  depOrganization: string;
  /** Trust dialog on the device: not shown, shown and waiting, or answered. */
  trust: 'none' | 'shown' | 'accepted' | 'denied';
  profiles: SimProfile[];
  pendingProfiles: SimProfile[];
  apps: SimApp[];
  batteryCurrentCapacity: number;
  batteryIsCharging: boolean;
  firmwareVersion: string;
  buildVersion: string;
  /** Simulated time (ms) before which the device says Booted but refuses `prepare` (§11). */
  readyAt: number;
  /** Properties `get` shows in an odd shape (see {@link SimReadShape}); none by default. */
  readShapes: Record<string, SimReadShape>;
}

/** A read-only copy of a device for the harness and the UI. */
export type SimDeviceSnapshot = Readonly<
  Omit<SimDevice, 'ecid' | 'profiles' | 'pendingProfiles' | 'apps' | 'skippedPanes' | 'readShapes'>
> & {
  /** Normal form `0x…` upper-case hex (main/cfgutil/README.md §2.1). */
  readonly ecid: string;
  readonly attached: boolean;
  readonly busy: boolean;
  readonly profiles: readonly SimProfile[];
  readonly pendingProfiles: readonly SimProfile[];
  readonly apps: readonly SimApp[];
  readonly skippedPanes: readonly string[];
};

/** Exactly the keys of one `list` entry (§6.1, §11), in cfgutil's order. */
export interface SimListEntry {
  readonly locationID: number;
  readonly UDID: string;
  readonly ECID: string;
  readonly name: string;
  readonly deviceType: string;
}
