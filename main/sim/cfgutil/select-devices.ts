/**
 * Which devices a run acts on (§2.2, §11 of main/cfgutil/README.md): the `-e` list, all with
 * `-f`, or the single attached device. Waits up to `--timeout` seconds for them to appear, since that is
 * what the option means ("timeout for detecting connected devices", §2).
 */
import type { SimWorld } from '../sim-world';
import type { GlobalOptions } from './parse-argv';

export type Selection =
  { readonly kind: 'devices'; readonly ecids: readonly bigint[] } | { readonly kind: 'none' | 'ambiguous' };

function current(world: SimWorld, options: GlobalOptions): Selection | undefined {
  const attached = world.attachedEcids();
  if (options.ecids.length > 0) {
    const found = options.ecids.filter((e) => attached.includes(e));
    return found.length === options.ecids.length ? { kind: 'devices', ecids: found } : undefined;
  }
  if (attached.length === 0) return undefined;
  if (options.foreach || attached.length === 1 || world.quirks.ambiguousTarget === 'all') {
    return { kind: 'devices', ecids: attached };
  }
  return { kind: 'ambiguous' };
}

export async function selectDevices(
  world: SimWorld,
  options: GlobalOptions,
  signal: AbortSignal,
): Promise<Selection> {
  const timeout = options.timeout ?? world.timings.detectTimeoutSeconds;
  const step = Math.max(0.05, timeout / 20);
  for (let waited = 0; ; waited += step) {
    const selection = current(world, options);
    if (selection) return selection;
    if (waited >= timeout) break;
    await world.clock.sleep(step, signal);
  }
  // Some of several `-e` devices missing at the deadline: act on those that are there.
  const attached = world.attachedEcids();
  const found = options.ecids.filter((e) => attached.includes(e));
  return found.length > 0 ? { kind: 'devices', ecids: found } : { kind: 'none' };
}
