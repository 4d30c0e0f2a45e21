/**
 * `--record DIR` (issue 20 item 8): every cfgutil exchange the bench makes (arguments, stdout, stderr, exit
 * code, timing) appended to a bundle, pseudonymised (`Pseudonyms`), with the supervision identity's and the
 * profile's paths replaced by placeholders and nothing of the environment written. A bundle replays with
 * `main/sim/replay/replay-runner.ts`, so a field recording becomes a regression test.
 *
 * Bundle: `manifest.json` and `exchanges.jsonl` (one JSON object per line, appended as each run ends, so a
 * crash loses at most the run in flight).
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CfgutilRun, CfgutilRunner } from '../run-cfgutil';
import { Pseudonyms } from './pseudonyms';

export const BUNDLE_FORMAT = 'enroll-bench-cfgutil-recording';
export const EXCHANGES_FILE = 'exchanges.jsonl';
export const MANIFEST_FILE = 'manifest.json';

/** One recorded run. `argv` starts at the first argument (the cfgutil path is not kept). */
export interface RecordedExchange {
  readonly seq: number;
  /** Milliseconds from the start of the recording to the start of the run. */
  readonly at: number;
  readonly argv: readonly string[];
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly outcome: CfgutilRun['outcome'];
  readonly durationMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Argument values replaced by placeholders: secrets' paths and the files the bench hands to cfgutil. */
const MASKED_VALUES: Readonly<Record<string, string>> = {
  '-C': '<certificate>',
  '--certificate': '<certificate>',
  '-K': '<private-key>',
  '--private-key': '<private-key>',
  '--host-cert': '<certificate>',
};

const FILE_ARGUMENT_COMMANDS = new Set(['install-profile']);

/**
 * The arguments with paths and new names masked; the same function is applied when a replay matches a request.
 */
export function maskArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const mask = MASKED_VALUES[arg];
    if (mask !== undefined && i + 1 < argv.length) {
      out.push(arg, mask);
      i++;
      continue;
    }
    if (command !== undefined && FILE_ARGUMENT_COMMANDS.has(command) && arg.startsWith('/')) {
      out.push('<profile>');
      continue;
    }
    // A new device name comes from the bench's naming template: personal, and not what a replay decides on.
    if (command === 'rename') {
      out.push('<name>');
      continue;
    }
    if (command === undefined && !arg.startsWith('-') && out.at(-1) !== '--format' && out.at(-1) !== '-e')
      command = arg;
    out.push(arg);
  }
  return out;
}

export interface Recorder {
  readonly runner: CfgutilRunner;
  /** Resolves once every exchange so far is on disk. */
  flush(): Promise<void>;
}

/** Wraps `inner` so every run is also appended to the bundle in `dir` (created if needed). */
export function recordingRunner(inner: CfgutilRunner, dir: string, now: () => number = Date.now): Recorder {
  const pseudonyms = new Pseudonyms();
  const started = now();
  let seq = 0;
  let chain: Promise<void> = mkdir(dir, { recursive: true }).then(() =>
    writeFile(
      join(dir, MANIFEST_FILE),
      `${JSON.stringify({ format: BUNDLE_FORMAT, version: 1, pseudonymised: true, startedAt: new Date(started).toISOString() }, null, 2)}\n`,
    ),
  );
  const write = (exchange: RecordedExchange): void => {
    chain = chain
      .then(() => appendFile(join(dir, EXCHANGES_FILE), `${JSON.stringify(exchange)}\n`))
      // A recording must never break the bench: a failed write loses that line only.
      .catch(() => undefined);
  };
  const runner: CfgutilRunner = async (path, args, options) => {
    const at = now() - started;
    const run = await inner(path, args, options);
    const masked = maskArgv(args);
    const renameAt = args.indexOf('rename');
    const newName = renameAt >= 0 ? args[renameAt + 1] : undefined;
    if (newName !== undefined) pseudonyms.learnPersonal('name', newName);
    pseudonyms.learnJson(run.stdout);
    seq += 1;
    write({
      seq,
      at,
      argv: masked.map((arg) => pseudonyms.scrubArg(arg)),
      exitCode: run.exitCode,
      signal: run.signal,
      outcome: run.outcome,
      durationMs: Math.round(run.durationMs),
      stdout: pseudonyms.scrub(run.stdout),
      stderr: pseudonyms.scrub(run.stderr),
    });
    return run;
  };
  return { runner, flush: () => chain };
}
