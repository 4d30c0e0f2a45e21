/**
 * Builds new simulated devices from a seed and an optional spec.
 *
 * Identities look real (ECID range, UDID = chip ID + ECID, Apple-style serials) so the app's parsers see
 * the same shapes as on a bench (main/cfgutil/README.md §2.1, §5).
 */
import { createHash } from 'node:crypto';
import { udidFor } from '../cfgutil/ecid';
import { findModel, modelsOfClass, simCatalogue, type SimDeviceClass, type SimModel } from './catalogue';
import type { BootedState, DepState, SimDevice, SimProfile, SimReadShape } from './device-model';
import type { SimRandom } from './sim-random';
import { SKIP_PANES } from './cfgutil/commands/prepare-flags';

/** What the harness may fix when attaching a device; everything else comes from the seed. */
export interface SimAttachSpec {
  /** Re-plug a device the world already knows (keeps its state), or create one with this ECID. */
  readonly ecid?: string;
  readonly deviceType?: string;
  readonly deviceClass?: SimDeviceClass;
  readonly name?: string;
  /** `in-use` (default): activated and set up. `erased`: Unactivated, at Setup Assistant, freshly erased. */
  readonly state?: 'in-use' | 'erased';
  readonly paired?: boolean;
  /** Supervised by the identity whose DER certificate bytes are given (§11: identity = hash of the cert). */
  readonly supervisedBy?: { readonly organizationName: string; readonly certificate: Uint8Array };
  readonly passcodeLocked?: boolean;
  readonly findMy?: boolean;
  /** This many `prepare` runs fail with the transient "The device is not activated." first. */
  readonly notActivatedPrepares?: number;
  readonly dep?: DepState;
  /** The organization in Apple Business/School Manager the assignment supervises for (default Contoso Schools). */
  readonly depOrganization?: string;
  /** With `dep: 'transiently-unavailable'`, this many `prepare --dep` runs fail with 33001 first (default 1). */
  readonly depUnavailablePrepares?: number;
  readonly profiles?: readonly SimProfile[];
  readonly batteryPercent?: number;
  readonly bootedState?: BootedState;
  /** Prepared elsewhere with `--forbid-pairing`: only its supervising host may pair (−402653030, §8.1). */
  readonly pairingProhibited?: boolean;
  /** A flapping port: this many quick detach/attach pairs right after the first attach. */
  readonly flaps?: number;
  /** Properties `get` shows in an odd shape: `{ isSupervised: { kind: 'value', value: 'true' } }`. */
  readonly readShapes?: Readonly<Record<string, SimReadShape>>;
}

// Apple serials avoid letters that read as digits.
const SERIAL_ALPHABET = '0123456789BCDFGHJKLMNPQRTVWXYZ';

/** The supervising identity of a certificate: SHA-256 of its DER bytes, hex. */
export function supervisorIdOf(certificate: Uint8Array): string {
  return createHash('sha256').update(certificate).digest('hex');
}

function chooseModel(spec: SimAttachSpec, rng: SimRandom): SimModel {
  if (spec.deviceType) {
    const model = findModel(spec.deviceType);
    if (!model) throw new RangeError(`unknown deviceType "${spec.deviceType}"`);
    return model;
  }
  return rng.pick(spec.deviceClass ? modelsOfClass(spec.deviceClass) : simCatalogue);
}

function legacyUdid(rng: SimRandom): string {
  return rng.chars('0123456789abcdef', 40);
}

function imei(rng: SimRandom): string {
  return `35${rng.chars('0123456789', 13)}`;
}

/** Creates a device record. `locationID` comes from the port allocator; `ecid` must be unused. */
export function generateDevice(
  spec: SimAttachSpec,
  ecid: bigint,
  locationID: number,
  rng: SimRandom,
): SimDevice {
  const model = chooseModel(spec, rng);
  const erased = spec.state === 'erased';
  const storage = rng.pick(model.storageGb);
  const device: SimDevice = {
    ecid,
    udid: model.chipId === undefined ? legacyUdid(rng) : udidFor(model.chipId, ecid),
    serialNumber: rng.chars(SERIAL_ALPHABET, model.serialLength),
    deviceType: model.deviceType,
    deviceClass: model.deviceClass,
    locationID,
    ...(model.cellular ? { imei: imei(rng) } : {}),
    wifiAddress: Array.from({ length: 6 }, () => rng.chars('0123456789abcdef', 2)).join(':'),
    totalDiskCapacity: Math.round(storage * 0.9765 * 1e9),
    color: rng.pick(['1', '#3b3b3c', '#e1e4e3']),
    name: spec.name ?? model.deviceClass,
    bootedState: spec.bootedState ?? 'Booted',
    activationState: erased ? 'Unactivated' : 'Activated',
    isPaired: spec.paired ?? false,
    isSupervised: false,
    pairingForbidden: false,
    passcodeProtected: spec.passcodeLocked ?? false,
    locked: spec.passcodeLocked ?? false,
    findMy: spec.findMy ?? false,
    notActivatedPrepares: spec.notActivatedPrepares ?? 0,
    atSetupAssistant: erased,
    panesLeft: erased ? SKIP_PANES.length : 0,
    freshlyErased: erased,
    skippedPanes: [],
    dep: spec.dep ?? 'none',
    depUnavailablePrepares: spec.depUnavailablePrepares ?? 1,
    depOrganization: spec.depOrganization ?? 'Contoso Schools',
    trust: 'none',
    profiles: [...(spec.profiles ?? [])],
    pendingProfiles: [],
    apps: erased
      ? []
      : [
          {
            bundleIdentifier: 'com.microsoft.skydrive',
            displayName: 'OneDrive',
            itunesName: 'Microsoft OneDrive',
            bundleVersion: '15.12',
          },
        ],
    batteryCurrentCapacity: spec.batteryPercent ?? rng.int(23, 100),
    batteryIsCharging: true,
    firmwareVersion: model.firmwareVersion,
    buildVersion: model.buildVersion,
    readyAt: 0,
    readShapes: { ...spec.readShapes },
  };
  if (spec.supervisedBy) {
    device.isSupervised = true;
    device.organizationName = spec.supervisedBy.organizationName;
    device.supervisorId = supervisorIdOf(spec.supervisedBy.certificate);
    device.pairingForbidden = spec.pairingProhibited ?? false;
  }
  return device;
}

/** A fresh random ECID in the range real devices use (13–14 hex digits). */
export function randomEcid(rng: SimRandom): bigint {
  return rng.bigint(rng.int(49, 54));
}
