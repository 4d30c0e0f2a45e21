/**
 * `get <props…>` / `get all` (§5, §6.1, §11.7): values per device, and per-property errors that the
 * runner nests under `Output.Errors.<ECID>`.
 */
import type { SimDevice } from '../../device-model';
import type { SimErrorBody } from '../../messages';
import type { DeviceCommand, DeviceOutcome, RunContext } from '../command-types';
import { ensurePaired } from '../identity';
import { allProperties, isPublicProperty, readProperty } from '../properties';

async function readAll(
  device: SimDevice,
  properties: readonly string[],
  ctx: RunContext,
): Promise<DeviceOutcome> {
  const output: Record<string, unknown> = {};
  const propertyErrors: Record<string, SimErrorBody> = {};
  // Reading a private property pairs first, as cfgutil does: silently at Setup Assistant or with our
  // identity, else with the Trust dialog (pending/denied), or refused by a supervisor that prohibits it.
  const needsPairing = !device.locked && properties.some((p) => !isPublicProperty(p));
  // In Recovery/DFU only what USB shows can be read.
  const booted = device.bootedState === 'Booted';
  const refused = !booted ? 'wrongMode' : needsPairing ? await ensurePaired(device, ctx) : undefined;
  for (const property of properties) {
    if (device.locked) {
      propertyErrors[property] = ctx.error('passcodeProtected');
    } else if (refused && !isPublicProperty(property)) {
      propertyErrors[property] = ctx.error(refused);
    } else if (Object.hasOwn(device.readShapes, property)) {
      const shape = device.readShapes[property];
      if (shape?.kind === 'value') output[property] = shape.value;
      else if (shape?.kind === 'error') propertyErrors[property] = ctx.error('deviceStateUnknown');
      else propertyErrors[property] = ctx.error('valueMissing');
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
  mutates: false,
  worksInRecovery: true,
  successLine: () => '',
  bind(args) {
    if (args.length === 0) return 'get requires at least one property name (or "all")';
    const properties = requestedProperties(args);
    return async (device, ctx) => {
      // ~11 properties take 1.8–2.1 s (§12).
      await ctx.sleep(ctx.world.duration(ctx.world.timings.getPerPropertySeconds * properties.length));
      return readAll(device, properties, ctx);
    };
  },
};

/** The requested property order for text layouts, from the same arguments `bind` saw. */
export function requestedProperties(args: readonly string[]): readonly string[] {
  return args.includes('all') ? allProperties : [...new Set(args)];
}
