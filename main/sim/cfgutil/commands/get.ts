/**
 * `get <props…>` / `get all` (§5, §6.1, §11.7): values per device, and per-property errors that the
 * runner nests under `Output.Errors.<ECID>`.
 */
import type { SimDevice } from '../../device-model';
import type { SimErrorBody } from '../../messages';
import type { DeviceCommand, DeviceOutcome, RunContext } from '../command-types';
import { allProperties, isPublicProperty, readProperty } from '../properties';

function readAll(device: SimDevice, properties: readonly string[], ctx: RunContext): DeviceOutcome {
  const output: Record<string, unknown> = {};
  const propertyErrors: Record<string, SimErrorBody> = {};
  // At Setup Assistant a host may pair without a prompt, so the device answers like a paired one.
  const paired = device.isPaired || (device.atSetupAssistant && !device.pairingForbidden);
  for (const property of properties) {
    if (device.locked) {
      propertyErrors[property] = ctx.error('passcodeProtected');
    } else if (!paired && !isPublicProperty(property)) {
      propertyErrors[property] = ctx.error('notPaired');
    } else {
      const value = readProperty(device, property);
      if (value === undefined) propertyErrors[property] = ctx.error('valueMissing');
      else output[property] = value;
    }
  }
  return { ok: true, output, propertyErrors };
}

export const getCommand: DeviceCommand = {
  name: 'get',
  aliases: ['get-property'],
  layout: 'get',
  successLine: () => '',
  bind(args) {
    if (args.length === 0) return 'get requires at least one property name (or "all")';
    const properties = requestedProperties(args);
    return async (device, ctx) => {
      await ctx.sleep(ctx.world.timings.quickCommandSeconds * 0.5);
      return readAll(device, properties, ctx);
    };
  },
};

/** The requested property order for text layouts, from the same arguments `bind` saw. */
export function requestedProperties(args: readonly string[]): readonly string[] {
  return args.includes('all') ? allProperties : [...new Set(args)];
}
