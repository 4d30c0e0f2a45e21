/**
 * `erase` / `erase-content` [--esim] (§8.2, §11.9 of ../shared/reference/cfgutil.md).
 *
 * Returns soon after the command is sent; the device then reboots: USB detach after ~22 s, re-attach
 * ~40 s later with the same ECID and erased state. Find My (Activation Lock) makes it fail with a message
 * containing "complete the activation process".
 */
import { applyErase } from '../../device-lifecycle';
import { fail, ok, type DeviceCommand } from '../command-types';
import { ensurePaired } from '../identity';

export const eraseCommand: DeviceCommand = {
  name: 'erase',
  aliases: ['erase-content'],
  layout: 'action',
  successLine: (name, ecid) => `Erased device ${name} (ECID: ${ecid}).`,
  bind(args) {
    const unknown = args.find((a) => a !== '--esim');
    if (unknown !== undefined) return `unrecognized argument "${unknown}" for erase`;
    return async (device, ctx) => {
      const { timings } = ctx.world;
      await ctx.sleep(timings.quickCommandSeconds * 0.5);
      if (!(await ensurePaired(device, ctx))) return fail(ctx.error('notPaired'));
      if (device.findMy) return fail(ctx.error('activationLock'));
      // Once sent, the wipe happens even if this cfgutil process is killed before it returns.
      const detachAfter = Math.max(timings.eraseDetachSeconds, timings.eraseReturnSeconds);
      ctx.world.reboot(device.ecid, detachAfter, timings.eraseReattachSeconds, applyErase);
      try {
        await ctx.sleep(timings.eraseReturnSeconds);
      } catch {
        /* killed after sending: the erase still runs */
      }
      return ok();
    };
  },
};
