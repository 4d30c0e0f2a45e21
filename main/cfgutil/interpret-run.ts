/**
 * Turns one finished cfgutil run into either a usable envelope or a classified `CfgutilError`.
 *
 * The app rule is "never trust the exit code alone; decide from the parsed envelope" (README.md in
 * this folder, §6.1 and §7). Order: how the run ended (timeout, cancel, runaway output, crash) → the `Type:"Error"`
 * envelope → a bare error for our ECID inside `Output.Errors` (§6.1) → errors cfgutil printed on stderr, such as
 * `no devices found` (§6.2) → an unreadable stdout.
 */
import type { Ecid, ErrorCode } from '../../preload/domain';
import { type CfgutilError, cfgutilError, cfgutilErrorFromRaw } from './cfgutil-error';
import { type CommandOutputEnvelope, parseStderr, parseStdout } from './parse-output';
import { type CfgutilRun, outputTooLargeMessage } from './run-cfgutil';

export interface InterpretOptions {
  /** The one device this run targeted (`-e`), if any. */
  readonly ecid?: Ecid;
  /** Codes that are an outcome rather than a failure for this call (625 for install-profile, §8.4). */
  readonly expectedCodes?: readonly ErrorCode[];
}

export type Interpretation =
  | { readonly kind: 'output'; readonly envelope: CommandOutputEnvelope }
  | { readonly kind: 'expected'; readonly error: CfgutilError };

const RAW_EXCERPT = 500;

const EMPTY_ENVELOPE: CommandOutputEnvelope = {
  kind: 'output',
  devices: [],
  outputs: new Map(),
  deviceErrors: new Map(),
  propertyErrors: new Map(),
  output: undefined,
};

function classifyRun(run: CfgutilRun, ecid: Ecid | undefined): CfgutilError | CommandOutputEnvelope {
  const context = { run, ...(ecid === undefined ? {} : { ecid }) };
  switch (run.outcome) {
    case 'timed-out':
      return cfgutilError('timed-out', context);
    case 'cancelled':
      return cfgutilError('cancelled', context);
    case 'output-too-large':
      return cfgutilError('output-unparseable', {
        ...context,
        originalMessage: outputTooLargeMessage(run.outputLimitBytes),
      });
    case 'exited':
      break;
  }
  const parsed = parseStdout(run.stdout);
  if (parsed.kind === 'error') return cfgutilErrorFromRaw(parsed.error, context);
  const stderr = parseStderr(run.stderr);
  if (parsed.kind === 'output') {
    const bare = ecid === undefined ? undefined : parsed.deviceErrors.get(ecid);
    if (bare) return cfgutilErrorFromRaw(bare, context);
    const mentioned = ecid === undefined || parsed.devices.includes(ecid) || parsed.outputs.has(ecid);
    const printed = stderr.errors[0];
    if (printed && !mentioned) return cfgutilErrorFromRaw(printed, context);
    return parsed;
  }
  const printed = stderr.errors[0] ?? stderr.warnings[0];
  if (printed) return cfgutilErrorFromRaw(printed, context);
  if (run.signal !== null) {
    return cfgutilError('unknown', {
      ...context,
      originalMessage: `cfgutil stopped with signal ${run.signal}`,
    });
  }
  // An empty stdout with exit 0 and nothing on stderr is taken as a success without details [I].
  if (run.exitCode === 0 && run.stdout.trim() === '') return EMPTY_ENVELOPE;
  return cfgutilError('output-unparseable', {
    ...context,
    originalMessage: `${parsed.reason}: ${parsed.raw.slice(0, RAW_EXCERPT)}`,
  });
}

/**
 * The envelope of a successful run; an `expected` error when its code is in `expectedCodes`; otherwise throws
 * the `CfgutilError` (which carries the run for the log).
 */
export function interpretRun(run: CfgutilRun, options: InterpretOptions = {}): Interpretation {
  const result = classifyRun(run, options.ecid);
  if (result instanceof Error) {
    if (options.expectedCodes?.includes(result.code)) return { kind: 'expected', error: result };
    throw result;
  }
  return { kind: 'output', envelope: result };
}
