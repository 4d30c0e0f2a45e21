/**
 * The log carries Intune (issue 25): columns joined from the enrollment journal at read time, never by
 * rewriting a record; older records read "not checked"; `log show --intune not-enrolled` lists what to chase;
 * the CSV and JSON exports hold the columns.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runLogCommand } from '../../../main/cli/log-command';
import { EnrollmentJournal } from '../../../main/intune/enrollment/enrollment-journal';
import { intuneTest, withIntune } from '../../../main/log/intune-columns';
import { makeRecord, T0, writeJournal } from './journal-fixtures';

const GUID = 'a1b2c3d4-0000-4000-8000-000000000001';
let dir: string;
let out: string[];
const records = [0, 1, 2, 3].map((i) => makeRecord(i));
const [enrolled, notSeen, unchecked, failedPush] = records.map((r) => r.serialNumber!);

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'log-intune-'));
  out = [];
  await writeJournal(dir, [...records, makeRecord(9, { outcome: 'failed' })]);
  const journal = new EnrollmentJournal(dir);
  const at = T0 + 3_600_000;
  await journal.append({ kind: 'push-queued', serial: enrolled!, profileGuid: GUID, at, via: 'scep' });
  await journal.append({ kind: 'push-result', serial: enrolled!, profileGuid: GUID, at, ok: true });
  await journal.append({
    kind: 'enrollment',
    serial: enrolled!,
    at: at + 60_000,
    state: 'enrolled',
    enrolledAt: Date.parse('2026-03-02T14:32:00Z'),
    enrollmentType: 'appleBulkWithoutUser',
    supervised: true,
    records: 1,
  });
  await journal.append({ kind: 'enrollment', serial: notSeen!, at, state: 'not-seen', records: 0 });
  await journal.append({ kind: 'push-queued', serial: failedPush!, profileGuid: GUID, at, via: 'scep' });
  await journal.append({
    kind: 'push-result',
    serial: failedPush!,
    profileGuid: GUID,
    at,
    ok: false,
    why: 'Intune refused this serial',
  });
  await journal.close();
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const io = () => ({
  out: (t: string) => out.push(t),
  err: () => {},
  env: { ENROLL_BENCH_DATA: dir },
  now: () => T0,
});

describe('Intune columns in the bench log', () => {
  it('joins by serial; a record the journal does not know has no columns (not checked)', async () => {
    const columns = (await new EnrollmentJournal(dir).read()).columns;
    const joined = withIntune(records, columns);
    expect(joined[0]!.intune).toMatchObject({
      state: 'enrolled',
      push: 'pushed',
      enrollmentType: 'appleBulkWithoutUser',
    });
    expect(joined[2]!.intune).toBeUndefined();
    expect(joined[3]!.intune).toMatchObject({
      state: 'not-checked',
      push: 'failed',
      pushWhy: 'Intune refused this serial',
    });
    // The records themselves are untouched: the join makes new objects.
    expect(records[0]).not.toHaveProperty('intune');
    expect(joined.filter(intuneTest('not-enrolled')).map((r) => r.serialNumber)).toEqual([
      notSeen,
      unchecked,
      failedPush,
    ]);
  });

  it('log show --intune not-enrolled lists every prepared device not enrolled, with its state', async () => {
    expect(await runLogCommand(['show', '--intune', 'not-enrolled'], io())).toBe(0);
    const text = out.join('');
    expect(text).toContain(`${notSeen}`);
    expect(text).toMatch(/Intune: not seen/);
    expect(text).toMatch(/Intune: not checked/);
    expect(text).toMatch(/Intune: push failed \(queued\)/);
    expect(text).not.toContain(enrolled);
    out = [];
    expect(await runLogCommand(['show', '--json'], io())).toBe(0);
    const view = JSON.parse(out.join('')) as {
      latest: { serialNumber: string; intune?: { state: string } }[];
    };
    expect(view.latest.find((r) => r.serialNumber === enrolled)?.intune?.state).toBe('enrolled');
    await expect(runLogCommand(['show', '--intune', 'maybe'], io())).rejects.toThrow(/--intune must be/);
  });

  it('the CSV export has the Intune columns; older records read not-checked', async () => {
    const file = path.join(dir, 'out.csv');
    expect(await runLogCommand(['export', '--format', 'csv', '--out', file], io())).toBe(0);
    const rows = parse((await readFile(file, 'utf8')).slice(1)) as string[][];
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    const bySerial = (s: string) => rows.find((r) => r[0] === s)!;
    expect(bySerial(enrolled!)[col('Intune state')]).toBe('enrolled');
    expect(bySerial(enrolled!)[col('Intune enrolled (UTC)')]).toBe('2026-03-02T14:32:00Z');
    expect(bySerial(enrolled!)[col('Intune enrollment type')]).toBe('appleBulkWithoutUser');
    expect(bySerial(enrolled!)[col('Intune push result')]).toBe('pushed');
    expect(bySerial(unchecked!)[col('Intune state')]).toBe('not-checked');
  });

  it("the JSON export carries each record's intune object", async () => {
    const file = path.join(dir, 'out.json');
    expect(await runLogCommand(['export', '--format', 'json', '--out', file], io())).toBe(0);
    const json = JSON.parse(await readFile(file, 'utf8')) as {
      records: { serialNumber: string; intune?: unknown }[];
    };
    expect(json.records.find((r) => r.serialNumber === enrolled)?.intune).toMatchObject({
      state: 'enrolled',
    });
    expect(json.records.find((r) => r.serialNumber === unchecked)).not.toHaveProperty('intune');
  });
});
