/**
 * The done-criterion on the simulated bench: a cart of 30 through supervise-and-enroll (the real job
 * board, steps and simulated cfgutil) with serial push on against the fake Intune. ACME: each serial is pushed
 * before its install step, which waits for it; every device that finishes checks in to the fake tenant after a
 * delay, and the bench confirms each one "enrolled". SCEP: pushed after the device is done.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntuneColumns } from '../../../../main/intune/enrollment/enrollment-journal';
import {
  EnrollmentService,
  type ProfileVariantName,
} from '../../../../main/intune/enrollment/enrollment-service';
import { InstallGate } from '../../../../main/intune/enrollment/install-gate';
import { onJobFinished } from '../../../../main/intune/enrollment/job-finished';
import { noJobEvents } from '../../../../main/jobs/job-board-types';
import { jobsBench, until } from '../../jobs/jobs-sim-harness';
import { startTenant, type Tenant } from './enrollment-fixtures';

let tenant: Tenant | undefined;
let service: EnrollmentService | undefined;
let dir: string | undefined;
afterEach(async () => {
  await service?.close();
  await tenant?.fake.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function runCart(variant: ProfileVariantName): Promise<void> {
  tenant = await startTenant();
  tenant.fake.enrollment.enrollDelayMs = 30;
  dir = await mkdtemp(path.join(os.tmpdir(), 'cart-enrollment-'));
  const shown = new Map<string, IntuneColumns>();
  const pushedBeforeInstall = new Set<string>();
  service = new EnrollmentService({
    dataDir: dir,
    intune: tenant.intune,
    firstWaitMs: 20,
    onChange: (c) => shown.set(c.serial, c),
  });
  service.watcher.start(20);
  const gate = new InstallGate();
  gate.set(async (serial) => {
    await service!.beforeInstall(serial, variant);
    if (serial && tenant!.fake.enrollment.imported.some((i) => i.serialNumber === serial))
      pushedBeforeInstall.add(serial);
  });
  const finished = onJobFinished({
    enrollment: service,
    connected: async () => true,
    variant: () => variant,
    fakeTenant: tenant.fake.enrollment,
  });
  const bench = await jobsBench({
    world: { quirks: { mdmSilentOnSupervised: true } },
    board: (profile) => ({
      profile: { current: () => ({ ...profile, beforeInstall: gate.run }) },
      events: { ...noJobEvents, jobChanged: (job) => finished(job) },
    }),
  });
  const devices = Array.from({ length: 30 }, () =>
    bench.handle.world.attach({ deviceClass: 'iPad', paired: true }),
  );
  await until(bench, (j) => j.length === 30 && j.every((x) => x.phase === 'succeeded'), 90_000);
  const serials = devices.map((d) => d.serialNumber);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !serials.every((s) => shown.get(s)?.enrollment === 'enrolled'))
    await new Promise((r) => setTimeout(r, 25));

  const folded = await service.columns();
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
