/**
 * Issue 14 item 4, a simulated day: carts of 30 attached and detached in a row at a fast time scale, with
 * every device listed and its serial read through the real cfgutil path. After each cart the bench must
 * hold no more file descriptors, child processes, handles or timers, and no more heap, than after the first.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { recordFigures } from './figures';
import { expectNoGrowth } from './expect-no-growth';
import { sampleResources, settledResources, type ResourceSample } from './resources';
import { startSimBench, waitFor, type SimBench } from './sim-bench';

const carts = 8;
const cartSize = 30;
/** Heap noise from JIT and caches between carts; a leak of one cart's devices and events grows past it. */
const heapSlackBytes = 12 * 1024 * 1024;

let bench: SimBench | undefined;
afterAll(async () => bench?.close());

async function runCart(sim: SimBench): Promise<ResourceSample> {
  for (let i = 0; i < cartSize; i += 1) sim.handle.world.attach({ deviceClass: 'iPad', paired: true });
  await waitFor(
    () => sim.devices().length === cartSize && sim.devices().every((d) => d.serialNumber !== undefined),
    `${cartSize} devices listed with their serial numbers`,
  );
  sim.handle.world.detachAll();
  await waitFor(() => sim.devices().length === 0, 'every device gone after detach-all');
  await waitFor(() => sampleResources().children === 0, 'no cfgutil process left running');
  return settledResources();
}

describe('soak: carts of 30 in a row', () => {
  it('leaks no descriptors, processes, handles, timers or heap from one cart to the next', async () => {
    bench = await startSimBench();
    const started = Date.now();
    const samples: ResourceSample[] = [];
    for (let cart = 0; cart < carts; cart += 1) samples.push(await runCart(bench));
    expectNoGrowth(samples, heapSlackBytes);
    // The watcher never went degraded on a healthy world.
    expect(bench.logged.filter((l) => l.message === 'device watcher degraded')).toEqual([]);
    recordFigures('soak', {
      carts,
      cartSize,
      devicesListed: carts * cartSize,
      wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      fds: samples.map((s) => s.fds),
      children: samples.map((s) => s.children),
      handles: samples.map((s) => Object.values(s.handles).reduce((a, b) => a + b, 0)),
      heapMiB: samples.map((s) => Math.round(s.heapUsedBytes / 1024 / 102.4) / 10),
    });
  }, 180_000);
});
