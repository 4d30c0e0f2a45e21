import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDate, runLogCommand } from '../../../main/cli/log-command';
import { UsageError } from '../../../main/text/parse-flags';
import { makeRecord, T0, writeJournal } from '../log/journal-fixtures';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'log-cli-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function cli(args: string[], data = dataDir) {
  let out = '';
  let err = '';
  const io = {
    out: (t: string) => (out += t),
    err: (t: string) => (err += t),
    env: { ENROLL_BENCH_DATA: data },
    now: () => T0 + 86_400_000,
  };
  const code = await runLogCommand(args, io);
  return { code, out, err };
}

/** A simulated cart of 30, two of which failed first and were retried. */
const cart = () => [
  ...Array.from({ length: 30 }, (_, i) => makeRecord(i)),
  makeRecord(30, { outcome: 'failed', errorCode: 'activation-locked', serialNumber: 'FAILEDONE01' }),
];

describe('enroll-bench log export', () => {
  it('writes a CSV a spreadsheet opens with one row per prepared device', async () => {
    await writeJournal(dataDir, cart(), 8);
    const out = path.join(dataDir, 'exports', 'cart.csv');
    const result = await cli(['export', '--format', 'csv', '--out', out]);
    expect(result).toMatchObject({ code: 0, out: `30 rows written to ${out}\n` });
    const rows: string[][] = parse(await readFile(out, 'utf8'), { bom: true });
    expect(rows).toHaveLength(31);
    expect(rows[1]?.[0]).toBe('F7TLWCLB0000');
  });

  it('writes the Intune file for the cart and reports it as JSON', async () => {
    await writeJournal(dataDir, cart());
    const out = path.join(dataDir, 'serials.csv');
    const result = await cli(['export', '--format', 'intune', '--out', out, '--json']);
    expect(JSON.parse(result.out)).toEqual({ files: [out], rows: 30, warnings: [] });
    const lines = (await readFile(out, 'utf8')).split('\r\n');
    expect(lines).toHaveLength(31);
    expect(lines[0]).toBe('F7TLWCLB0000,iPad Air (5th generation) - CART-A-00');
  });

  it('filters by outcome and date, and prints to stdout without --out', async () => {
    await writeJournal(dataDir, cart());
    const failed = await cli(['export', '--format', 'json', '--outcome', 'failed']);
    expect(JSON.parse(failed.out).records.map((r: { serialNumber: string }) => r.serialNumber)).toEqual([
      'FAILEDONE01',
    ]);
    const from = new Date(makeRecord(28).finishedAt).toISOString();
    const late = await cli(['export', '--format', 'json', '--from', from]);
    expect(JSON.parse(late.out).records).toHaveLength(3);
  });

  it('exports only what --search and --session keep, as the log view does', async () => {
    await writeJournal(dataDir, [
      ...cart(),
      makeRecord(40, { finalName: 'LIBRARY-01', sessionId: 'session-2' }),
      makeRecord(41, { finalName: 'LIBRARY-02', sessionId: 'session-2' }),
      makeRecord(42, { finalName: 'LIBRARY-03' }),
    ]);
    const names = (out: string) =>
      (JSON.parse(out) as { records: { finalName: string }[] }).records.map((r) => r.finalName);
    const searched = await cli(['export', '--format', 'json', '--search', 'library']);
    expect(names(searched.out)).toEqual(['LIBRARY-01', 'LIBRARY-02', 'LIBRARY-03']);
    const inSession = await cli(['export', '--format', 'json', '--search=Library', '--session', 'session-2']);
    expect(names(inSession.out)).toEqual(['LIBRARY-01', 'LIBRARY-02']);
    const out = path.join(dataDir, 'library.csv');
    const csv = await cli(['export', '--format', 'intune', '--search', 'library', '--out', out, '--json']);
    expect(JSON.parse(csv.out)).toMatchObject({ rows: 3 });
    expect((await readFile(out, 'utf8')).trim().split('\r\n')).toHaveLength(3);
    await expect(cli(['export', '--format', 'csv', '--search', 'x'.repeat(201)])).rejects.toThrow(
      /--search must be at most 200/,
    );
  });

  it('refuses a wrong format or outcome with the usage', async () => {
    await expect(cli(['export', '--format', 'xlsx'])).rejects.toThrow(UsageError);
    await expect(cli(['export', '--format', 'csv', '--outcome', 'great'])).rejects.toThrow(
      /--outcome must be/,
    );
    await expect(cli(['export', '--format', 'csv', '--from', 'yesterday'])).rejects.toThrow(
      /--from must be a date/,
    );
  });
});

describe('enroll-bench log merge', () => {
  it('merges two stations, de-duplicated by job id and by serial and time, keeping each station name', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'log-cli-b-'));
    try {
      await writeJournal(dataDir, [makeRecord(0), makeRecord(1)]);
      await writeJournal(other, [
        makeRecord(1),
        makeRecord(50, { stationName: 'Bench Mac 2', jobId: 'b-50' }),
        // The same device at the same moment under another job id: one event seen twice.
        makeRecord(0, { stationName: 'Bench Mac 2', jobId: 'b-dup' }),
      ]);
      const a = path.join(dataDir, 'a.json');
      expect((await cli(['export', '--format', 'json', '--out', a])).code).toBe(0);
      const b = path.join(other, 'journal', 'jobs-000001.jsonl');
      const out = path.join(dataDir, 'merged.json');
      const result = await cli(['merge', a, b, a, '--out', out]);
      expect(result.code).toBe(0);
      const merged = JSON.parse(await readFile(out, 'utf8')).records as {
        jobId: string;
        stationName: string;
      }[];
      expect(merged.map((r) => [r.jobId, r.stationName])).toEqual([
        ['job-0', 'Bench Mac 1'],
        ['job-1', 'Bench Mac 1'],
        ['b-50', 'Bench Mac 2'],
      ]);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('keeps the Intune columns another Mac exported, and drops a column it cannot read without losing the record', async () => {
    const file = path.join(dataDir, 'other-mac.json');
    const enrolled = {
      state: 'enrolled',
      push: 'pushed',
      pushedAt: T0 + 1000,
      enrolledAt: T0 + 60_000,
      enrollmentType: 'appleBulkWithoutUser',
    };
    await writeFile(
      file,
      JSON.stringify({
        format: 'enroll-bench-log',
        records: [
          { ...makeRecord(1), intune: enrolled },
          { ...makeRecord(2), intune: { state: 'not-seen', push: 'teleported', secret: 'x' } },
        ],
      }),
    );
    const out = path.join(dataDir, 'merged.json');
    expect((await cli(['merge', file, '--out', out])).code).toBe(0);
    const merged = JSON.parse(await readFile(out, 'utf8')).records as { intune?: unknown }[];
    expect(merged.map((r) => r.intune)).toEqual([enrolled, { state: 'not-seen' }]);
    const csv = path.join(dataDir, 'merged.csv');
    expect((await cli(['merge', file, '--out', csv, '--format', 'csv'])).code).toBe(0);
    const rows: string[][] = parse(await readFile(csv, 'utf8'), { bom: true });
    const state = rows[0]?.indexOf('Intune state') ?? -1;
    expect(rows.slice(1).map((r) => r[state])).toEqual(['enrolled', 'not-seen']);
  });

  it('says which file could not be read', async () => {
    const result = await cli([
      'merge',
      path.join(dataDir, 'missing.json'),
      '--out',
      path.join(dataDir, 'm.json'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('missing.json could not be read (ENOENT)');
  });

  it('skips records it does not know in an input, with a warning', async () => {
    const file = path.join(dataDir, 'in.json');
    await writeFile(
      file,
      JSON.stringify({ format: 'enroll-bench-log', records: [makeRecord(1), { jobId: 3 }] }),
    );
    const result = await cli(['merge', file, '--out', path.join(dataDir, 'm.json')]);
    expect(result.err).toContain('in.json: 1 records this bench does not know were skipped.');
  });
});

describe('enroll-bench log show', () => {
  it('summarises the log as text and as JSON', async () => {
    await writeJournal(dataDir, cart());
    const text = await cli(['show']);
    expect(text.out).toContain('Devices: 31 (prepared 30, failed 1, skipped 0, cancelled 0)');
    expect(text.out).toContain('Records: 31 attempts (1 failed; 0 devices retried and then succeeded)');
    expect(text.out).toContain('Median time per device: 5 min 00 s');
    const json = JSON.parse((await cli(['show', '--json', '--search', 'cart-a-0'])).out);
    expect(json.total).toBe(10);
    expect(json.summary).toMatchObject({ prepared: 10, failed: 0, medianDurationMs: 300_000 });
    expect(json.journalDir).toBe(path.join(dataDir, 'journal'));
  });

  it('reads an empty data folder as an empty log', async () => {
    const json = JSON.parse((await cli(['show', '--json'])).out);
    expect(json).toMatchObject({ total: 0, files: 0, summary: { prepared: 0, failed: 0 } });
  });
});

describe('parseDate', () => {
  it('takes a whole local day for YYYY-MM-DD', () => {
    expect(parseDate('2026-03-02', 'to') - parseDate('2026-03-02', 'from')).toBe(86_400_000 - 1);
    expect(parseDate('2026-03-02T08:00:00Z', 'from')).toBe(T0);
  });
});
