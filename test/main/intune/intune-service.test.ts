import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IntuneError } from '../../../main/intune/intune-error';
import { IntuneService } from '../../../main/intune/intune-service';
import { ProfileService } from '../../../main/profiles/profile-service';
import type { FakeFault, FakeIntune } from '../../../main/sim/intune/fake-intune';
import { makeSigner, makeWorkDir, signBytes } from '../profiles/profile-fixtures';
import { fakeJwt, startFake, TestClock, writeTokenFile } from './intune-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let fake: FakeIntune;
let clock: TestClock;
let token: string;
let logs: string[];
let profiles: ProfileService;
let intune: IntuneService;

async function setUp(options: Parameters<typeof startFake>[1] = {}): Promise<void> {
  fake = await startFake(token, options);
  profiles = new ProfileService({ dataDir: work.dir, now: clock.date });
  intune = new IntuneService({
    dataDir: work.dir,
    profiles,
    env: { ENROLL_BENCH_GRAPH_URL: fake.url },
    now: clock.now,
    log: (m, d) => logs.push(`${m} ${JSON.stringify(d)}`),
    sleep: async () => undefined,
  });
  await intune.connectTokenFile(await writeTokenFile(work.dir, token));
}

beforeEach(async () => {
  work = await makeWorkDir();
  clock = new TestClock();
  token = fakeJwt(clock.t + 90 * 24 * 3600 * 1000);
  logs = [];
});
afterEach(async () => {
  intune?.stopSchedule();
  await fake?.close();
  await work.cleanup();
});

async function failure(promise: Promise<unknown>): Promise<IntuneError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntuneError);
  return error as IntuneError;
}

/** Every file under the data folder, with its bytes. */
async function allFiles(dir: string): Promise<{ file: string; bytes: Buffer }[]> {
  const out: { file: string; bytes: Buffer }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push({ file, bytes: await readFile(file) });
  }
  return out;
}

describe('connect with a token file', () => {
  it('says when the token expires and refuses an expired one', async () => {
    await setUp();
    const status = await intune.status();
    expect(status).toMatchObject({ connected: true, mode: 'token-file', refreshDays: 7 });
    expect(status.tokenExpiresAt).toBe(Math.floor((clock.t + 90 * 24 * 3600 * 1000) / 1000) * 1000);
    const old = await writeTokenFile(work.dir, fakeJwt(clock.t - 1000));
    const error = await failure(intune.connectTokenFile(old));
    expect(error.reason).toBe('token-expired');
    expect(error.info.detail).toMatch(/expired at 2026-12-01T08:59:59/);
  });
});

describe('pick and pull', () => {
  it('lists the tenant’s profiles across pages, affinity ones marked with why', async () => {
    await setUp();
    const list = await intune.listProfiles();
    expect(list).toHaveLength(3);
    expect(list[2]).toMatchObject({ userAffinity: true, refusal: expect.stringMatching(/user affinity/) });
  });

  for (const form of ['xml', 'base64-xml', 'base64-signed'] as const) {
    it(`pulls the ${form} export through the file-import checks and stores it with its Intune origin`, async () => {
      const signer =
        form === 'base64-signed'
          ? await makeSigner(
              work.dir,
              'Intune',
              new Date(clock.t - 86400000),
              new Date(clock.t + 365 * 86400000),
            )
          : undefined;
      await setUp(signer ? { sign: (bytes) => signBytes(work.dir, bytes, signer) } : {});
      fake.profiles[0]!.exportForm = form;
      const result = await intune.pull('iPad carts (SCEP)');
      expect(result.form).toBe(form);
      expect(result.profile.verdict).toMatch(/^ready/);
      expect(result.profile.fileKind).toBe(form === 'base64-signed' ? 'signed-profile' : 'xml-plist');
      expect(result.profile.origin).toEqual({
        kind: 'intune',
        profileName: 'iPad carts (SCEP)',
        profileId: fake.graphId(fake.profiles[0]!),
        fetchedAt: clock.t,
      });
      // What a restarted bench finds: the same bytes and origin.
      const restored = await new ProfileService({ dataDir: work.dir, now: clock.date }).restore();
      expect(restored).toMatchObject({
        sha256: result.profile.sha256,
        origin: { profileName: 'iPad carts (SCEP)' },
      });
      expect(profiles.canStartRun().ok).toBe(true);
    });
  }

  it('refuses a user-affinity profile for direct enrollment, with why, and keeps the current one', async () => {
    await setUp();
    const first = await intune.pull('iPad carts (SCEP)');
    const error = await failure(intune.pull('Staff iPhones (with user)'));
    expect(error.reason).toBe('user-affinity');
    expect(error.info.detail).toMatch(/without user affinity/);
    expect(profiles.current()?.sha256).toBe(first.profile.sha256);
  });

  it('refuses bytes the file import refuses (no MDM payload), keeping the current profile', async () => {
    await setUp();
    const first = await intune.pull('iPad carts (SCEP)');
    const original = fake.profileBytes.bind(fake);
    fake.profileBytes = (p) =>
      new TextEncoder().encode(
        new TextDecoder().decode(original(p)).replace(/com\.apple\.mdm/g, 'com.example.other'),
      );
    const error = await failure(intune.pull());
    expect(error.reason).toBe('refused-profile');
    expect(profiles.current()?.sha256).toBe(first.profile.sha256);
  });
});

describe('every fault ends in words, with the old profile kept', () => {
  const faults: readonly [FakeFault, string, RegExp][] = [
    ['unauthorized', 'token-expired', /Sign in again/],
    ['missing-scope', 'missing-scope', /DeviceManagementServiceConfig\.Read\.All/],
    ['missing-role', 'missing-role', /Intune role/],
    ['no-licence', 'no-licence', /licence/],
    ['throttle', 'throttled', /slow down/],
    ['throttle-no-retry-after', 'throttled', /slow down/],
    ['server-error', 'server-error', /failed on its side/],
    ['malformed-json', 'malformed-response', /not JSON/],
    ['missing-field', 'malformed-response', /missing/],
    ['delete-before-export', 'profile-deleted', /deleted/],
  ];
  for (const [fault, reason, words] of faults) {
    it(`${fault}`, async () => {
      await setUp();
      const first = await intune.pull('iPad carts (SCEP)');
      clock.advanceDays(8);
      const times = fault.startsWith('throttle') ? 10 : 1;
      fake.fail(fault, {
        times,
        ...(fault === 'delete-before-export' || fault === 'missing-field'
          ? { match: '/enrollmentProfiles' }
          : {}),
      });
      const outcome = await intune.refreshIfDue('schedule');
      expect(outcome.pulled).toBe(false);
      expect(outcome.error?.reason).toBe(reason);
      expect(`${outcome.error?.info.title} ${outcome.error?.info.detail}`).toMatch(words);
      expect(profiles.current()?.sha256).toBe(first.profile.sha256);
      const banner = (await intune.status()).banner;
      expect(banner?.title).toContain(outcome.error?.info.title);
      expect(banner?.detail).toMatch(/current copy is kept and has 6 days left/);
    });
  }
});

describe('never stale', () => {
  it('re-pulls on the schedule after 7 days; unchanged bytes keep the first fetch’s age', async () => {
    await setUp();
    const first = await intune.pull('iPad carts (SCEP)');
    clock.advanceDays(3);
    expect((await intune.refreshIfDue('schedule')).pulled).toBe(false);
    clock.advanceDays(5);
    const again = await intune.refreshIfDue('schedule');
    expect(again.pulled).toBe(true);
    expect(again.result?.unchanged).toBe(true);
    expect(profiles.current()?.age).toMatchObject({ ageDays: 8, countedFromAt: first.profile.importedAt });
    expect(profiles.current()?.origin?.fetchedAt).toBe(clock.t);
  });

  it('the schedule’s own timer runs the check and pulls when due', async () => {
    await setUp();
    await intune.pull('iPad carts (SCEP)');
    clock.advanceDays(7);
    intune.startSchedule(10);
    await vi.waitFor(() => expect(logs.filter((l) => l.startsWith('intune.pulled'))).toHaveLength(2));
    expect(logs.some((l) => l.startsWith('intune.refresh') && l.includes('"schedule"'))).toBe(true);
    intune.stopSchedule();
  });

  it('a fresh file per export restarts the two weeks; the setting changes the interval', async () => {
    await setUp({ freshFilePerCall: true });
    await intune.pull('iPad carts (SCEP)');
    await intune.setRefreshDays(2);
    clock.advanceDays(2);
    const again = await intune.refreshIfDue('before-cart');
    expect(again).toMatchObject({ pulled: true, result: { unchanged: false } });
    expect(profiles.current()?.age?.ageDays).toBe(0);
  });

  it('a job never starts on an expired copy when every refresh fails', async () => {
    await setUp();
    await intune.pull('iPad carts (SCEP)');
    fake.fail('server-error', { times: 100 });
    clock.advanceDays(14);
    const outcome = await intune.refreshIfDue('before-cart');
    expect(outcome.error?.reason).toBe('server-error');
    expect(profiles.canStartRun()).toMatchObject({
      ok: false,
      error: { title: expect.stringMatching(/more than two weeks old/) },
    });
    expect((await intune.status()).banner?.detail).toMatch(/EXPIRED/);
    // A failed refresh is retried at most hourly, not on every check.
    expect((await intune.refreshIfDue('schedule')).pulled).toBe(false);
    expect(fake.requests.filter((r) => r.status === 500)).toHaveLength(1);
  });
});

describe('tokens are secrets', () => {
  it('after a session no file in the data folder and no log line holds the token', async () => {
    await setUp();
    await intune.listProfiles();
    await intune.pull('iPad carts (SCEP)');
    fake.fail('unauthorized');
    await intune.refreshIfDue('command').catch(() => undefined);
    await intune.status();
    const tokenFile = path.join(work.dir, 'graph-token.txt');
    for (const { file, bytes } of await allFiles(work.dir)) {
      if (file === tokenFile) continue; // the script's own file, which the bench only reads
      expect(bytes.includes(Buffer.from(token)), file).toBe(false);
      expect(bytes.includes(Buffer.from('SECRET-TOKEN-MARKER')), file).toBe(false);
    }
    expect(logs.length).toBeGreaterThan(3);
    for (const line of logs) expect(line).not.toContain('SECRET-TOKEN-MARKER');
    const mode = (await stat(path.join(work.dir, 'intune', 'connection.json'))).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('disconnect forgets the connection', async () => {
    await setUp();
    await intune.disconnect();
    expect(await intune.status()).toMatchObject({ connected: false });
    await expect(intune.listProfiles()).rejects.toMatchObject({ reason: 'signed-out' });
  });
});
