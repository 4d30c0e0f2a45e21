/**
 * One push per data folder across processes: two pushers on one folder (as the app and `enroll-bench intune
 * push` are) send each serial once; a push that never gets its turn keeps its serials queued, with why; a lock
 * left by a dead process is taken over.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnrollmentApi } from '../../../../main/intune/enrollment/enrollment-api';
import { EnrollmentJournal } from '../../../../main/intune/enrollment/enrollment-journal';
import { PUSH_LOCK_FILE, takePushTurn } from '../../../../main/intune/enrollment/push-lock';
import { SerialPusher } from '../../../../main/intune/enrollment/serial-pusher';
import type { PushTurn } from '../../../../main/intune/enrollment/push-lock';
import { serials, startTenant, type Tenant } from './enrollment-fixtures';

let tenant: Tenant;
let dir: string;

beforeEach(async () => {
  tenant = await startTenant();
  dir = await mkdtemp(path.join(os.tmpdir(), 'push-lock-'));
});
afterEach(async () => {
  await tenant.fake.close();
  await rm(dir, { recursive: true, force: true });
});

/** A pusher as another process would build it: its own journal object on the same folder. */
function processPusher(turn?: () => Promise<PushTurn>) {
  const journal = new EnrollmentJournal(dir);
  const pusher = new SerialPusher({
    journal,
    now: () => Date.UTC(2026, 11, 5, 10),
    target: async () => {
      const c = await tenant.intune.connection();
      return { api: new EnrollmentApi(c.graph), accountId: c.accountId };
    },
    ...(turn ? { turn } : {}),
  });
  return { journal, pusher };
}

async function queueAll(pusher: SerialPusher, list: readonly string[]) {
  for (const serial of list) await pusher.queue({ serial, profileGuid: tenant.profileGuid }, 'command');
}

describe('the push turn', () => {
  it('two processes pushing at once send each serial once', async () => {
    const turn = () => takePushTurn({ dataDir: dir, pollMs: 5 });
    const app = processPusher(turn);
    const cli = processPusher(turn);
    const list = serials(60);
    await queueAll(app.pusher, list);
    const [fromApp, fromCli] = await Promise.all([app.pusher.push(), cli.pusher.push()]);
    for (const s of list) expect(tenant.fake.enrollment.timesSent(s)).toBe(1);
    const pushed = [...fromApp, ...fromCli].filter((o) => o.result === 'pushed').map((o) => o.serial);
    expect(pushed.sort()).toEqual([...list].sort());
    await app.journal.close();
    await cli.journal.close();
  });

  it('without the turn, the same race sends serials twice (what the lock is for)', async () => {
    const app = processPusher();
    const cli = processPusher();
    const list = serials(10);
    await queueAll(app.pusher, list);
    await Promise.all([app.pusher.push(), cli.pusher.push()]);
    expect(list.some((s) => tenant.fake.enrollment.timesSent(s) > 1)).toBe(true);
    await app.journal.close();
    await cli.journal.close();
  });

  it('a push that never gets its turn sends nothing and keeps its serials queued, saying who holds it', async () => {
    const held = await takePushTurn({ dataDir: dir });
    expect(held.kind).toBe('mine');
    const { journal, pusher } = processPusher(() => takePushTurn({ dataDir: dir, waitMs: 20, pollMs: 5 }));
    const list = serials(3);
    await queueAll(pusher, list);
    const outcomes = await pusher.push();
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'failed', 'failed']);
    expect(outcomes[0]?.why).toContain(`pid ${process.pid}`);
    for (const s of list) expect(tenant.fake.enrollment.timesSent(s)).toBe(0);
    if (held.kind === 'mine') held.release();
    expect((await pusher.push()).filter((o) => o.result === 'pushed')).toHaveLength(3);
    await journal.close();
  });

  it('takes over a lock whose process is gone', async () => {
    await writeFile(
      path.join(dir, PUSH_LOCK_FILE),
      JSON.stringify({ pid: 999_999, token: 'old', what: 'an Intune serial push', since: 1 }),
    );
    const turn = await takePushTurn({ dataDir: dir, waitMs: 0, alive: () => false });
    expect(turn.kind).toBe('mine');
  });
});
