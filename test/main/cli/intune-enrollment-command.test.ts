/**
 * `enroll-bench intune push|verify` and `settings set intune.pushSerials` in-process against the fake Intune,
 * on a data folder whose bench log holds a cart of 30 prepared devices.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIntuneCommand } from '../../../main/cli/intune-command';
import { runSettingsCommand } from '../../../main/cli/settings-command';
import type { FakeIntune } from '../../../main/sim/intune/fake-intune';
import { fakeJwt, startFake, writeTokenFile } from '../intune/intune-fixtures';
import { makeRecord, writeJournal } from '../log/journal-fixtures';
import { makeWorkDir } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let fake: FakeIntune;
let env: NodeJS.ProcessEnv;
let out: string[];
let err: string[];
const now = Date.parse('2026-03-02T12:00:00Z');

const io = () => ({
  out: (t: string) => out.push(t),
  err: (t: string) => err.push(t),
  env,
  now: () => new Date(now),
});
const intune = (...argv: string[]) => runIntuneCommand(argv, io());
const json = <T>(): T => JSON.parse(out.at(-1) ?? 'null') as T;

const cart = Array.from({ length: 30 }, (_, i) => makeRecord(i));
const serialsOf = cart.map((r) => r.serialNumber!);

beforeEach(async () => {
  work = await makeWorkDir();
  const token = fakeJwt(now + 3600_000);
  fake = await startFake(token);
  env = { ENROLL_BENCH_DATA: work.dir, ENROLL_BENCH_GRAPH_URL: fake.url };
  out = [];
  err = [];
  expect(await intune('connect', '--token-file', await writeTokenFile(work.dir, token))).toBe(0);
  expect(await intune('pull', '--profile', 'iPad carts (SCEP)')).toBe(0);
  await writeJournal(work.dir, [...cart, makeRecord(99, { outcome: 'failed' })]);
});
afterEach(async () => {
  await fake.close();
  await work.cleanup();
});

describe('enroll-bench intune push', () => {
  it('pushes every prepared serial of the log once, for the picked profile; a second push sends nothing', async () => {
    expect(await runSettingsCommand(['set', 'intune.pushSerials', 'true'], io())).toBe(0);
    expect(await intune('status', '--json')).toBe(0);
    expect(json<{ pushSerials: boolean }>().pushSerials).toBe(true);

    expect(await intune('push', '--dry-run', '--json')).toBe(0);
    expect(json<{ outcomes: unknown[] }>().outcomes).toHaveLength(30);
    expect(fake.enrollment.sentSerials).toEqual([]);

    expect(await intune('push', '--json')).toBe(0);
    const pushed = json<{ outcomes: { serial: string; result: string }[] }>().outcomes;
    expect(pushed.map((o) => o.serial).sort()).toEqual([...serialsOf].sort());
    expect(pushed.every((o) => o.result === 'pushed')).toBe(true);
    const guid = fake.profiles[0]!.guid;
    expect(fake.enrollment.imported.every((i) => i.requestedEnrollmentProfileId === guid)).toBe(true);
    // The failed job's serial is not pushed.
    expect(fake.enrollment.sentSerials).not.toContain(makeRecord(99).serialNumber);

    expect(await intune('push', '--json')).toBe(0);
    expect(
      json<{ outcomes: { result: string }[] }>().outcomes.every((o) => o.result === 'already-pushed'),
    ).toBe(true);
    for (const s of serialsOf) expect(fake.enrollment.timesSent(s)).toBe(1);
  });

  it('a refused serial is named with why, stays queued, and the command fails', async () => {
    fake.enrollment.refuse.add(serialsOf[3]!);
    expect(await intune('push')).toBe(1);
    expect(out.join('\n')).toMatch(new RegExp(`${serialsOf[3]}  failed: Intune refused`));
    expect(out.at(-1)).toMatch(/Pushed 29, already in Intune 0, failed 1/);
    fake.enrollment.refuse.clear();
    expect(await intune('push', '--json')).toBe(0);
    expect(json<{ outcomes: { serial: string; result: string }[] }>().outcomes).toContainEqual(
      expect.objectContaining({ serial: serialsOf[3], result: 'pushed' }),
    );
  });

  it('--since keeps older records out', async () => {
    expect(await intune('push', '--since', '2026-03-03', '--dry-run', '--json')).toBe(0);
    expect(json<{ outcomes: unknown[] }>().outcomes).toEqual([]);
  });
});

describe('enroll-bench intune verify', () => {
  it('reports every device enrolled, with --json the same states', async () => {
    for (const s of serialsOf) fake.enrollment.enroll(s);
    expect(await intune('verify')).toBe(0);
    expect(out.at(-1)).toBe('30 of 30 enrolled in Intune.');
    expect(out.filter((l) => / {2}Enrolled in Intune \d{4}-/.test(l))).toHaveLength(30);
    expect(await intune('verify', '--json')).toBe(0);
    const rows = json<{ devices: { serial: string; state: string; enrollmentType: string }[] }>().devices;
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.state === 'enrolled' && r.enrollmentType === 'appleBulkWithoutUser')).toBe(
      true,
    );
  });

  it('names what is missing, twice enrolled, and survives a filter Graph ignored', async () => {
    for (const s of serialsOf.slice(2)) fake.enrollment.enroll(s);
    fake.enrollment.enroll(serialsOf[2]!);
    fake.fail('filter-ignored', { match: '$batch', times: 5 });
    expect(await intune('verify', '--json')).toBe(1);
    const rows = json<{ devices: { serial: string; state: string }[] }>().devices;
    const state = (s: string) => rows.find((r) => r.serial === s)?.state;
    // The log's records finished hours before "now": not seen after the bound.
    expect(state(serialsOf[0]!)).toBe('not-seen');
    expect(state(serialsOf[2]!)).toBe('several');
    expect(state(serialsOf[5]!)).toBe('enrolled');
  });
});
