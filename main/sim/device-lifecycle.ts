/**
 * What an erase does to a device once it comes back (§8.2, §11.9 of ../shared/reference/cfgutil.md):
 * Unactivated, at Setup Assistant, freshly erased, unsupervised, unpaired, profiles and apps cleared.
 * Identity (ECID, UDID, serial, port) and the DEP assignment, which lives in Apple's cloud, survive.
 */
import type { SimDevice } from './device-model';

export function applyErase(device: SimDevice): void {
  device.name = device.deviceClass;
  device.bootedState = 'Booted';
  device.activationState = 'Unactivated';
  device.isPaired = false;
  device.isSupervised = false;
  device.supervisorId = undefined;
  device.organizationName = undefined;
  device.pairingForbidden = false;
  device.passcodeProtected = false;
  device.locked = false;
  device.atSetupAssistant = true;
  device.freshlyErased = true;
  device.skippedPanes = [];
  device.trust = 'none';
  device.profiles = [];
  device.pendingProfiles = [];
  device.apps = [];
}
