/**
 * Writes the per-device outcomes of one run in the requested format and picks the exit code.
 *
 * Shapes from main/cfgutil/README.md: success envelope and `Output.Errors` (§6.1), `Type:"Error"`
 * with Affected/UnaffectedDevices (§6.1, §11), text result lines and summary (§6.2, §11), exit codes
 * (§7.2, §11).
 */
import type { SimErrorBody } from '../messages';
import type { SimQuirks } from '../sim-options';
import type { DeviceCommand, DeviceOutcome } from './command-types';
import type { OutputFormat } from './parse-argv';
import { serialize } from './serialize';
import { writeGetText } from './write-get-text';

/** Where output goes; the socket server streams each chunk to the cfgutil process. */
export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface DeviceResult {
  readonly ecid: string;
  readonly name: string;
  readonly outcome: DeviceOutcome;
  /** `get` only: the requested properties in order, for the text layouts. */
  readonly order?: readonly string[];
}

/** `cfgutil: error: <Message>` then `(Domain: … Code: …)` on stderr (§6.2). */
export function writeErrorLines(sink: OutputSink, error: SimErrorBody): void {
  sink.stderr(`cfgutil: error: ${error.Message}\n(Domain: ${error.Domain} Code: ${error.Code})\n`);
}

function errorOf(outcome: DeviceOutcome): SimErrorBody | undefined {
  return !outcome.ok && 'error' in outcome ? outcome.error : undefined;
}

function exitCode(results: readonly DeviceResult[], quirks: SimQuirks): number {
  const failed = results.filter((r) => !r.outcome.ok).length;
  if (failed === 0) {
    const partial = results.some(
      (r) => r.outcome.ok && Object.keys(r.outcome.propertyErrors ?? {}).length > 0,
    );
    return partial ? quirks.partialGetExitCode : 0;
  }
  return failed === results.length ? 1 : quirks.mixedResultsExitCode;
}

function structured(command: DeviceCommand, results: readonly DeviceResult[]): unknown {
  const failures = results.filter((r) => errorOf(r.outcome));
  const first = failures[0] && errorOf(failures[0].outcome);
  if (first) {
    return {
      Command: command.name,
      Type: 'Error',
      ...first,
      AffectedDevices: failures.map((r) => r.ecid),
      UnaffectedDevices: results.filter((r) => r.outcome.ok).map((r) => r.ecid),
    };
  }
  const output: Record<string, unknown> = {};
  const errors: Record<string, unknown> = {};
  const bare: Record<string, unknown> = {};
  for (const r of results) {
    if (!r.outcome.ok) continue;
    // A bare error replaces the device's entry, as in the captured shape (test/fixtures/cfgutil).
    if (r.outcome.bareError) bare[r.ecid] = r.outcome.bareError;
    else output[r.ecid] = r.outcome.output;
    errors[r.ecid] = r.outcome.propertyErrors ?? {};
  }
  // `get` always nests Errors, with {} for a clean device (§6.1); action commands only for bare errors.
  if (command.layout === 'get') output.Errors = errors;
  else if (Object.keys(bare).length > 0) output.Errors = bare;
  return {
    Command: command.name,
    Output: output,
    Type: 'CommandOutput',
    Devices: results.map((r) => r.ecid),
  };
}

function writeActionText(sink: OutputSink, command: DeviceCommand, results: readonly DeviceResult[]): void {
  for (const r of results) {
    if (r.outcome.ok) {
      // [U] A bare error in text mode: its lines on stderr, yet counted as a success (exit 0), like JSON.
      if (r.outcome.bareError) writeErrorLines(sink, r.outcome.bareError);
      sink.stdout(`${command.successLine(r.name, r.ecid)}\n`);
    } else {
      // S13 transcripts (§12): the error lines come before `"<cmd>" failed on …`, then a blank line.
      const error = errorOf(r.outcome);
      if (error) writeErrorLines(sink, error);
      sink.stdout(`\n"${command.name}" failed on ${r.name} (ECID: ${r.ecid}).\n`);
    }
  }
  const succeeded = results.filter((r) => r.outcome.ok).length;
  const failed = results.length - succeeded;
  sink.stdout('\n--- Summary ---\n');
  if (succeeded > 0) sink.stdout(`Operation "${command.name}" succeeded on ${succeeded} devices.\n`);
  if (failed > 0) sink.stdout(`Operation "${command.name}" failed on ${failed} devices.\n`);
}

/** Writes everything for a device command and returns its exit code. */
export function writeResults(
  sink: OutputSink,
  command: DeviceCommand,
  results: readonly DeviceResult[],
  format: OutputFormat,
  quirks: SimQuirks,
): number {
  for (const r of results) {
    if (!r.outcome.ok && 'warning' in r.outcome) sink.stderr(`cfgutil: warning: ${r.outcome.warning}\n`);
  }
  const onlyWarnings =
    results.every((r) => r.outcome.ok || 'warning' in r.outcome) && results.some((r) => !r.outcome.ok);
  if (format === 'text') {
    if (command.layout === 'get') writeGetText(sink, results);
    else writeActionText(sink, command, results);
  } else if (!onlyWarnings) {
    sink.stdout(serialize(structured(command, results), format, quirks.jsonStyle));
  }
  return exitCode(results, quirks);
}
