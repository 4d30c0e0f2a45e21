/**
 * The field-check report: markdown for a person (the README table's rows, filled) and JSON for tools.
 * It holds no serial, ECID, UDID or device name: only the model, the iOS version and cfgutil's version.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../storage/atomic-write';
import type { FieldReport } from './field-check';

const WORD = { confirmed: 'confirmed', different: 'different', 'not-tried': 'not tried' } as const;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

export function fieldReportMarkdown(report: FieldReport): string {
  const counts = { confirmed: 0, different: 0, 'not-tried': 0 };
  for (const r of report.rows) counts[r.status] += 1;
  const lines = [
    '# Enroll Bench field check',
    '',
    `- When: ${report.startedAt} to ${report.finishedAt}`,
    `- cfgutil: ${report.cfgutilVersion ?? 'unknown'}`,
    `- Device: ${report.device?.deviceType ?? 'unknown'}, iOS ${report.device?.firmwareVersion ?? 'unknown'}`,
    `- Result: ${counts.confirmed} confirmed, ${counts.different} different, ${counts['not-tried']} not tried`,
    '',
    '| Behaviour | Expected | Checked on a Mac? | What was seen | README row |',
    '| --- | --- | --- | --- | --- |',
    ...report.rows.map(
      (r) =>
        `| ${cell(r.behaviour)} | ${cell(r.expected)} | ${WORD[r.status]} | ${cell(r.seen) || '—'} | ${cell(r.readmeRow)} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

/** Writes `field-check-<time>.md` and `.json` into `dir`; returns both paths. */
export async function writeFieldReport(
  report: FieldReport,
  dir: string,
): Promise<{ readonly markdown: string; readonly json: string }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const stem = `field-check-${report.startedAt.replace(/[:.]/g, '-')}`;
  const markdown = path.join(dir, `${stem}.md`);
  const json = path.join(dir, `${stem}.json`);
  await writeFileAtomic(markdown, fieldReportMarkdown(report), 0o600);
  await writeFileAtomic(json, `${JSON.stringify(report, null, 2)}\n`, 0o600);
  return { markdown, json };
}
