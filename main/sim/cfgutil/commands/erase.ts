/**
 * `erase` / `erase-content` [--esim] (§8.2, §11 of main/cfgutil/README.md).
 *
 * Returns soon after the command is sent; the device then reboots: USB detach after ~22 s, re-attach
 * ~40 s later with the same ECID and erased state (seeded jitter). Activation Lock (Find My) does not stop it
 * unless the `activationLockAt: 'erase'` switch says so; then the message contains "complete the activation
 * process".
 */
import { applyErase } from '../../device-lifecycle';
import { fail, ok, type DeviceCommand } from '../command-types';
import { ensurePaired } from '../identity';

export const eraseCommand: DeviceCommand = {
  name: 'erase',
  aliases: ['erase-content'],
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `Erased device ${name} (ECID: ${ecid}).`,
  bind(args) {
    const unknown = args.find((a) => a !== '--esim');
    if (unknown !== undefined) return `unrecognized argument "${unknown}" for erase`;
    return async (device, ctx) => {
      const { timings } = ctx.world;
      const { world } = ctx;
      ctx.progress(device, 1, 1, 'Waiting for the device');
      await ctx.sleep(timings.quickCommandSeconds * 0.5);
      const refused = await ensurePaired(device, ctx);
      if (refused) return fail(ctx.error(refused));
      // Activation Lock shows at activation by default (AGREED-SIM 7): the erase itself goes through.
      if (device.findMy && world.quirks.activationLockAt === 'erase')
        return fail(ctx.error('activationLock'));
      // Once sent, the wipe happens even if this cfgutil process is killed before it returns.
      const detachAfter = Math.max(world.duration(timings.eraseDetachSeconds), timings.eraseReturnSeconds);
      world.reboot(device.ecid, detachAfter, world.duration(timings.eraseReattachSeconds), applyErase);
      try {
        await ctx.sleep(timings.eraseReturnSeconds);
      } catch {
        /* killed after sending: the erase still runs */
      }
      return ok();
    };
  },
};
