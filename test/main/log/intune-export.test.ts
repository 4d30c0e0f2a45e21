import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportRecords, writeExportFiles } from '../../../main/log/export/export-log';
import { EXPORT_NOW, trickyRecords } from './export-fixtures';
import { makeRecord } from './journal-fixtures';
import type { LogRecord } from '../../../preload/log-domain';

const intune = (records: readonly LogRecord[]) =>
  exportRecords(records, { format: 'intune', outcome: 'all' }, { now: EXPORT_NOW, secrets: [] });
const rowsOf = (text: string): string[][] => parse(text, { relax_column_count: false });

describe('Intune "Apple Configurator ▸ Devices ▸ Add" file', () => {
  it('matches the golden file: no header, serial,details, CRLF, no byte-order mark', async () => {
    const out = await intune(trickyRecords);
    const golden = await readFile(
      new URL('../../fixtures/log/intune-all-outcomes.csv', import.meta.url),
      'utf8',
    );
    expect(out.files.map((f) => f.text)).toEqual([golden]);
    expect(golden.charCodeAt(0)).not.toBe(0xfeff);
    expect(golden.split('\r\n')[0]).toBe('F7TLWCLB0000,iPad Air (5th generation) - Plain name');
    for (const row of rowsOf(golden)) expect(row).toHaveLength(2);
  });

  it('trims and upper-cases serials and lists each once, with its latest details', async () => {
    const out = await intune([
      makeRecord(1, { serialNumber: '  f7tlwclbx196 ', finalName: 'first' }),
      makeRecord(2, { serialNumber: 'F7TLWCLBX196', finalName: 'again' }),
      makeRecord(3, { serialNumber: 'DMPXK1ABCD' }),
    ]);
    expect(rowsOf(out.files[0]?.text ?? '')).toEqual([
      ['F7TLWCLBX196', 'iPad Air (5th generation) - again'],
      ['DMPXK1ABCD', 'iPad Air (5th generation) - CART-A-03'],
    ]);
    expect(out.rows).toBe(2);
  });

  it('cuts details to 128 characters without splitting a character in two', async () => {
    // 28 characters of model and dash, then 98 + 2 (one emoji) = 128; the next emoji would not fit whole.
    const out = await intune([makeRecord(1, { finalName: `${'x'.repeat(98)}😀😀 and more` })]);
    const details = rowsOf(out.files[0]?.text ?? '')[0]?.[1] ?? '';
    expect(details).toHaveLength(128);
    expect(details.endsWith('x😀')).toBe(true);
    const odd = await intune([makeRecord(1, { finalName: `${'x'.repeat(99)}😀😀` })]);
    expect(rowsOf(odd.files[0]?.text ?? '')[0]?.[1]).toBe(`iPad Air (5th generation) - ${'x'.repeat(99)}`);
  });

  it('leaves out records without a serial or with a serial that is not letters and digits, and says so', async () => {
    const out = await intune([
      makeRecord(1, { serialNumber: undefined }),
      makeRecord(2, { serialNumber: 'F7 TL,=1' }),
      makeRecord(3),
    ]);
    expect(rowsOf(out.files[0]?.text ?? '').map((r) => r[0])).toEqual(['F7TLWCLB0003']);
    expect(out.warnings).toEqual([
      '1 records without a serial number were left out.',
      '1 serial numbers that are not letters and digits were left out: F7 TL,=1.',
    ]);
  });

  it('splits into files of at most 5,000 rows, each serial in exactly one file', async () => {
    const records = Array.from({ length: 12_001 }, (_, i) => makeRecord(i, { serialNumber: `SN${i}` }));
    const out = await intune(records);
    const files = out.files.map((f) => rowsOf(f.text));
    expect(files.map((rows) => rows.length)).toEqual([5000, 5000, 2001]);
    expect(new Set(files.flat().map((r) => r[0])).size).toBe(12_001);
    expect(out.files.map((f) => f.fileName)).toEqual([
      'intune-devices-2026-03-02-part1.csv',
      'intune-devices-2026-03-02-part2.csv',
      'intune-devices-2026-03-02-part3.csv',
    ]);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'intune-'));
    try {
      const written = await writeExportFiles(out.files, path.join(dir, 'serials.csv'));
      expect(written.map((f) => path.basename(f))).toEqual([
        'serials-part1.csv',
        'serials-part2.csv',
        'serials-part3.csv',
      ]);
      expect((await readdir(dir)).sort()).toEqual([
        'serials-part1.csv',
        'serials-part2.csv',
        'serials-part3.csv',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exports only prepared devices by default', async () => {
    const out = await exportRecords(trickyRecords, { format: 'intune' }, { now: EXPORT_NOW, secrets: [] });
    expect(out.files[0]?.text).not.toContain('F7TLWCLB0004');
  });
});
