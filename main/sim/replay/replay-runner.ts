/**
 * A cfgutil that answers from a recorded bundle (issue 20 item 8, `main/cfgutil/recording/record-runs.ts`),
 * so a field recording replays through the real client to the same outcomes and can become a regression test.
 *
 * A request is matched by its masked arguments (the identity's and the profile's paths are placeholders in
 * the bundle): the first recorded exchange with the same arguments that has not been answered yet, in order;
 * once all are used, the last one again (a bench polls `list` and `get` more or less often than the
 * recording did). A request the bundle never saw fails like a cfgutil error, never with an invented answer.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUNDLE_FORMAT,
  EXCHANGES_FILE,
  MANIFEST_FILE,
  maskArgv,
  type RecordedExchange,
} from '../../cfgutil/recording/record-runs';
import type { CfgutilRun, CfgutilRunner } from '../../cfgutil/run-cfgutil';

/** A bundle larger than this is refused before it is parsed. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export interface ReplayBundle {
  readonly exchanges: readonly RecordedExchange[];
}

const OUTCOMES = new Set(['exited', 'timed-out', 'cancelled', 'output-too-large']);

function exchangeAt(value: unknown, line: number): RecordedExchange {
  const bad = (what: string): never => {
    throw new Error(`Line ${line} of ${EXCHANGES_FILE} is not a recorded exchange: ${what}.`);
  };
  if (value === null || typeof value !== 'object') return bad('not an object');
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.argv) || !v.argv.every((a) => typeof a === 'string')) return bad('argv');
  if (typeof v.stdout !== 'string' || typeof v.stderr !== 'string') return bad('stdout/stderr');
  if (v.exitCode !== null && typeof v.exitCode !== 'number') return bad('exitCode');
  if (typeof v.outcome !== 'string' || !OUTCOMES.has(v.outcome)) return bad('outcome');
  return {
    seq: typeof v.seq === 'number' ? v.seq : line,
    at: typeof v.at === 'number' ? v.at : 0,
    argv: v.argv as string[],
    exitCode: v.exitCode,
    signal: typeof v.signal === 'string' ? v.signal : null,
    outcome: v.outcome as RecordedExchange['outcome'],
    durationMs: typeof v.durationMs === 'number' ? v.durationMs : 0,
    stdout: v.stdout,
    stderr: v.stderr,
  };
}

/** Reads and checks a bundle directory; the error names the file and line at fault. */
export async function loadBundle(dir: string): Promise<ReplayBundle> {
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as { format?: unknown };
  if (manifest.format !== BUNDLE_FORMAT)
    throw new Error(`${join(dir, MANIFEST_FILE)} is not an Enroll Bench cfgutil recording.`);
  const raw = await readFile(join(dir, EXCHANGES_FILE));
  if (raw.byteLength > MAX_BUNDLE_BYTES)
    throw new Error(
      `${EXCHANGES_FILE} is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB; split the recording.`,
    );
  const exchanges = raw
    .toString('utf8')
    .split('\n')
    .map((text, index) => ({ text, line: index + 1 }))
    .filter(({ text }) => text.trim() !== '')
    .map(({ text, line }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new Error(`Line ${line} of ${EXCHANGES_FILE} is not JSON.`);
      }
      return exchangeAt(parsed, line);
    });
  return { exchanges };
}

const keyOf = (argv: readonly string[]): string => JSON.stringify(maskArgv(argv));

/** A runner answering from `bundle`; `path` is only echoed back in the run's argv. */
export function createReplayRunner(bundle: ReplayBundle): CfgutilRunner {
  const used = new Set<number>();
  const lastOf = new Map<string, RecordedExchange>();
  return async (path, args) => {
    const key = keyOf(args);
    const index = bundle.exchanges.findIndex((e, i) => !used.has(i) && keyOf(e.argv) === key);
    const exchange = index >= 0 ? bundle.exchanges[index] : lastOf.get(key);
    if (index >= 0) used.add(index);
    const base = { argv: [path, ...args], signal: null, durationMs: 0 };
    if (!exchange) {
      const run: CfgutilRun = {
        ...base,
        exitCode: 1,
        stdout: '',
        stderr: `cfgutil: error: replay: no recorded exchange for "${maskArgv(args).join(' ')}"\n`,
        outcome: 'exited',
      };
      return run;
    }
    lastOf.set(key, exchange);
    return {
      ...base,
      exitCode: exchange.exitCode,
      signal: exchange.signal as NodeJS.Signals | null,
      stdout: exchange.stdout,
      stderr: exchange.stderr,
      outcome: exchange.outcome,
      durationMs: exchange.durationMs,
    };
  };
}
