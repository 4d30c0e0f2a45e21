/**
 * Issue 14 item 4 with the jobs: carts run through supervise-and-enroll one after another (erase, prepare,
 * profile, verify, rename on every device), then unplugged. After each cart, no more file descriptors,
 * child processes or handles than after the first, and the heap within noise of it.
 */
import { describe, it } from 'vitest';
import { jobsBench, until } from '../main/jobs/jobs-sim-harness';
import { recordFigures } from './figures';
import { expectNoGrowth } from './expect-no-growth';
import { sampleResources, settledResources, type ResourceSample } from './resources';
import { waitFor } from './sim-bench';

const carts = 4;
const cartSize = 10;
const heapSlackBytes = 16 * 1024 * 1024;

describe('soak: carts through supervise-and-enroll in a row', () => {
  it('leaks nothing from one provisioned cart to the next', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const started = Date.now();
    const samples: ResourceSample[] = [];
    let provisioned = 0;
    for (let cart = 0; cart < carts; cart += 1) {
      const ecids = Array.from(
        { length: cartSize },
        () => bench.handle.world.attach({ deviceClass: 'iPad', paired: true }).ecid,
      );
      await until(
        bench,
        (jobs) => ecids.every((ecid) => jobs.some((j) => j.ecid === ecid && j.phase === 'succeeded')),
        90_000,
      );
      provisioned += cartSize;
      bench.handle.world.detachAll();
      await waitFor(() => bench.board.views().every((j) => j.phase === 'succeeded'), 'no job left running');
      await waitFor(() => sampleResources().children === 0, 'no cfgutil left running');
      samples.push(await settledResources());
    }
    expectNoGrowth(samples, heapSlackBytes);
    recordFigures('soak-jobs', {
      carts,
      cartSize,
      devicesProvisioned: provisioned,
      wallSeconds: Math.round((Date.now() - started) / 100) / 10,
      fds: samples.map((s) => s.fds),
      handles: samples.map((s) => Object.values(s.handles).reduce((a, b) => a + b, 0)),
      heapMiB: samples.map((s) => Math.round(s.heapUsedBytes / 1024 / 102.4) / 10),
    });
  }, 240_000);
});
