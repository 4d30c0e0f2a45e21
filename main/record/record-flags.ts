/**
 * `--record DIR`, `--record-raw` and `--replay BUNDLE`, taken off a command's arguments before its own parser
 * sees them, so `run` and `serve` gain them without their flag tables changing.
 */
import { UsageError } from '../cli/parse-flags';

export interface RecordFlags {
  /** The arguments without the three flags. */
  readonly rest: readonly string[];
  readonly record?: string;
  readonly recordRaw: boolean;
  readonly replay?: string;
}

export function takeRecordFlags(argv: readonly string[]): RecordFlags {
  const rest: string[] = [];
  let record: string | undefined;
  let replay: string | undefined;
  let recordRaw = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (name === '--record-raw') {
      if (inline !== undefined) throw new UsageError('--record-raw takes no value');
      recordRaw = true;
    } else if (name === '--record' || name === '--replay') {
      const value = inline ?? argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a folder`);
      if (name === '--record') record = value;
      else replay = value;
    } else rest.push(arg);
  }
  if (recordRaw && record === undefined) throw new UsageError('--record-raw needs --record DIR');
  return {
    rest,
    recordRaw,
    ...(record === undefined ? {} : { record }),
    ...(replay === undefined ? {} : { replay }),
  };
}
