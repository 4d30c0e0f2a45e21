/**
 * The file Intune imports at Devices ▸ Enrollment ▸ Apple ▸ Apple Configurator ▸ Devices ▸ Add
 * (../README.md L1, L2): no header, two columns `serial,details`, serials trimmed and upper-cased,
 * each serial once (the latest record's details), details at most 128 characters, at most 5,000 rows a file.
 * Quoting (a comma in a device name) is csv-stringify's; no byte-order mark, which the importer would read as
 * part of the first serial.
 */
import { stringify } from 'csv-stringify/sync';
import type { LogRecord } from '../../../preload/log-domain';
import { neutralizeFormula } from './neutralize-formula';

export const INTUNE_MAX_ROWS = 5000;
export const INTUNE_MAX_DETAILS = 128;
/** Apple Configurator devices per tenant, imported and existing together. */
export const INTUNE_TENANT_LIMIT = 75_000;

const SERIAL = /^[A-Z0-9]{1,32}$/;

export interface IntuneRows {
  readonly rows: readonly (readonly [string, string])[];
  readonly warnings: readonly string[];
}

export function intuneDetails(record: LogRecord): string {
  const parts = [record.model ?? record.deviceType, record.finalName].filter(
    (p) => p !== undefined && p !== '',
  );
  const details = neutralizeFormula(parts.join(' - ').replace(/\s+/g, ' ').trim());
  // 128 UTF-16 units (what Intune counts), cut between characters so an emoji is never left as half a pair.
  if (details.length <= INTUNE_MAX_DETAILS) return details;
  let cut = '';
  for (const char of details) {
    if (cut.length + char.length > INTUNE_MAX_DETAILS) break;
    cut += char;
  }
  return cut;
}

/** Records oldest first in, one row per serial out (first-seen order, the latest record's details). */
export function intuneRows(records: readonly LogRecord[]): IntuneRows {
  const bySerial = new Map<string, string>();
  let missing = 0;
  const refused: string[] = [];
  for (const record of records) {
    const serial = record.serialNumber?.trim().toUpperCase() ?? '';
    if (serial === '') missing += 1;
    else if (!SERIAL.test(serial)) refused.push(serial.slice(0, 40));
    else bySerial.set(serial, intuneDetails(record));
  }
  const warnings = [
    ...(missing > 0 ? [`${missing} records without a serial number were left out.`] : []),
    ...(refused.length > 0
      ? [
          `${refused.length} serial numbers that are not letters and digits were left out: ${refused.slice(0, 5).join(', ')}.`,
        ]
      : []),
    ...(bySerial.size > INTUNE_TENANT_LIMIT
      ? [
          `${bySerial.size} serials: Intune allows ${INTUNE_TENANT_LIMIT} Apple Configurator devices per tenant.`,
        ]
      : []),
  ];
  return { rows: [...bySerial], warnings };
}

/** The rows as files of at most 5,000 rows, CRLF line ends, no header. */
export function intuneFiles(rows: IntuneRows['rows']): string[] {
  const files: string[] = [];
  for (let i = 0; i < rows.length; i += INTUNE_MAX_ROWS) {
    files.push(
      stringify(
        rows.slice(i, i + INTUNE_MAX_ROWS).map((r) => [...r]),
        { record_delimiter: 'windows' },
      ),
    );
  }
  return files;
}
