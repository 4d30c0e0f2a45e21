/**
 * The exact words for every reason a job waits for a person (issue 9 item 7). The renderer picks a picture by
 * the reason; these sentences are what it shows, what the CLI prints and what the journal keeps.
 */
import type { OperatorReason } from '../../preload/jobs-domain';

export const INSTRUCTIONS: Readonly<Record<OperatorReason, string>> = {
  'tap-trust': 'Tap Trust on the device and enter its passcode.',
  // Current iOS opens the install sheet on the device itself after a 625.
  'approve-profile':
    'Tap Install on the device (or Settings ▸ General ▸ VPN & Device Management if it was dismissed), then enter its passcode.',
  'unlock-device': 'Unlock the device (enter its passcode), and keep it unlocked until this step is done.',
  'activation-lock':
    'Activation Lock is on: the owner must remove this device from Find My (iCloud.com ▸ Find Devices ▸ Remove This Device); this bench cannot. Then press Retry.',
  'finish-setup-assistant':
    'Setup Assistant screens are left on the device: tap through them until the Home Screen shows, then press Continue.',
  'reconnect-device':
    'The device was unplugged in the middle of a step: plug it back into the same cable to continue.',
  'mac-offline':
    'This Mac is offline and the device activates through it: reconnect the Mac to the Internet.',
  'confirm-rerun': 'This device was already done with this workflow and profile. Press Rerun to do it again.',
  'in-use':
    'This device is in use (activated, with its own name or a passcode). Press Erase to erase it, or Skip to leave it as it is.',
  'cannot-tell':
    'The bench cannot tell who manages this device, so nothing was changed. Unlock it or plug it back in; the bench reads it again by itself.',
};

/** Extra words when the operator answered "Don't Trust": the next attempt shows the dialog again. */
export const TRUST_DENIED_INSTRUCTION =
  'Someone tapped Don\u2019t Trust. Unplug the device and plug it back in, then tap Trust and enter its passcode.';

export function instructionFor(reason: OperatorReason): string {
  return INSTRUCTIONS[reason];
}
