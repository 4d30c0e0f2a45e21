import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportRecords } from '../../../main/log/export/export-log';
import { EXPORT_NOW, trickyRecords } from './export-fixtures';

const golden = (name: string) => readFile(new URL(`../../fixtures/log/${name}`, import.meta.url), 'utf8');

async function csvOf(outcome: 'all' | 'succeeded') {
  const out = await exportRecords(
    trickyRecords,
    { format: 'csv', outcome },
    { now: EXPORT_NOW, secrets: [] },
  );
  expect(out.files).toHaveLength(1);
  return out;
}

describe('CSV export', () => {
  it('matches the golden file: BOM, header, CRLF, RFC 4180 quoting, formulas neutralised', async () => {
    const out = await csvOf('all');
    expect(out.files[0]?.fileName).toBe('enroll-bench-log-2026-03-02.csv');
    expect(out.files[0]?.text).toBe(await golden('all-outcomes.csv'));
  });

  it('reads back in a CSV parser as the same cells, one row per record, no cell starting a formula', async () => {
    const out = await csvOf('all');
    const rows: string[][] = parse(out.files[0]?.text ?? '', { bom: true });
    expect(rows).toHaveLength(trickyRecords.length + 1);
    const header = rows[0] ?? [];
    const name = header.indexOf('Device name');
    expect(rows[2]?.[name]).toBe('Smith, "Ann" iPad');
    expect(rows[3]?.[name]).toBe(`'=HYPERLINK("http://x.example","click")`);
    expect(rows[7]?.[name]).toBe('Élève 7 — iPad');
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('exports prepared devices only unless asked for every outcome', async () => {
    const out = await csvOf('succeeded');
    expect(out.rows).toBe(6);
    expect(out.files[0]?.text).not.toContain('CART-04');
  });
});
