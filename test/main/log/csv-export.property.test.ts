/** Any text a device name or error can hold comes back from a CSV parser as the same cell, never a formula. */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../../main/log/export/csv-export';
import { neutralizeFormula } from '../../../main/log/export/neutralize-formula';
import { makeRecord } from './journal-fixtures';

const awkward = fc.oneof(
  fc.string(),
  fc.constantFrom('=1+1', '+SUM(A1)', '-2', '@cmd', '\tx', '\rx', 'a,b', 'say "hi"', 'line\r\nbreak', 'é😀'),
);

describe('CSV rows', () => {
  it('round-trip through csv-parse, with every formula start neutralised', () => {
    fc.assert(
      fc.property(awkward, awkward, (finalName, errorMessage) => {
        const text = csvRows([makeRecord(1, { finalName, errorMessage })]);
        const rows: string[][] = parse(text, { relax_quotes: false });
        expect(rows).toHaveLength(1);
        expect(rows[0]?.[1]).toBe(neutralizeFormula(finalName));
        expect(rows[0]?.[14]).toBe(neutralizeFormula(errorMessage));
        for (const cell of rows[0] ?? []) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: 300 },
    );
  });
});
