/**
 * Writes a recording bundle: the manifest once (atomically), then one exchange per line, append-only.
 *
 * The exchanges go through the JSON Lines appender the journal uses (main/storage/jsonl-files.ts): one whole
 * line per write(2) with O_APPEND, flushed before the next, so a crash mid-run costs at most the exchange being
 * written, and the reader skips that torn line. Pseudonyms and the secret filter run before anything is queued.
 */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { CfgutilRun } from '../cfgutil/run-cfgutil';
import { BenchError } from '../errors/bench-error';
import { openJsonlAppender } from '../storage/jsonl-files';
import { writeFileAtomic } from '../storage/atomic-write';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleManifest,
  commandOf,
  EXCHANGES_PREFIX,
  MANIFEST_FILE,
  type RecordedExchange,
} from './bundle-format';
import { Pseudonyms } from './pseudonyms';
import { type FileHasher, filterArgs, filterEnv, filterText, sha256OfFile } from './secret-filter';

export interface RecordingOptions {
  /** A folder that does not exist yet or is empty. */
  readonly dir: string;
  readonly recordedBy: string;
  /** The bench's version, from the composition (a service does not import app/). */
  readonly appVersion: string;
  /** `--record-raw`: keep real serials, ECIDs, UDIDs and names (secrets are removed regardless). */
  readonly raw?: boolean;
  readonly cfgutilPath?: string;
  readonly hash?: FileHasher;
  /** Called once per failed write; recording problems never fail a cfgutil run. */
  readonly onError?: (error: unknown) => void;
}

/** What one run looked like to the bench, before filtering. */
export interface RawExchange {
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly startedAtMs: number;
  /** The finished run, or undefined when cfgutil could not be started. */
  readonly run?: CfgutilRun;
  readonly startError?: string;
}

export interface RecordingBundle {
  readonly dir: string;
  readonly pseudonymised: boolean;
  /** Milliseconds since the bundle started. */
  elapsedMs(): number;
  /** Queues one exchange; resolves once it is on disk (never rejects). */
  record(exchange: RawExchange): Promise<void>;
  /** How many exchanges were written. */
  count(): number;
  close(): Promise<void>;
}

/** A start error names the binary's full path; only its file name is kept (the folder names the user). */
function withoutFolders(text: string): string {
  return text.replace(/\/[^\s:]+/g, (file) => path.basename(file));
}

/** `--record` was given a folder that already holds something; a `BenchError`, so the CLI explains it. */
export class RecordingFolderError extends BenchError {
  constructor(detail: string) {
    super({ code: 'invalid-request', title: 'The recording folder is not empty', detail, retryable: false });
  }
}

async function ensureEmptyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = await readdir(dir);
  if (entries.length > 0)
    throw new RecordingFolderError(
      `${dir} is not empty: give --record a new or empty folder (one bundle per folder keeps its stand-ins consistent)`,
    );
}

export async function startRecording(options: RecordingOptions): Promise<RecordingBundle> {
  await ensureEmptyFolder(options.dir);
  const pseudonymised = options.raw !== true;
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    createdAt: new Date().toISOString(),
    appVersion: options.appVersion,
    recordedBy: options.recordedBy,
    platform: process.platform,
    pseudonymised,
    cfgutilName: options.cfgutilPath === undefined ? 'cfgutil' : path.basename(options.cfgutilPath),
  };
  await writeFileAtomic(
    path.join(options.dir, MANIFEST_FILE),
    `${JSON.stringify(manifest, null, 2)}\n`,
    0o600,
  );
  const appender = await openJsonlAppender({ dir: options.dir, prefix: EXCHANGES_PREFIX });
  const names = new Pseudonyms(pseudonymised);
  const hash = options.hash ?? sha256OfFile;
  const started = performance.now();
  let seq = 0;
  let written = 0;
  let queue: Promise<void> = Promise.resolve();

  async function toRecord(raw: RawExchange, position: number): Promise<RecordedExchange> {
    const run = raw.run;
    // Learn from everything first, so the first mention of a device is already replaced.
    names.learnFromArgs(raw.args);
    if (run) names.learnFromOutput(run.stdout);
    const args = (await filterArgs(raw.args, hash)).map((arg, i) =>
      raw.args[i - 1] === '-e' ? names.applyArg(arg) : names.apply(arg),
    );
    const env = filterEnv(raw.env);
    const { command, ecid } = commandOf(args);
    return {
      seq: position,
      startedAtMs: Math.round(raw.startedAtMs),
      durationMs: run?.durationMs ?? 0,
      args,
      command,
      ...(ecid === undefined ? {} : { ecid }),
      ...(env === undefined
        ? {}
        : { env: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, names.apply(v)])) }),
      stdout: names.apply(filterText(run?.stdout ?? '')),
      stderr: names.apply(filterText(run?.stderr ?? withoutFolders(raw.startError ?? ''))),
      exitCode: run?.exitCode ?? null,
      signal: run?.signal ?? null,
      outcome: run?.outcome ?? 'start-failed',
    };
  }

  return {
    dir: options.dir,
    pseudonymised,
    elapsedMs: () => performance.now() - started,
    count: () => written,
    record(raw) {
      seq += 1;
      const position = seq;
      // One queue: exchanges land in the order they were recorded, and each sees the pseudonyms learned before.
      const next = queue.then(async () => {
        try {
          await appender.append(await toRecord(raw, position));
          written += 1;
        } catch (error) {
          options.onError?.(error);
        }
      });
      queue = next;
      return next;
    },
    async close() {
      await queue;
      await appender.close();
    },
  };
}
