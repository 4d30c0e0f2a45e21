import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnrollmentApi } from '../../../../main/intune/enrollment/enrollment-api';
import type { IntuneColumns } from '../../../../main/intune/enrollment/enrollment-journal';
import { EnrollmentService } from '../../../../main/intune/enrollment/enrollment-service';
import { serials, startTenant, type Tenant } from './enrollment-fixtures';

let tenant: Tenant;
let dir: string;
let t: number;
let seen: IntuneColumns[];
let service: EnrollmentService;

beforeEach(async () => {
  tenant = await startTenant();
  dir = await mkdtemp(path.join(os.tmpdir(), 'enrollment-'));
  t = Date.UTC(2026, 11, 5, 10);
  seen = [];
  service = new EnrollmentService({
    dataDir: dir,
    intune: tenant.intune,
    now: () => t,
    onChange: (c) => seen.push(c),
  });
});
afterEach(async () => {
  await service.close();
  await tenant.fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** Lets the watcher run its turns over `minutes` of bench time. */
async function pass(minutes: number): Promise<void> {
  for (let m = 0; m < minutes * 2; m++) {
    t += 30_000;
    await service.watcher.poll();
  }
}

describe('EnrollmentService', () => {
  it('a cart of 30 (SCEP): every serial pushed after its device is done, every device confirmed enrolled', async () => {
    const cart = serials(30);
    for (const s of cart) {
      await service.deviceDone(s, 'scep', t);
      tenant.fake.enrollment.enroll(s);
    }
    await pass(2);
    const folded = await service.columns();
    for (const s of cart) {
      expect(tenant.fake.enrollment.timesSent(s)).toBe(1);
      expect(folded.columns.get(s)).toMatchObject({
        push: 'pushed',
        enrollment: 'enrolled',
        enrollmentType: 'appleBulkWithoutUser',
        supervised: true,
        enrolledAt: expect.any(Number),
      });
    }
    expect(
      seen
        .filter((c) => c.enrollment === 'enrolled')
        .map((c) => c.serial)
        .sort(),
    ).toEqual([...cart].sort());
    // 30 serials ask in two batches (20 + 10), never one request per device.
    expect(tenant.fake.requests.filter((r) => r.path === '/v1.0/$batch').length).toBeLessThanOrEqual(4);
  });

  it('states: not yet seen, several records, and not seen after the bound', async () => {
    const [late, twice, never] = serials(3);
    for (const s of [late!, twice!, never!]) await service.deviceDone(s, 'scep', t);
    tenant.fake.enrollment.enroll(twice!);
    tenant.fake.enrollment.enroll(twice!);
    await pass(1);
    let folded = await service.columns();
    expect(folded.columns.get(late!)?.enrollment).toBe('not-yet-seen');
    expect(folded.columns.get(twice!)).toMatchObject({ enrollment: 'several', records: 2 });
    tenant.fake.enrollment.enroll(late!);
    await pass(31);
    folded = await service.columns();
    expect(folded.columns.get(late!)?.enrollment).toBe('enrolled');
    expect(folded.columns.get(never!)?.enrollment).toBe('not-seen');
    expect(service.watcher.watching()).toEqual([]);
  });

  it('a throttled lookup inside the batch is asked again, not judged', async () => {
    const cart = serials(3);
    for (const s of cart) {
      await service.deviceDone(s, 'scep', t);
      tenant.fake.enrollment.enroll(s);
    }
    tenant.fake.fail('batch-throttle', { match: '$batch' });
    t += 30_000;
    await service.watcher.poll();
    expect((await service.columns()).columns.get(cart[2]!)?.enrollment).toBe('not-yet-seen');
    await pass(2);
    expect((await service.columns()).columns.get(cart[2]!)?.enrollment).toBe('enrolled');
  });

  it('ACME: the serial is pushed before the install; a refused push stops the install with why', async () => {
    const [ok, bad] = serials(2);
    await service.beforeInstall(ok!, 'acme');
    expect(tenant.fake.enrollment.imported.map((i) => i.serialNumber)).toEqual([ok]);
    tenant.fake.enrollment.refuse.add(bad!);
    await expect(service.beforeInstall(bad!, 'acme')).rejects.toThrow(/not in Intune yet/);
    expect((await service.columns()).columns.get(bad!)).toMatchObject({ push: 'failed' });
    // SCEP does not push before the install, and nothing is pushed with push turned off.
    await service.beforeInstall(serials(3)[2]!, 'scep');
    tenant.push = false;
    await service.deviceDone('F9FXZZZZ0001', 'scep', t);
    expect(tenant.fake.enrollment.sentSerials).toEqual([ok, bad]);
  });

  it('push from the log: queues what is not pushed, reports what already was, and a dry run sends nothing', async () => {
    const list = serials(4);
    await service.deviceDone(list[0]!, 'scep', t);
    expect((await service.push(list, true)).filter((o) => o.result === 'would-push')).toHaveLength(3);
    expect(tenant.fake.enrollment.sentSerials).toEqual([list[0]]);
    const outcomes = await service.push(list, false);
    expect(outcomes.map((o) => [o.serial, o.result])).toEqual([
      [list[0], 'already-pushed'],
      [list[1], 'pushed'],
      [list[2], 'pushed'],
      [list[3], 'pushed'],
    ]);
  });

  it('verify looks every serial up now, judging the bound from when the device was done', async () => {
    const [a, b, c] = serials(3);
    tenant.fake.enrollment.enroll(a!);
    const rows = await service.verify(
      new Map([
        [a!, t],
        [b!, t - 60 * 60_000],
        [c!, t - 60_000],
      ]),
    );
    expect(rows.map((r) => [r.serial, r.state])).toEqual([
      [a, 'enrolled'],
      [b, 'not-seen'],
      [c, 'not-yet-seen'],
    ]);
  });

  it('after a restart, serials left "not yet seen" are watched again', async () => {
    const [s] = serials(1);
    await service.deviceDone(s!, 'scep', t);
    await service.close();
    service = new EnrollmentService({ dataDir: dir, intune: tenant.intune, now: () => t });
    await service.start(60_000);
    expect(service.watcher.watching()).toEqual([s]);
    tenant.fake.enrollment.enroll(s!);
    await pass(2);
    expect((await service.columns()).columns.get(s!)?.enrollment).toBe('enrolled');
  });

  it('a restart mid-push: the next start pushes what was queued, looking first, and sends none twice', async () => {
    const list = serials(5);
    // One serial reached Intune but the process died before writing its result; one was only queued.
    await service.journal.append({
      kind: 'push-queued',
      serial: list[0]!,
      profileGuid: tenant.profileGuid,
      at: t,
      via: 'scep',
    });
    await service.journal.append({
      kind: 'push-started',
      serial: list[0]!,
      profileGuid: tenant.profileGuid,
      at: t,
    });
    const c = await tenant.intune.connection();
    await new EnrollmentApi(c.graph).importSerials(c.accountId, [list[0]!], tenant.profileGuid);
    for (const s of list.slice(1))
      await service.journal.append({
        kind: 'push-queued',
        serial: s,
        profileGuid: tenant.profileGuid,
        at: t,
        via: 'scep',
      });
    await service.close();
    service = new EnrollmentService({ dataDir: dir, intune: tenant.intune, now: () => t });
    await service.start(60_000);
    const deadline = Date.now() + 5000;
    const pushed = async () =>
      [...(await service.columns()).columns.values()].filter((x) => x.push === 'pushed').length === 5;
    while (!(await pushed()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await pushed()).toBe(true);
    for (const s of list) expect(tenant.fake.enrollment.timesSent(s)).toBe(1);
  });

  it('nothing queued is pushed while serial push is off', async () => {
    const [s] = serials(1);
    await service.journal.append({
      kind: 'push-queued',
      serial: s!,
      profileGuid: tenant.profileGuid,
      at: t,
      via: 'scep',
    });
    tenant.push = false;
    await service.retryQueued();
    expect(tenant.fake.enrollment.sentSerials).toEqual([]);
  });
});
