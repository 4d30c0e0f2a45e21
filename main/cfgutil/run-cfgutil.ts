/**
 * The one place that starts cfgutil: argument array, no shell, reduced environment, bounded time and output.
 *
 * Every cfgutil command in the app goes through `runCfgutil`, the way a
 * desktop Git client funnels every git call through one function. It never throws for a run that started: timeouts, cancellation and runaway output resolve with an
 * `outcome`, and the caller decides. Only a binary that cannot be started at all rejects, with a `CfgutilError`
 * (`cfgutil-missing` / `cfgutil-not-executable`). cfgutil is spawned in its own process group, and stopping it
 * (SIGTERM, then SIGKILL after a grace period) signals the whole group, so nothing it started outlives it.
 * At most ./process-limit.ts's cap of cfgutil processes run at once, bench-wide; further runs wait for a slot
 * (the timeout counts from the start of the process, cancellation works while waiting).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { buildCfgutilEnv } from './cfgutil-env';
import { cfgutilError } from './cfgutil-error';
import { createLineSplitter } from './line-splitter';
import { cfgutilProcesses, type ProcessLimit } from './process-limit';
import { stopProcessGroup } from './stop-process-group';

/** How a run ended. Only `exited` means cfgutil finished on its own; its exit code is then meaningful. */
export type CfgutilRunOutcome = 'exited' | 'timed-out' | 'cancelled' | 'output-too-large';

/** Everything about one cfgutil process, kept for the log and for error classification. */
export interface CfgutilRun {
  /** The full command line, path first, as passed to `spawn` (no shell quoting involved). */
  readonly argv: readonly string[];
  readonly label?: string;
  readonly pid?: number;
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
  readonly outcome: CfgutilRunOutcome;
  /**
   * `error` events seen after the process started (a failed kill, a broken pipe), for the log. They do not change
   * the outcome: the exit decides it. Absent when there were none.
   */
  readonly processErrors?: readonly string[];
  /** With outcome `output-too-large`: the cap that was passed, for {@link outputTooLargeMessage}. */
  readonly outputLimitBytes?: number;
}

export interface RunCfgutilOptions {
  readonly signal?: AbortSignal;
  /** Hard limit for the whole run. Defaults to {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Time between SIGTERM and SIGKILL. Defaults to {@link DEFAULT_KILL_GRACE_MS}. */
  readonly killGraceMs?: number;
  /** Cap on stdout + stderr bytes kept; beyond it the process is stopped. Defaults to {@link DEFAULT_MAX_OUTPUT_BYTES}. */
  readonly maxOutputBytes?: number;
  readonly onStdoutLine?: (line: string) => void;
  readonly onStderrLine?: (line: string) => void;
  /** A short name for the log, for example `erase 0x8294E3A41001C`. */
  readonly label?: string;
  /** Extra environment variables, added on top of the allow-list (see cfgutil-env.ts). */
  readonly env?: Readonly<Record<string, string>>;
  /** The process cap this run counts against; the bench-wide one unless a test gives its own. */
  readonly processLimit?: ProcessLimit;
}

/** The signature of `runCfgutil`, so the client can be handed another runner in tests. */
export type CfgutilRunner = (
  cfgutilPath: string,
  args: readonly string[],
  options?: RunCfgutilOptions,
) => Promise<CfgutilRun>;

export const DEFAULT_TIMEOUT_MS = 5 * 60_000;
export const DEFAULT_KILL_GRACE_MS = 3_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

/** The words for a run stopped at the output cap: "cfgutil printed more than 32 MB". */
export function outputTooLargeMessage(limitBytes: number = DEFAULT_MAX_OUTPUT_BYTES): string {
  const mb = limitBytes / (1024 * 1024);
  const shown =
    mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.max(1, Math.round(limitBytes / 1024))} KB`;
  return `cfgutil printed more than ${shown}; the bench stopped it`;
}

function safely(callback: ((line: string) => void) | undefined): (line: string) => void {
  return (line) => {
    try {
      callback?.(line);
    } catch {
      // A listener's bug must not take the run (or the process) down.
    }
  };
}

function startError(error: unknown, cfgutilPath: string): Error {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const originalMessage = `${code ?? 'spawn failed'}: ${cfgutilPath}`;
  if (code === 'ENOENT' || code === 'ENOTDIR') return cfgutilError('cfgutil-missing', { originalMessage });
  if (code === 'EACCES' || code === 'EPERM' || code === 'ENOEXEC') {
    return cfgutilError('cfgutil-not-executable', { originalMessage });
  }
  return cfgutilError('cfgutil-not-executable', { originalMessage: `${originalMessage} (${String(error)})` });
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code === undefined || message.includes(code) ? message : `${code} ${message}`;
}

/**
 * Runs cfgutil once and resolves when it, and its process group, are gone.
 *
 * `args` are passed verbatim (the client adds `--format JSON`, `-e`, …). Rejects only when the process could not
 * be started; check `outcome` before trusting `exitCode`.
 */
export async function runCfgutil(
  cfgutilPath: string,
  args: readonly string[],
  options: RunCfgutilOptions = {},
): Promise<CfgutilRun> {
  const limit = options.processLimit ?? cfgutilProcesses;
  const release = isAbsolute(cfgutilPath) ? await limit.acquire(options.signal) : undefined;
  try {
    return await startAndCollect(cfgutilPath, args, options);
  } finally {
    release?.();
  }
}

function startAndCollect(
  cfgutilPath: string,
  args: readonly string[],
  options: RunCfgutilOptions,
): Promise<CfgutilRun> {
  const argv = [cfgutilPath, ...args];
  const started = performance.now();
  const base = { argv, ...(options.label === undefined ? {} : { label: options.label }) };
  if (!isAbsolute(cfgutilPath)) {
    return Promise.reject(
      cfgutilError('cfgutil-missing', { originalMessage: `not an absolute path: ${cfgutilPath}` }),
    );
  }
  if (options.signal?.aborted) {
    return Promise.resolve({
      ...base,
      exitCode: null,
      signal: null,
      stdout: '',
      stderr: '',
      durationMs: 0,
      outcome: 'cancelled',
    });
  }
  let child: ChildProcess;
  try {
    child = spawn(cfgutilPath, [...args], {
      shell: false,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: buildCfgutilEnv(process.env, options.env),
      windowsHide: true,
    });
  } catch (error) {
    return Promise.reject(startError(error, cfgutilPath));
  }
  return collect(
    child,
    options,
    (fields) => ({ ...base, ...fields, durationMs: Math.round(performance.now() - started) }),
    cfgutilPath,
  );
}

type Finish = (fields: Omit<CfgutilRun, 'argv' | 'label' | 'durationMs'>) => CfgutilRun;

function collect(
  child: ChildProcess,
  options: RunCfgutilOptions,
  finish: Finish,
  cfgutilPath: string,
): Promise<CfgutilRun> {
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const graceMs = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const chunks: { stdout: Buffer[]; stderr: Buffer[] } = { stdout: [], stderr: [] };
  const lines = {
    stdout: createLineSplitter(safely(options.onStdoutLine)),
    stderr: createLineSplitter(safely(options.onStderrLine)),
  };
  let kept = 0;
  let outcome: CfgutilRunOutcome = 'exited';
  let stopping: Promise<void> | undefined;
  const problems: string[] = [];

  return new Promise<CfgutilRun>((resolve, reject) => {
    const stop = (reason: Exclude<CfgutilRunOutcome, 'exited'>): void => {
      if (stopping || child.pid === undefined) return;
      outcome = reason;
      stopping = stopProcessGroup(child, graceMs);
    };
    const onAbort = (): void => stop('cancelled');
    const timer = setTimeout(() => stop('timed-out'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const cleanup = (): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    };

    const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      if (stopping && outcome === 'output-too-large') return;
      const room = maxBytes - kept;
      const part = chunk.length > room ? chunk.subarray(0, Math.max(room, 0)) : chunk;
      kept += part.length;
      chunks[stream].push(part);
      lines[stream].push(part);
      if (chunk.length > room) stop('output-too-large');
    };
    child.stdout?.on('data', take('stdout'));
    child.stderr?.on('data', take('stderr'));

    // `on`, not `once`: Node may emit 'error' more than once (a spawn failure, then a failed kill), and an
    // 'error' with no listener is thrown, which would take the whole app down.
    let rejected = false;
    child.on('error', (error) => {
      // 'error' without a pid means it never started: that settles the run. Anything else is kept for the log.
      if (child.pid === undefined && !rejected) {
        rejected = true;
        cleanup();
        reject(startError(error, cfgutilPath));
        return;
      }
      problems.push(`process: ${errorText(error)}`);
    });
    // The pipes are streams with their own 'error' event (EPIPE, a read failure); same reasoning.
    child.stdout?.on('error', (error) => problems.push(`stdout: ${errorText(error)}`));
    child.stderr?.on('error', (error) => problems.push(`stderr: ${errorText(error)}`));
    child.once('exit', (exitCode, signal) => {
      cleanup();
      void settle(child, () => stopping).then(() => {
        lines.stdout.end();
        lines.stderr.end();
        resolve(
          finish({
            ...(child.pid === undefined ? {} : { pid: child.pid }),
            exitCode,
            signal,
            stdout: Buffer.concat(chunks.stdout).toString('utf8'),
            stderr: Buffer.concat(chunks.stderr).toString('utf8'),
            outcome,
            ...(outcome === 'output-too-large' ? { outputLimitBytes: maxBytes } : {}),
            ...(problems.length === 0 ? {} : { processErrors: [...problems] }),
          }),
        );
      });
    });
  });
}

/** Waits for the rest of the group to be stopped (if we were stopping it) and for stdio to drain. */
async function settle(child: ChildProcess, stopping: () => Promise<void> | undefined): Promise<void> {
  await stopping();
  await waitForClose(child, 1_000);
}

function waitForClose(child: ChildProcess, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const streams = [child.stdout, child.stderr].filter(
      (s) => s !== null && !s.readableEnded && !s.destroyed,
    );
    if (streams.length === 0) return resolve();
    let open = streams.length;
    const done = (): void => {
      clearTimeout(timer);
      for (const s of streams) s?.destroy();
      resolve();
    };
    // A grandchild still holding the pipe must not keep the run open forever.
    const timer = setTimeout(done, limitMs);
    for (const s of streams) {
      s?.once('close', () => {
        open -= 1;
        if (open === 0) done();
      });
    }
  });
}
