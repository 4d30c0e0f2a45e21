/**
 * `enroll-bench run`: provision every attached device with one workflow, headless (issue 9 item 10).
 *
 *   enroll-bench run --workflow ID|FILE [--profile FILE] [--cfgutil PATH | --simulate [--cart N]
 *     [--scenario FILE] [--time-scale X] | --replay BUNDLE] [--concurrency N] [--until-idle] [--erase-in-use]
 *     [--unassigned-to-direct] [--record DIR [--record-raw]] [--json]
 *
 * `--unassigned-to-direct` (an ADE workflow): a device that ends with no ADE configuration goes on as
 * `supervise-and-enroll`, as the card's "Switch to direct enrollment" does, without a second erase.
 *
 * Progress on stderr, one line per step change; with --json one object on stdout at the end (./run-report.ts:
 * every device that did not succeed says why and what to do). Exit codes: ./exit-codes.ts.
 */
import { APP_VERSION } from '../app/app-version';
import { startBenchSafety } from '../jobs/safety/bench-safety';
import { existsSync } from 'node:fs';
import type { JobView, Workflow } from '../../preload/jobs-domain';
import { defaultDataDir } from '../storage/data-dir';
import { startRunSession, type RunSessionOptions } from '../app/run-session';
import type { JobEventSink } from '../jobs/job-board-types';
import type { JobBoard } from '../jobs/job-board';
import { readWorkflowFile, workflowSource } from '../jobs/workflow-source';
import { WorkflowStore } from '../jobs/workflow/workflow-store';
import { startRecordReplay } from '../record/command-hooks';
import { recordFlagsFrom } from '../record/record-flags';
import { loadScenario, scenarioWorldOptions } from '../sim/index';
import { flagSpec } from './command-table';
import { EXIT } from './exit-codes';
import { parseFlags, UsageError } from '../text/parse-flags';
import { RepeatedLines } from './repeated-lines';
import { RunCapRecord } from './run-cap';
import { RunProgress } from './run-progress';
import { runExitCode, runReport } from './run-report';
import { stderrLine, stdoutLine, terminalSafe } from './terminal-output';

const FLAGS = flagSpec('run');

export interface RunCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** On a terminal: redraws one live summary line in place (absent when stderr is not a terminal). */
  readonly live?: (text: string) => void;
  /** Resolves when the operator stops the run (Ctrl-C); tests pass a promise they control. */
  readonly interrupted?: Promise<void>;
  /** The session to run in; tests pass one whose journal they control (a full disk). */
  readonly startSession?: (options: RunSessionOptions) => Promise<RunSessionLike>;
}

/** What `run` needs of the board: read the jobs, and the operator's Retry for --resume. */
export type RunBoard = Pick<JobBoard, 'views' | 'isIdle' | 'deviceTypeOf' | 'runStatus' | 'jobAction'>;

export interface RunSessionLike {
  readonly board: RunBoard;
  readonly timeScale: number;
  close(): Promise<void>;
}

const defaultIo: RunCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
  ...(process.stderr.isTTY
    ? { live: (t: string) => void process.stderr.write(`\x1b[2K\r${terminalSafe(t)}`) }
    : {}),
};

/** Idle = every job ended or waits for a person, and nothing changed for 10 s (device time). */
export const IDLE_QUIET_MS = 10_000;

function number(
  text: string | undefined,
  flag: string,
  min: number,
  max: number,
  integer: boolean,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(
      `--${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${text}"`,
    );
  }
  return value;
}

async function chooseWorkflow(text: string | undefined, dataDir: string): Promise<Workflow> {
  if (!text)
    throw new UsageError(
      'run needs --workflow ID|FILE (supervise-and-enroll, enroll-in-place, ade-reenroll, or a .json file)',
    );
  const preset = workflowSource().get(text);
  if (preset) return preset;
  if (text.endsWith('.json') || existsSync(text)) return readWorkflowFile(text);
  // A workflow saved in the data folder (the editor's, or a file copied there).
  const saved = await WorkflowStore.inDataDir(dataDir).get(text);
  if (saved) return saved;
  throw new UsageError(
    `there is no workflow "${text}"; use supervise-and-enroll, enroll-in-place, ade-reenroll or a workflow file`,
  );
}

/** Why `--until-idle` stopped waiting. */
type IdleEnd = 'idle' | 'stopped' | 'cannot-record';

/**
 * Resolves once the board is idle and nothing has changed for `quietMs`, or once the journal has been unable
 * to record for as long (the jobs are paused and would wait for ever: the run ends in words, exit 4).
 */
async function untilIdle(
  board: RunBoard,
  changes: { at: number },
  quietMs: number,
  stop: Promise<void>,
): Promise<IdleEnd> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const tick = Math.max(20, Math.min(500, quietMs / 10));
  for (;;) {
    if (stopped) return 'stopped';
    const quiet = Date.now() - changes.at >= quietMs;
    if (quiet && board.runStatus().recordingProblem !== undefined) return 'cannot-record';
    if (board.isIdle() && board.views().length > 0 && quiet) return 'idle';
    await new Promise((resolve) => setTimeout(resolve, tick));
  }
}

function ctrlC(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export async function runRunCommand(argv: readonly string[], io: RunCommandIo = defaultIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, FLAGS);
  const recordFlags = recordFlagsFrom(flags);
  if (positional.length > 0) throw new UsageError(`run takes no arguments (got "${positional[0]}")`);
  if (flags.simulate && flags.cfgutil)
    throw new UsageError('--simulate and --cfgutil cannot be used together');
  if (
    !flags.simulate &&
    (flags.cart !== undefined || flags.scenario !== undefined || flags['time-scale'] !== undefined)
  ) {
    throw new UsageError('--cart, --scenario and --time-scale need --simulate');
  }
  // A scenario's devices (with their states and faults) arrive as the world starts; --cart adds clean iPads.
  const scenario =
    flags.scenario === undefined ? undefined : scenarioWorldOptions(await loadScenario(flags.scenario));
  const cart = number(flags.cart, 'cart', 0, 64, true) ?? 0;
  const timeScale = number(flags['time-scale'], 'time-scale', 0.0001, 10, false) ?? 1;
  // Without --concurrency the data folder's settings decide, as in the app.
  const concurrency = number(flags.concurrency, 'concurrency', 1, 64, true);
  const chosen = await chooseWorkflow(flags.workflow, defaultDataDir(io.env));
  // --erase-in-use answers the in-use question only: the ignore list and other organizations still hold.
  const workflow: Workflow = flags['erase-in-use'] ? { ...chosen, eraseInUse: 'erase' } : chosen;
  const cfgutilPath = flags.cfgutil ?? io.env.ENROLL_BENCH_CFGUTIL;
  if (recordFlags.replay && (flags.simulate || flags.cfgutil))
    throw new UsageError('--replay answers as cfgutil: give it without --simulate or --cfgutil');
  if (!flags.simulate && !cfgutilPath && !recordFlags.replay)
    throw new UsageError('run needs --cfgutil PATH (or ENROLL_BENCH_CFGUTIL) or --simulate');

  const changes = { at: Date.now() };
  // The heavy-step cap over the run, for the report: did the bench ever lower it?
  const cap = new RunCapRecord();
  // Progress: plain lines always; the live summary line only on a terminal and never with --json.
  const progress = new RunProgress({ err: io.err, ...(io.live && !flags.json ? { live: io.live } : {}) });
  const notes = new RepeatedLines((line) => progress.line(line));
  let closing = false;
  const interruptedAtStart = new Set<string>();
  // Set once the session is up; --resume's retries go to its board.
  const current: { session?: RunSessionLike } = {};
  const resume = (ecid: string) => {
    // After the event that announced it: the board is not re-entered from inside its own dispatch.
    setTimeout(() => {
      if (closing || !current.session) return;
      try {
        current.session.board.jobAction(ecid, 'retry');
        notes.line(`enroll-bench: ${ecid} continues where it was interrupted.`);
      } catch (error) {
        notes.line(
          `enroll-bench: ${ecid} could not be resumed: ${error instanceof Error ? error.message : 'refused'}`,
        );
      }
    }, 0);
  };
  const toDirect = flags['unassigned-to-direct'] === true;
  if (toDirect && !workflow.steps.some((s) => s.kind === 'prepare-ade'))
    throw new UsageError('--unassigned-to-direct is for an ADE workflow (ade-reenroll)');
  const switchToDirect = (ecid: string) => {
    // After the event that announced it: the board is mid-dispatch now.
    setTimeout(() => {
      if (closing || !current.session) return;
      notes.line(`enroll-bench: ${ecid} has no ADE configuration; switching it to direct enrollment.`);
      try {
        current.session.board.jobAction(ecid, 'switch-to-direct');
      } catch (error) {
        notes.line(
          `enroll-bench: ${ecid} was not switched: ${error instanceof Error ? error.message : 'refused'}`,
        );
      }
    }, 0);
  };
  const events: JobEventSink = {
    jobChanged: (job, immediate) => {
      if (immediate) changes.at = Date.now();
      progress.job(job);
      // Interrupted before this run began (the journal says so): continue it with --resume, else count it.
      if (job.phase === 'interrupted' && !closing && !interruptedAtStart.has(job.ecid)) {
        interruptedAtStart.add(job.ecid);
        if (flags.resume) resume(job.ecid);
      }
      if (toDirect && job.phase === 'failed' && job.error?.code === 'configuration-unavailable') {
        switchToDirect(job.ecid);
      }
    },
    jobRemoved: () => void (changes.at = Date.now()),
    factsChanged: () => {},
    runChanged: (run) => {
      cap.see(run);
      if (run.concurrencyNote) notes.line(`enroll-bench: ${run.concurrencyNote}`);
      if (run.recordingProblem) notes.line(`enroll-bench: ${run.recordingProblem}`);
      progress.run(run);
    },
  };
  const started = Date.now();
  // One bench per data folder and per device (issue 19): a second `run` is refused here, naming the first.
  const safety = startBenchSafety({
    dataDir: defaultDataDir(io.env),
    command: 'enroll-bench run',
    simulated: flags.simulate === true,
    ...(io.env.ENROLL_BENCH_RUNTIME_DIR ? { runtimeDir: io.env.ENROLL_BENCH_RUNTIME_DIR } : {}),
  });
  // After the lock: a refused run leaves no recording folder behind.
  const hooks = await startRecordReplay(recordFlags, {
    recordedBy: 'run',
    appVersion: APP_VERSION,
    dataDir: defaultDataDir(io.env),
    ...(cfgutilPath === undefined ? {} : { cfgutilPath }),
    warn: (text) => notes.line(`enroll-bench: ${text}`),
  }).catch((error: unknown) => {
    safety.release();
    throw error;
  });
  const start = io.startSession ?? startRunSession;
  const session = await start({
    deviceLocks: safety.deviceLocks,
    dataDir: defaultDataDir(io.env),
    workflow,
    ...(flags.profile ? { profileFile: flags.profile } : {}),
    ...(flags.simulate
      ? { simulate: { cart, timeScale, ...(scenario ? { world: scenario } : {}) } }
      : { cfgutilPath: hooks.cfgutilPath ?? (cfgutilPath as string) }),
    ...(concurrency !== undefined ? { concurrency } : {}),
    events,
    note: (text) => notes.line(`enroll-bench: ${text}`),
  }).catch(async (error: unknown) => {
    safety.release();
    await hooks.stop();
    notes.flush();
    throw error;
  });
  current.session = session;
  cap.see(session.board.runStatus());
  const deviceTypes = new Map<string, string | undefined>();
  let jobs: JobView[] = [];
  let ended: IdleEnd = 'stopped';
  let recordingProblem: string | undefined;
  try {
    const stop = io.interrupted ?? ctrlC();
    if (flags['until-idle'])
      ended = await untilIdle(session.board, changes, IDLE_QUIET_MS * session.timeScale, stop);
    else await stop;
    // Taken before closing: a job still under way is reported as interrupted (and journaled so by close).
    jobs = session.board.views();
    const status = session.board.runStatus();
    cap.see(status);
    recordingProblem = status.recordingProblem;
    for (const job of jobs) deviceTypes.set(job.ecid, session.board.deviceTypeOf(job.ecid));
  } finally {
    closing = true;
    await session.close();
    safety.release();
    await hooks.stop();
    notes.flush();
    progress.end();
  }
  const capReport = cap.report();
  const report = { ...runReport(jobs, deviceTypes), ...(capReport ? { cap: capReport } : {}) };
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.err(`enroll-bench: ${report.counts.succeeded} of ${jobs.length} succeeded in ${seconds} s.`);
  const stillInterrupted = report.devices.filter(
    (d) => d.outcome === 'interrupted' && interruptedAtStart.has(d.ecid),
  );
  if (!flags.resume && stillInterrupted.length > 0) {
    const n = stillInterrupted.length;
    io.err(
      `enroll-bench: ${n} job${n === 1 ? ' was' : 's were'} interrupted before this run (a crash or a restart). To continue ${n === 1 ? 'it' : 'them'} at ${n === 1 ? 'its' : 'their'} step: ${resumeCommand(argv)}`,
    );
  }
  if (flags.json)
    io.out(JSON.stringify(recordingProblem ? { ...report, stopped: recordingProblem } : report));
  if (jobs.length === 0) io.err('enroll-bench: no device was attached.');
  if (ended === 'cannot-record' || recordingProblem !== undefined) {
    // The board's sentence says work resumes by itself; this run is ending, so say what to do instead.
    const why = (recordingProblem ?? 'the journal cannot be written.')
      .replace(/^Jobs are paused: /, '')
      .replace(/; work resumes by itself once the journal can be written\.$/, '.');
    io.err(`enroll-bench: the run stopped: ${why} Then continue with: ${resumeCommand(argv)}`);
    return EXIT.cannotRun;
  }
  return runExitCode(report);
}

/** The command line that continues this run's interrupted jobs, quoted for a POSIX shell where needed. */
export function resumeCommand(argv: readonly string[]): string {
  const quote = (word: string) =>
    /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
  const words = argv.filter((a) => a !== '--resume');
  return ['enroll-bench', 'run', ...words, '--resume'].map(quote).join(' ');
}
