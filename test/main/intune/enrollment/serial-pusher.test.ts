import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnrollmentApi } from '../../../../main/intune/enrollment/enrollment-api';
import {
  EnrollmentJournal,
  type EnrollmentEntry,
} from '../../../../main/intune/enrollment/enrollment-journal';
import { SerialPusher } from '../../../../main/intune/enrollment/serial-pusher';
import { serials, startTenant, type Tenant } from './enrollment-fixtures';

class Crash extends Error {}

/** A journal whose process "dies" on its `crashAt`-th append: that line and everything after never happen. */
class CrashingJournal extends EnrollmentJournal {
  private n = 0;
  constructor(
    dataDir: string,
    private readonly crashAt: number,
  ) {
    super(dataDir);
  }
  override async append(entry: EnrollmentEntry): Promise<void> {
    if (++this.n >= this.crashAt) throw new Crash('crashed');
    await super.append(entry);
  }
}

let tenant: Tenant;
let dir: string;

beforeEach(async () => {
  tenant = await startTenant();
  dir = await mkdtemp(path.join(os.tmpdir(), 'pusher-'));
});
afterEach(async () => {
  await tenant.fake.close();
  await rm(dir, { recursive: true, force: true });
});

function pusherOn(journal: EnrollmentJournal, t: Tenant = tenant): SerialPusher {
  return new SerialPusher({
    journal,
    now: () => Date.UTC(2026, 11, 5, 10),
    target: async () => {
      const c = await t.intune.connection();
      return { api: new EnrollmentApi(c.graph), accountId: c.accountId };
    },
  });
}

describe('SerialPusher', () => {
  it('pushes queued serials once, in chunks of 50, each item read back', async () => {
    const journal = new EnrollmentJournal(dir);
    const pusher = pusherOn(journal);
    const list = serials(120);
    for (const serial of list) await pusher.queue({ serial, profileGuid: tenant.profileGuid }, 'command');
    const outcomes = await pusher.push();
    expect(outcomes.filter((o) => o.result === 'pushed')).toHaveLength(120);
    expect(tenant.fake.requests.filter((r) => r.path.endsWith('importAppleDeviceIdentityList'))).toHaveLength(
      3,
    );
    expect(await pusher.push()).toEqual([]);
    for (const s of list) expect(tenant.fake.enrollment.timesSent(s)).toBe(1);
    await journal.close();
  });

  it('a refused serial stays queued with why; the others are pushed', async () => {
    const journal = new EnrollmentJournal(dir);
    const pusher = pusherOn(journal);
    const [good, bad] = serials(2);
    tenant.fake.enrollment.refuse.add(bad!);
    for (const serial of [good!, bad!])
      await pusher.queue({ serial, profileGuid: tenant.profileGuid }, 'scep');
    await pusher.push();
    const folded = await new EnrollmentJournal(dir).read();
    expect(folded.columns.get(good!)).toMatchObject({ push: 'pushed' });
    expect(folded.columns.get(bad!)).toMatchObject({
      push: 'failed',
      pushWhy: expect.stringContaining('refused'),
    });
    expect((await pusher.push({ dryRun: true })).map((o) => o.serial)).toEqual([bad]);
    await journal.close();
  });

  it('a serial another bench already imported counts as pushed, not failed', async () => {
    const [s] = serials(1);
    const other = new EnrollmentApi((await tenant.intune.connection()).graph);
    await other.importSerials(tenant.fake.accountId, [s!], tenant.profileGuid);
    const journal = new EnrollmentJournal(dir);
    const pusher = pusherOn(journal);
    await pusher.queue({ serial: s!, profileGuid: tenant.profileGuid }, 'command');
    expect(await pusher.push()).toEqual([expect.objectContaining({ serial: s, result: 'already-pushed' })]);
    await journal.close();
  });

  it('an answer lost after the import reached Intune is looked up, not sent again', async () => {
    let lose = true;
    const losing = await startTenant({
      fetch: async (url, init) => {
        const response = await fetch(url, init);
        if (lose && String(url).endsWith('importAppleDeviceIdentityList')) {
          lose = false;
          throw new TypeError('connection reset');
        }
        return response;
      },
    });
    try {
      const journal = new EnrollmentJournal(dir);
      const pusher = pusherOn(journal, losing);
      const [s] = serials(1);
      await pusher.queue({ serial: s!, profileGuid: losing.profileGuid }, 'scep');
      expect((await pusher.push())[0]).toMatchObject({
        result: 'failed',
        why: expect.stringMatching(/reached/),
      });
      expect((await pusher.push())[0]).toMatchObject({ result: 'already-pushed' });
      expect(losing.fake.enrollment.timesSent(s!)).toBe(1);
      await journal.close();
    } finally {
      await losing.fake.close();
    }
  });

  it('property: crashes at any journal write, then restarts, lose no serial and push none twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 70 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 3 }),
        fc.integer({ min: 1, max: 60 }),
        async (count, crashPoints, seed) => {
          const run = await startTenant();
          const runDir = await mkdtemp(path.join(os.tmpdir(), 'pusher-prop-'));
          try {
            const list = serials(count, `C${String(seed).padStart(3, '0')}`);
            // Each life of the process queues what the bench prepared and pushes, until it "dies".
            for (const crashAt of crashPoints) {
              const journal = new CrashingJournal(runDir, crashAt);
              const pusher = pusherOn(journal, run);
              try {
                for (const serial of list)
                  await pusher.queue({ serial, profileGuid: run.profileGuid }, 'scep');
                await pusher.push();
              } catch (error) {
                if (!(error instanceof Crash)) throw error;
              }
              await journal.close();
            }
            const journal = new EnrollmentJournal(runDir);
            const pusher = pusherOn(journal, run);
            for (const serial of list) await pusher.queue({ serial, profileGuid: run.profileGuid }, 'scep');
            await pusher.push();
            const folded = await journal.read();
            await journal.close();
            for (const s of list) {
              expect(run.fake.enrollment.timesSent(s)).toBe(1);
              expect(folded.columns.get(s)?.push).toBe('pushed');
            }
            expect(run.fake.enrollment.imported.map((i) => i.serialNumber).sort()).toEqual([...list].sort());
          } finally {
            await run.fake.close();
            await rm(runDir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
