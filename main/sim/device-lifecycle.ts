/**
 * What an erase does to a device once it comes back (§8.2, §11 of main/cfgutil/README.md):
 * Unactivated, at Setup Assistant, freshly erased, unsupervised, unpaired, profiles and apps cleared.
 * Identity (ECID, UDID, serial, port) and the DEP assignment, which lives in Apple's cloud, survive.
 */
import { SKIP_PANES } from './cfgutil/commands/prepare-flags';
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
  device.panesLeft = SKIP_PANES.length;
  device.freshlyErased = true;
  device.skippedPanes = [];
  device.trust = 'none';
  device.profiles = [];
  device.pendingProfiles = [];
  device.apps = [];
}

/**
 * The reboot after `prepare` (AGREED-SIM 1, 3): with every pane skipped Setup Assistant finishes by itself,
 * unless the `panesLeftAfterSkipAll` switch leaves some for a person; otherwise the device waits there.
 */
export function afterPrepareReboot(device: SimDevice, panesLeftAfterSkipAll: number): void {
  const everyPaneSkipped = SKIP_PANES.every((p) => device.skippedPanes.includes(p));
  device.panesLeft = everyPaneSkipped
    ? panesLeftAfterSkipAll
    : SKIP_PANES.filter((p) => !device.skippedPanes.includes(p)).length;
  device.atSetupAssistant = device.panesLeft > 0;
}
