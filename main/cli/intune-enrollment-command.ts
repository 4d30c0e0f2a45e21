/**
 * `enroll-bench intune push [--since DATE] [--dry-run] [--json]` and `intune verify [--log FILE…] [--json]`
 * (issue 25), on the same data folder and journal as the app:
 *
 * - push: every serial the bench log holds as prepared (since DATE), plus whatever is still queued, goes to
 *   Intune for the picked profile; serials already pushed are reported, never sent again.
 * - verify: each serial of this bench's log (or of the given logs, e.g. from `log merge`) looked up in Intune
 *   now, with its state. A serial prepared less than 30 minutes ago that Intune does not show yet reads
 *   "not yet seen"; older, "not seen" with the likely causes.
 *
 * Exit 0 when everything was pushed / every device is enrolled, 1 otherwise (or when Intune refused), 2 usage.
 */
import type { LogRecord } from '../../preload/log-domain';
import { EnrollmentService, type VerifyRow } from '../intune/enrollment/enrollment-service';
import { NOT_SEEN_CAUSES } from '../intune/enrollment/enrollment-watcher';
import type { IntuneService } from '../intune/intune-service';
import { readBenchLog } from '../log/read-bench-log';
import { readLogFile, mergeRecords } from '../log/merge-logs';
import { sanitizeText } from '../text/sanitize-text';
import { parseDate } from './log-command';
import { parseFlags, UsageError } from '../text/parse-flags';
import { flagSpec } from './command-table';

export interface EnrollmentCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now?: () => number;
}

const when = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' ');

/** Serials the log holds as prepared, with the latest finish time of each. */
export function preparedSerials(records: readonly LogRecord[], since?: number): Map<string, number> {
  const serials = new Map<string, number>();
  for (const r of records) {
    if (r.outcome !== 'succeeded' || !r.serialNumber) continue;
    if (since !== undefined && r.finishedAt < since) continue;
    const serial = r.serialNumber.trim().toUpperCase();
    serials.set(serial, Math.max(serials.get(serial) ?? 0, r.finishedAt));
  }
  return serials;
}

export function describeState(row: VerifyRow): string {
  switch (row.state) {
    case 'enrolled':
      return `Enrolled in Intune${row.enrolledAt ? ` ${when(row.enrolledAt)}` : ''}${row.enrollmentType ? ` (${sanitizeText(row.enrollmentType, { maxLength: 60 })}${row.supervised ? ', supervised' : ''})` : ''}`;
    case 'several':
      return `${row.records ?? 'several'} Intune records for this serial: retire the old ones in the Intune admin center`;
    case 'not-yet-seen':
      return 'Not yet seen by Intune';
    case 'not-seen':
      return `Not seen by Intune after 30 minutes. ${NOT_SEEN_CAUSES}`;
    case 'not-checked':
      return `Not checked (${row.why ?? 'no answer'}); run verify again`;
  }
}

export async function runEnrollmentCommand(
  sub: 'push' | 'verify',
  argv: readonly string[],
  dataDir: string,
  intune: IntuneService,
  io: EnrollmentCommandIo,
): Promise<number> {
  const enrollment = new EnrollmentService({ dataDir, intune, ...(io.now ? { now: io.now } : {}) });
  try {
    if (sub === 'push') {
      const { flags, positional } = parseFlags(argv, flagSpec('intune', 'push'));
      if (positional.length)
        throw new UsageError('usage: enroll-bench intune push [--since DATE] [--dry-run] [--json]');
      const since = flags.since === undefined ? undefined : parseDate(flags.since, 'from');
      const log = await readBenchLog(dataDir);
      for (const w of log.warnings) io.err(`warning: ${w}`);
      const serials = [
        ...preparedSerials(
          log.records.map((r) => r.record),
          since,
        ).keys(),
      ];
      const outcomes = await enrollment.push(serials, flags['dry-run'] === true);
      const failed = outcomes.filter((o) => o.result === 'failed');
      if (flags.json) io.out(JSON.stringify({ dryRun: flags['dry-run'] === true, outcomes }, null, 2));
      else {
        for (const o of outcomes)
          io.out(`${o.serial}  ${o.result}${o.why ? `: ${sanitizeText(o.why, { maxLength: 400 })}` : ''}`);
        const count = (r: string) => outcomes.filter((o) => o.result === r).length;
        io.out(
          flags['dry-run']
            ? `Would push ${count('would-push')} serial(s); nothing was sent.`
            : `Pushed ${count('pushed')}, already in Intune ${count('already-pushed')}, failed ${failed.length} (they stay queued).`,
        );
      }
      return failed.length ? 1 : 0;
    }
    const { flags, positional } = parseFlags(argv, flagSpec('intune', 'verify'));
    const files = [...(flags.log ? [flags.log] : []), ...positional];
    if (positional.length && !flags.log)
      throw new UsageError('usage: enroll-bench intune verify [--log FILE…] [--json]');
    let records: LogRecord[];
    if (files.length) {
      const lists: LogRecord[][] = [];
      for (const file of files) {
        const input = await readLogFile(file);
        for (const w of input.warnings) io.err(`warning: ${w}`);
        lists.push(input.records);
      }
      records = mergeRecords(lists);
    } else {
      const log = await readBenchLog(dataDir);
      for (const w of log.warnings) io.err(`warning: ${w}`);
      records = log.records.map((r) => r.record);
    }
    const rows = await enrollment.verify(preparedSerials(records));
    if (flags.json) io.out(JSON.stringify({ devices: rows }, null, 2));
    else {
      for (const row of rows) io.out(`${row.serial}  ${describeState(row)}`);
      const enrolled = rows.filter((r) => r.state === 'enrolled').length;
      io.out(`${enrolled} of ${rows.length} enrolled in Intune.`);
    }
    return rows.every((r) => r.state === 'enrolled') ? 0 : 1;
  } finally {
    await enrollment.close();
  }
}
