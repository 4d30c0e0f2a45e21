/**
 * `enroll-bench log export|merge|show`: the bench log from a terminal, on the same data folder as the app
 * (`ENROLL_BENCH_DATA` overrides). Exports are written atomically; without `--out` a single file goes to stdout.
 */
import type { LogExportFormat, LogOutcome, LogRecord } from '../../preload/log-domain';
import { defaultDataDir } from '../storage/data-dir';
import { exportRecords, writeExportFiles } from '../log/export/export-log';
import { filterRecords, listSessions, summarize } from '../log/log-query';
import { logOutcomes } from '../log/log-record-schema';
import { mergeRecords, readLogFile } from '../log/merge-logs';
import { storedProfileSecrets } from '../log/profile-secrets';
import { readBenchLog } from '../log/read-bench-log';
import { redactRecord } from '../log/redact-record';
import { formatLogSummary } from '../log/format-log-summary';
import {
  intuneTest,
  isIntuneFilter,
  LOG_INTUNE_STATES,
  readIntuneColumns,
  withIntune,
  type IntuneFilter,
} from '../log/intune-columns';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrText, stdoutText } from './terminal-output';

function intuneFilterOf(value: string | undefined): IntuneFilter | undefined {
  if (value === undefined) return undefined;
  if (!isIntuneFilter(value))
    throw new UsageError(`--intune must be not-enrolled, ${LOG_INTUNE_STATES.join(', ')}, not "${value}"`);
  return value;
}

/** Most records `log show --intune …` lists: the list of what to chase, not only the latest ten. */
const MAX_CHASE = 1000;

export interface LogCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly now: () => number;
}

const defaultIo: LogCommandIo = {
  out: stdoutText,
  err: stderrText,
  env: process.env,
  now: () => Date.now(),
};

const USAGE = [
  'usage: enroll-bench log export --format csv|intune|json [FILTERS] [--out FILE] [--json]',
  '       enroll-bench log merge FILE… --out FILE [--format json|csv|intune] [FILTERS] [--json]',
  '       enroll-bench log show [FILTERS] [--json]',
  'FILTERS, the same as the log view: [--search TEXT] [--session ID] [--from DATE] [--to DATE] [--outcome O]',
  'TEXT is part of a serial number or device name; DATE is YYYY-MM-DD (a whole local day) or an ISO time;',
  'O is succeeded, failed, skipped, cancelled, interrupted or all.',
  '--intune STATE keeps what Intune shows so: not-enrolled (what to chase), enrolled, several, not-yet-seen,',
  'not-seen or not-checked.',
].join('\n');

const formats: readonly LogExportFormat[] = ['csv', 'intune', 'json'];

export async function runLogCommand(argv: readonly string[], io: LogCommandIo = defaultIo): Promise<number> {
  const [sub, ...rest] = argv;
  switch (sub) {
    case 'export':
      return exportCommand(rest, io);
    case 'merge':
      return mergeCommand(rest, io);
    case 'show':
      return showCommand(rest, io);
    case undefined:
    default:
      throw new UsageError(USAGE);
  }
}

async function exportCommand(argv: readonly string[], io: LogCommandIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('log', 'export'));
  if (positional.length > 0) throw new UsageError(`log export takes no file names (use --out)\n${USAGE}`);
  const format = parseFormat(flags.format, undefined);
  const dataDir = defaultDataDir(io.env);
  const log = await readBenchLog(dataDir);
  for (const warning of log.warnings) io.err(`warning: ${warning}\n`);
  return writeOut(
    log.records.map((r) => r.record),
    { format, ...textFilters(flags), ...dateRange(flags), ...outcomeOf(flags.outcome) },
    flags,
    dataDir,
    io,
  );
}

async function mergeCommand(argv: readonly string[], io: LogCommandIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('log', 'merge'));
  if (positional.length === 0) throw new UsageError(`log merge needs at least one FILE\n${USAGE}`);
  if (!flags.out) throw new UsageError(`log merge needs --out FILE\n${USAGE}`);
  const lists: LogRecord[][] = [];
  for (const file of positional) {
    let input;
    try {
      input = await readLogFile(file);
    } catch (error) {
      io.err(
        `enroll-bench: ${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).\n`,
      );
      return 1;
    }
    for (const warning of input.warnings) io.err(`warning: ${warning}\n`);
    lists.push(input.records);
  }
  const format = parseFormat(flags.format, 'json');
  const merged = mergeRecords(lists);
  const request = {
    format,
    ...textFilters(flags),
    ...dateRange(flags),
    ...outcomeOf(flags.outcome ?? (format === 'json' ? 'all' : undefined)),
  };
  return writeOut(merged, request, flags, defaultDataDir(io.env), io);
}

async function writeOut(
  records: readonly LogRecord[],
  request: Parameters<typeof exportRecords>[1],
  flags: { readonly out?: string; readonly json?: boolean; readonly intune?: string },
  dataDir: string,
  io: LogCommandIo,
): Promise<number> {
  const secrets = await storedProfileSecrets(dataDir).secrets();
  const joined = withIntune(records, await readIntuneColumns(dataDir)).filter(
    intuneTest(intuneFilterOf(flags.intune)),
  );
  const output = await exportRecords(joined, request, { now: io.now(), secrets });
  for (const warning of output.warnings) io.err(`warning: ${warning}\n`);
  if (!flags.out) {
    if (output.files.length !== 1) {
      throw new UsageError(
        `this export is ${output.files.length} files (5,000 serials each): give --out FILE`,
      );
    }
    io.out(output.files[0]?.text ?? '');
    return 0;
  }
  const written = await writeExportFiles(output.files, flags.out);
  io.out(
    flags.json
      ? `${JSON.stringify({ files: written, rows: output.rows, warnings: output.warnings }, null, 2)}\n`
      : `${output.rows} rows written to ${written.join(', ')}\n`,
  );
  return 0;
}

async function showCommand(argv: readonly string[], io: LogCommandIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('log', 'show'));
  if (positional.length > 0) throw new UsageError(USAGE);
  const dataDir = defaultDataDir(io.env);
  const log = await readBenchLog(dataDir);
  const intune = intuneFilterOf(flags.intune);
  const matching = withIntune(
    filterRecords(log.records, {
      ...textFilters(flags),
      ...dateRange(flags),
      ...outcomeOf(flags.outcome),
    }).map((r) => r.record),
    await readIntuneColumns(dataDir),
  ).filter(intuneTest(intune));
  const secrets = await storedProfileSecrets(dataDir).secrets();
  const view = {
    journalDir: log.journalDir,
    files: log.files,
    total: matching.length,
    summary: summarize(matching),
    sessions: listSessions(log.records),
    warnings: log.warnings,
    latest: matching.slice(0, intune ? MAX_CHASE : 10).map((r) => redactRecord(r, secrets)),
  };
  io.out(flags.json ? `${JSON.stringify(view, null, 2)}\n` : formatLogSummary(view));
  return 0;
}

function parseFormat(value: string | undefined, fallback: LogExportFormat | undefined): LogExportFormat {
  const format = value ?? fallback;
  if (!formats.includes(format as LogExportFormat)) {
    throw new UsageError(`--format must be csv, intune or json${value ? `, not "${value}"` : ''}\n${USAGE}`);
  }
  return format as LogExportFormat;
}

function outcomeOf(value: string | undefined): { outcome?: LogOutcome | 'all' } {
  if (value === undefined) return {};
  if (value !== 'all' && !Object.hasOwn(logOutcomes, value)) {
    throw new UsageError(
      `--outcome must be succeeded, failed, skipped, cancelled, interrupted or all, not "${value}"`,
    );
  }
  return { outcome: value as LogOutcome | 'all' };
}

/** `--from 2026-03-02` is that local day's first millisecond; `--to 2026-03-02` its last. */
export function parseDate(value: string, edge: 'from' | 'to'): number {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ms = day
    ? edge === 'from'
      ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])).getTime()
      : new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]) + 1).getTime() - 1
    : Date.parse(value);
  if (!Number.isFinite(ms))
    throw new UsageError(`--${edge} must be a date (YYYY-MM-DD) or an ISO time, not "${value}"`);
  return ms;
}

/** `--search` and `--session`, as the log view's search box and session filter. */
function textFilters(flags: { readonly search?: string; readonly session?: string }): {
  search?: string;
  sessionId?: string;
} {
  if ((flags.search?.length ?? 0) > 200) throw new UsageError('--search must be at most 200 characters');
  return {
    ...(flags.search?.trim() ? { search: flags.search } : {}),
    ...(flags.session ? { sessionId: flags.session } : {}),
  };
}

function dateRange(flags: { readonly from?: string; readonly to?: string }): { from?: number; to?: number } {
  return {
    ...(flags.from ? { from: parseDate(flags.from, 'from') } : {}),
    ...(flags.to ? { to: parseDate(flags.to, 'to') } : {}),
  };
}
