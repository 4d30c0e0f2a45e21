/**
 * One export function for the CLI and the UI channel: filter, redact, format. It returns the files as text;
 * the CLI writes them with {@link writeExportFiles} (atomically), the channel hands them to the UI.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../storage/atomic-write';
import type { LogExportFormat, LogOutcome, LogRecord } from '../../../preload/log-domain';
import { recordTest, type RecordFilter } from '../log-query';
import { redactRecord } from '../redact-record';
import { CSV_BOM, CSV_SLICE, csvHeader, csvRows } from './csv-export';
import { intuneFiles, intuneRows } from './intune-export';
import { jsonExport } from './json-export';

/** The log view's filters (../log-query.ts), so an export holds what the view shows. */
export interface ExportRequest extends RecordFilter {
  readonly format: LogExportFormat;
  /** Default `succeeded` for CSV and Intune (the record of prepared devices), `all` for JSON. */
  readonly outcome?: LogOutcome | 'all';
}

export interface ExportedFile {
  readonly fileName: string;
  readonly text: string;
}

export interface ExportOutput {
  readonly files: readonly ExportedFile[];
  /** Data rows (records, or serials for Intune), not counting headers. */
  readonly rows: number;
  readonly warnings: readonly string[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `records` in any order; exports are oldest first. `secrets` are redacted from every text. */
export async function exportRecords(
  records: readonly LogRecord[],
  request: ExportRequest,
  options: { readonly now: number; readonly secrets: readonly string[] },
): Promise<ExportOutput> {
  const outcome = request.outcome ?? (request.format === 'json' ? 'all' : 'succeeded');
  const keep = recordTest({ ...request, outcome });
  const chosen = records
    .filter((r) => keep(r))
    .sort((a, b) => a.finishedAt - b.finishedAt)
    .map((r) => redactRecord(r, options.secrets));
  const stamp = new Date(options.now).toISOString().slice(0, 10);
  switch (request.format) {
    case 'csv': {
      const parts = [CSV_BOM, csvHeader()];
      for (let i = 0; i < chosen.length; i += CSV_SLICE) {
        if (i > 0) await yieldToEventLoop();
        parts.push(csvRows(chosen.slice(i, i + CSV_SLICE)));
      }
      return {
        files: [{ fileName: `enroll-bench-log-${stamp}.csv`, text: parts.join('') }],
        rows: chosen.length,
        warnings: [],
      };
    }
    case 'intune': {
      const { rows, warnings } = intuneRows(chosen);
      const texts = intuneFiles(rows);
      const files = texts.map((text, i) => ({
        fileName: `intune-devices-${stamp}${texts.length > 1 ? `-part${i + 1}` : ''}.csv`,
        text,
      }));
      return {
        files,
        rows: rows.length,
        warnings: rows.length === 0 ? [...warnings, 'No serial numbers to export.'] : warnings,
      };
    }
    case 'json':
      return {
        files: [{ fileName: `enroll-bench-log-${stamp}.json`, text: jsonExport(chosen, options.now) }],
        rows: chosen.length,
        warnings: [],
      };
  }
}

/**
 * Writes an export where the operator asked: one file at `out` exactly; several (an Intune export over 5,000
 * serials) as `<name>-part1<ext>`, `<name>-part2<ext>`, … beside it. Each file is written atomically.
 */
export async function writeExportFiles(files: readonly ExportedFile[], out: string): Promise<string[]> {
  const ext = /\.[^./\\]+$/.exec(out)?.[0] ?? '';
  const stem = out.slice(0, out.length - ext.length);
  const targets = files.length === 1 ? [out] : files.map((_, i) => `${stem}-part${i + 1}${ext}`);
  await mkdir(path.dirname(path.resolve(out)), { recursive: true });
  for (const [i, file] of files.entries()) await writeFileAtomic(targets[i] ?? out, file.text);
  return targets;
}
