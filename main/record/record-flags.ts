/**
 * `--record DIR`, `--record-raw` and `--replay BUNDLE` as a command's parser read them (the flags themselves,
 * with their help, are in main/cli/command-table.ts: `recordFlagDocs`), checked together.
 */
import { UsageError } from '../text/parse-flags';

export interface RecordFlags {
  readonly record?: string;
  readonly recordRaw: boolean;
  readonly replay?: string;
}

export const NO_RECORD_FLAGS: RecordFlags = { recordRaw: false };

/** What the flag parser gave for the three flags (any command's parsed flags carry them by these names). */
export interface ParsedRecordFlags {
  readonly record?: string;
  readonly 'record-raw'?: boolean;
  readonly replay?: string;
}

export function recordFlagsFrom(flags: ParsedRecordFlags): RecordFlags {
  const recordRaw = flags['record-raw'] === true;
  if (recordRaw && flags.record === undefined) throw new UsageError('--record-raw needs --record DIR');
  return {
    recordRaw,
    ...(flags.record === undefined ? {} : { record: flags.record }),
    ...(flags.replay === undefined ? {} : { replay: flags.replay }),
  };
}
