/**
 * `pair` and `unpair` (§8.1, §11 of main/cfgutil/README.md).
 *
 * An unsupervised device shows the Trust dialog: `pair` waits briefly for the operator, then reports
 * pending (−402653034) or denied (−402653035). A device supervised by the caller's `-C/-K` identity, or one
 * at Setup Assistant, pairs at once; `--forbid-pairing` devices refuse other hosts (−402653030).
 */
import type { SimDevice } from '../../device-model';
import { fail, ok, type DeviceCommand, type DeviceOutcome, type RunContext } from '../command-types';
import { holdsSupervision } from '../identity';

async function waitForTap(device: SimDevice, ctx: RunContext): Promise<void> {
  const total = ctx.world.timings.pairWaitSeconds;
  for (let waited = 0; waited < total && device.trust === 'shown'; waited += total / 10) {
    await ctx.sleep(total / 10);
  }
}

async function pair(device: SimDevice, ctx: RunContext): Promise<DeviceOutcome> {
  ctx.progress(device, 1, 1, 'Waiting for the device');
  await ctx.sleep(ctx.world.timings.quickCommandSeconds * 0.5);
  if (device.isPaired) return ok();
  if (await holdsSupervision(device, ctx)) {
    device.isPaired = true;
    return ok();
  }
  // Host restrictions hold even at Setup Assistant, where pairing otherwise needs no prompt.
  if (device.pairingForbidden) return fail(ctx.error('pairingProhibited'));
  if (device.atSetupAssistant) {
    device.isPaired = true;
    return ok();
  }
  if (device.locked) return fail(ctx.error('passcodeProtected'));
  if (device.trust !== 'denied') {
    ctx.world.showTrustDialog(device);
    await waitForTap(device, ctx);
  }
  // Read through a function: the operator's tap changes the field while this command waits.
  const answer = (): SimDevice['trust'] => device.trust;
  if (answer() === 'accepted') {
    device.isPaired = true;
    return ok();
  }
  if (answer() === 'denied') {
    // The dialog is gone; the next `pair` shows it again.
    device.trust = 'none';
    return fail(ctx.error('trustDenied'));
  }
  return fail(ctx.error('trustPending'));
}

export const pairCommand: DeviceCommand = {
  name: 'pair',
  layout: 'action',
  mutates: false,
  successLine: (name, ecid) => `Paired with ${name} (ECID: ${ecid}).`,
  bind: (args) => (args.length > 0 ? `pair takes no arguments` : pair),
};

export const unpairCommand: DeviceCommand = {
  name: 'unpair',
  layout: 'action',
  mutates: false,
  successLine: (name, ecid) => `Unpaired with ${name} (ECID: ${ecid}).`,
  bind: (args) =>
    args.length > 0
      ? `unpair takes no arguments`
      : async (device, ctx) => {
          await ctx.sleep(ctx.world.timings.quickCommandSeconds * 0.5);
          device.isPaired = false;
          device.trust = 'none';
          return ok();
        },
};
