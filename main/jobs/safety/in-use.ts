/**
 * A device someone is using: activated (so past Setup Assistant as far as cfgutil can show: no property says
 * more), not supervised by us, and personal: a name a person gave it or a passcode. A loaner fresh out of the
 * box reads "iPhone" / "iPad" and has no passcode; "Logan's iPhone" with a passcode is somebody's phone.
 *
 * Unknown counts as in use: a device is "not in use" only when it reads Unactivated, supervised by us, or
 * with a factory name and a JSON `false` for `passcodeProtected`.
 */
import type { DeviceRead } from '../device-read';
import type { Manager } from './manager';

/** The names iOS gives a device before anyone renames it. */
const FACTORY_NAMES = new Set(['iphone', 'ipad', 'ipod', 'ipod touch', 'apple tv', 'apple vision pro']);

export function hasFactoryName(name: unknown): boolean {
  return typeof name === 'string' && FACTORY_NAMES.has(name.trim().toLowerCase());
}

export function isInUse(values: DeviceRead['values'], manager: Manager): boolean {
  if (values.activationState === 'Unactivated' || manager.kind === 'us') return false;
  return !(hasFactoryName(values.name) && values.passcodeProtected === false);
}
