/**
 * The done-criterion on the simulated bench: a cart of 30 through supervise-and-enroll (the real job
 * board, steps and simulated cfgutil, assembled by the one composition, joined to Intune by the same
 * startBenchEnrollment the app and `run` use) with serial push on against the fake Intune. ACME: each serial is pushed
 * before its install step, which waits for it; every device that finishes checks in to the fake tenant after a
 * delay, and the bench confirms each one "enrolled". SCEP: pushed after the device is done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntuneColumns } from '../../../../main/intune/enrollment/enrollment-journal';
import {
  startBenchEnrollment,
  type BenchEnrollment,
} from '../../../../main/intune/enrollment/bench-enrollment';
import type { ProfileVariantName } from '../../../../main/intune/enrollment/enrollment-service';
import { jobsBench, until } from '../../jobs/jobs-sim-harness';
import { startTenant, type Tenant } from './enrollment-fixtures';

let tenant: Tenant | undefined;
let bench: BenchEnrollment | undefined;
let dir: string | undefined;
afterEach(async () => {
  await bench?.close();
  bench = undefined;
  await tenant?.fake.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runCart(variant: ProfileVariantName): Promise<void> {
  tenant = await startTenant();
  tenant.fake.enrollment.enrollDelayMs = 30;
  dir = await mkdtemp(path.join(os.tmpdir(), 'cart-enrollment-'));
  const shown = new Map<string, IntuneColumns>();
  const pushedBeforeInstall = new Set<string>();
  // The app's own hook-up (the Intune area and `run` both use it), given the fake tenant.
  bench = await startBenchEnrollment({
    dataDir: dir,
    intune: { ...tenant.intune, status: async () => ({ connected: true }) },
    variant: () => variant,
    log: () => undefined,
    announce: (c) => shown.set(c.serial, c),
    timing: { firstWaitMs: 20, pollMs: 20 },
    fakeTenant: tenant.fake.enrollment,
  });
  const hooks = bench;
  const sim = await jobsBench({
    world: { quirks: { mdmSilentOnSupervised: true } },
    enrollment: {
      beforeInstall: async (serial, signal) => {
        await hooks.beforeInstall(serial, signal);
        if (serial && tenant!.fake.enrollment.imported.some((i) => i.serialNumber === serial))
          pushedBeforeInstall.add(serial);
      },
      jobEnded: hooks.jobEnded,
    },
  });
  const devices = Array.from({ length: 30 }, () =>
    sim.handle.world.attach({ deviceClass: 'iPad', paired: true }),
  );
  await until(sim, (j) => j.length === 30 && j.every((x) => x.phase === 'succeeded'), 90_000);
  const serials = devices.map((d) => d.serialNumber);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !serials.every((s) => shown.get(s)?.enrollment === 'enrolled'))
    await new Promise((r) => setTimeout(r, 25));

  const folded = await bench.enrollment.columns();
  for (const s of serials) {
    expect(tenant.fake.enrollment.timesSent(s), s).toBe(1);
    expect(folded.columns.get(s), s).toMatchObject({ push: 'pushed', enrollment: 'enrolled' });
    expect(shown.get(s)?.enrolledAt, s).toEqual(expect.any(Number));
  }
  expect(pushedBeforeInstall.size).toBe(variant === 'acme' ? 30 : 0);
}

describe('a simulated cart of 30 with serial push on', () => {
  it('ACME: every serial pushed before its install, every device confirmed enrolled', async () => {
    await runCart('acme');
  }, 150_000);

  it('SCEP: every serial pushed after its device is done, every device confirmed enrolled', async () => {
    await runCart('scep');
  }, 150_000);
});
