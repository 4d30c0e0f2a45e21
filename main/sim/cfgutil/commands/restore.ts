/**
 * `restore [-I ipsw]` and `update [-I ipsw]` (§8.2, §11 of main/cfgutil/README.md).
 *
 * From `Booted` (paired) or from Recovery/DFU by ECID. Four text steps as in S13, about 11 minutes of device
 * time with a cached IPSW (S6), `bootedState` `Restore` while iOS is installed, then a reboot that re-attaches
 * the same ECID in normal mode, Unactivated, at Setup Assistant. Failures 401 and 2006 are injectable faults.
 * [U] `update` is modelled like `restore` (the issue asks for the same end state); its result line is a guess.
 */
import { applyErase } from '../../device-lifecycle';
import type { SimDevice } from '../../device-model';
import { fail, ok, type DeviceCommand, type DeviceOutcome, type RunContext } from '../command-types';
import { ensurePaired } from '../identity';

const STEPS: readonly [string, number][] = [
  ['Downloading iOS', 0.15],
  ['Unzipping iOS', 0.2],
  ['Installing iOS', 0.6],
];

async function restore(device: SimDevice, ctx: RunContext): Promise<DeviceOutcome> {
  const { world } = ctx;
  const total = world.duration(world.timings.restoreSeconds);
  ctx.progress(device, 1, 4, 'Waiting for the device');
  await ctx.sleep(total * 0.05);
  if (device.bootedState === 'Booted') {
    const refused = await ensurePaired(device, ctx);
    if (refused) return fail(ctx.error(refused));
  }
  for (const [index, [text, share]] of STEPS.entries()) {
    ctx.progress(device, index + 2, 4, text);
    if (text === 'Installing iOS') device.bootedState = 'Restore';
    await ctx.sleep(total * share);
  }
  // Normal mode again after one more reboot: the same ECID and port, erased (§8.2).
  world.reboot(device.ecid, 1, world.duration(world.timings.rebootReattachSeconds), applyErase);
  return ok();
}

function bindRestore(name: string) {
  return (args: readonly string[]) => {
    const [flag, ipsw, ...rest] = args;
    if (args.length === 0) return restore;
    if ((flag === '-I' || flag === '--ipsw') && ipsw && rest.length === 0) return restore;
    return `${name} takes only -I <ipsw>`;
  };
}

export const restoreCommand: DeviceCommand = {
  name: 'restore',
  layout: 'action',
  mutates: true,
  worksInRecovery: true,
  successLine: (name, ecid) => `Restored System on ${name} (ECID: ${ecid}).`,
  bind: bindRestore('restore'),
};

export const updateCommand: DeviceCommand = {
  name: 'update',
  layout: 'action',
  mutates: true,
  worksInRecovery: true,
  successLine: (name, ecid) => `Updated System on ${name} (ECID: ${ecid}).`,
  bind: bindRestore('update'),
};
