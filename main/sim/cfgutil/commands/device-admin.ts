/**
 * `rename`, `restart` and `shut-down` (§3, §11 of main/cfgutil/README.md).
 *
 * `rename` fails with −402653161 when an installed profile forbids name changes; `restart` and `shut-down`
 * are supervised-only and need the supervising `-C/-K` identity.
 */
import type { SimDevice } from '../../device-model';
import { fail, ok, type DeviceCommand, type DeviceOutcome, type RunContext } from '../command-types';
import { ensurePaired, holdsSupervision } from '../identity';

async function rename(device: SimDevice, name: string, ctx: RunContext): Promise<DeviceOutcome> {
  await ctx.sleep(ctx.world.timings.quickCommandSeconds * 0.5);
  const refused = await ensurePaired(device, ctx);
  if (refused) return fail(ctx.error(refused));
  if (device.profiles.some((p) => p.forbidsRename)) return fail(ctx.error('setProhibited'));
  device.name = name;
  return ok();
}

async function power(device: SimDevice, restart: boolean, ctx: RunContext): Promise<DeviceOutcome> {
  const { world } = ctx;
  await ctx.sleep(world.timings.quickCommandSeconds * 0.5);
  if (!(await holdsSupervision(device, ctx))) return fail(ctx.error('supervisionRequired'));
  if (restart) {
    world.reboot(device.ecid, 2, world.duration(world.timings.rebootReattachSeconds), () => undefined);
  } else {
    // Powered off: it stays unplugged (its port kept) until the harness powers it on (AGREED-SIM 3).
    world.shutDown(device.ecid, 2);
  }
  return ok();
}

const noArgs =
  (name: string, run: (device: SimDevice, ctx: RunContext) => Promise<DeviceOutcome>) =>
  (args: readonly string[]) => (args.length > 0 ? `${name} takes no arguments` : run);

export const renameCommand: DeviceCommand = {
  name: 'rename',
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `Renamed ${name} (ECID: ${ecid}).`,
  bind(args) {
    const [name, ...rest] = args;
    if (name === undefined || name.trim() === '' || name.length > 255 || rest.length > 0) {
      return 'rename requires exactly one non-empty name';
    }
    return (device, ctx) => rename(device, name, ctx);
  },
};

export const restartCommand: DeviceCommand = {
  name: 'restart',
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `Restarted ${name} (ECID: ${ecid}).`,
  bind: noArgs('restart', (device, ctx) => power(device, true, ctx)),
};

export const shutDownCommand: DeviceCommand = {
  name: 'shut-down',
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `Shut down ${name} (ECID: ${ecid}).`,
  bind: noArgs('shut-down', (device, ctx) => power(device, false, ctx)),
};
