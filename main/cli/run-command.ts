/**
 * `enroll-bench run`: provision every attached device with one workflow, headless (issue 9 item 10).
 *
 *   enroll-bench run --workflow ID|FILE [--profile FILE] [--cfgutil PATH | --simulate [--cart N]
 *     [--scenario FILE] [--time-scale X]] [--concurrency N] [--until-idle] [--json]
 *
 * Progress on stderr, one line per step change; with --json one object on stdout at the end. Exit 0 only when
 * every job succeeded, 1 otherwise, 2 on a usage error.
 */
import { existsSync } from 'node:fs';
import type { JobView, RunStatus, Workflow } from '../../preload/jobs-domain';
import { defaultDataDir } from '../app/data-dir';
import { modelNameFor } from '../devices/device-models';
import { startRunSession, type RunSession } from '../jobs/headless/run-session';
import { noJobEvents, type JobEventSink } from '../jobs/job-board-types';
import { readWorkflowFile, workflowSource } from '../jobs/workflow-source';
import { WorkflowStore } from '../jobs/workflow/workflow-store';
import { startRecordReplay } from '../record/command-hooks';
import { takeRecordFlags } from '../record/record-flags';
import { loadScenario, scenarioWorldOptions } from '../sim/index';
import { parseFlags, UsageError } from './parse-flags';

const FLAGS = {
  workflow: 'string',
  profile: 'string',
  cfgutil: 'string',
  simulate: 'boolean',
  cart: 'string',
  scenario: 'string',
  'time-scale': 'string',
  concurrency: 'string',
  'until-idle': 'boolean',
  json: 'boolean',
} as const;

export interface RunCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** On a terminal: redraws one live summary line in place (absent when stderr is not a terminal). */
  readonly live?: (text: string) => void;
  /** Resolves when the operator stops the run (Ctrl-C); tests pass a promise they control. */
  readonly interrupted?: Promise<void>;
}

const defaultIo: RunCommandIo = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  env: process.env,
  ...(process.stderr.isTTY ? { live: (t: string) => void process.stderr.write(`\x1b[2K\r${t}`) } : {}),
};

function summaryLine(run: RunStatus): string {
  const c = run.counts;
  const eta = run.cartEtaMs === undefined ? '' : ` · about ${Math.ceil(run.cartEtaMs / 60_000)} min left`;
  return `${c.succeeded} done · ${c.running} running · ${c.waitingForOperator} waiting for you · ${c.failed} failed · ${c.queued} queued${eta}`;
}

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
      'run needs --workflow ID|FILE (supervise-and-enroll, enroll-in-place, or a .json file)',
    );
  const preset = workflowSource().get(text);
  if (preset) return preset;
  if (text.endsWith('.json') || existsSync(text)) return readWorkflowFile(text);
  // A workflow saved in the data folder (the editor's, or a file copied there).
  const saved = await WorkflowStore.inDataDir(dataDir).get(text);
  if (saved) return saved;
  throw new UsageError(
    `there is no workflow "${text}"; use supervise-and-enroll, enroll-in-place or a workflow file`,
  );
}

export type RunOutcome =
  'succeeded' | 'failed' | 'waiting-for-operator' | 'skipped' | 'cancelled' | 'interrupted';

function outcomeOf(job: JobView): RunOutcome {
  switch (job.phase) {
    case 'succeeded':
    case 'failed':
    case 'waiting-for-operator':
    case 'skipped':
    case 'cancelled':
    case 'interrupted':
      return job.phase;
    case 'countdown':
    case 'queued':
    case 'running':
    case 'waiting-for-reattach':
      return 'interrupted';
  }
}

/** The --json object (its shape is the issue's, field for field). */
export function runReport(jobs: readonly JobView[], deviceTypes: ReadonlyMap<string, string | undefined>) {
  const devices = jobs.map((job) => {
    const outcome = outcomeOf(job);
    const deviceType = deviceTypes.get(job.ecid);
    return {
      ecid: job.ecid,
      serial: job.serialNumber ?? null,
      model: (deviceType ? modelNameFor(deviceType) : undefined) ?? deviceType ?? null,
      outcome,
      errorCode: outcome === 'succeeded' ? null : (job.error?.code ?? null),
      steps: job.steps.map((s) => ({
        step: s.step,
        startedAt: s.startedAt,
        endedAt: s.endedAt ?? null,
        outcome: s.outcome ?? null,
      })),
    };
  });
  const counts: Record<RunOutcome, number> = {
    succeeded: 0,
    failed: 0,
    'waiting-for-operator': 0,
    skipped: 0,
    cancelled: 0,
    interrupted: 0,
  };
  for (const d of devices) counts[d.outcome] += 1;
  return { devices, counts };
}

function progressLines(err: (text: string) => void): JobEventSink {
  const last = new Map<string, string>();
  return {
    ...noJobEvents,
    jobChanged(job) {
      const who = job.serialNumber ?? job.ecid;
      const where = job.step
        ? ` ${job.stepIndex === undefined ? '' : `${job.stepIndex + 1}/${job.stepCount} `}${job.step}`
        : '';
      const extra = job.waiting
        ? `: ${job.waiting.instruction}`
        : job.error && job.phase === 'failed'
          ? `: ${job.error.title}`
          : '';
      const line = `${who} ${job.phase}${where}${extra}`;
      if (last.get(job.ecid) === line) return;
      last.set(job.ecid, line);
      err(`[${new Date().toISOString()}] ${line}`);
    },
  };
}

/** Resolves once the board is idle and nothing has changed for `quietMs`. */
async function untilIdle(
  session: RunSession,
  changes: { at: number },
  quietMs: number,
  stop: Promise<void>,
): Promise<void> {
  let stopped = false;
  void stop.then(() => (stopped = true));
  const tick = Math.max(20, Math.min(500, quietMs / 10));
  for (;;) {
    if (stopped) return;
    if (session.board.isIdle() && session.board.views().length > 0 && Date.now() - changes.at >= quietMs)
      return;
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
  const recordFlags = takeRecordFlags(argv);
  const { flags, positional } = parseFlags(recordFlags.rest, FLAGS);
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
  const concurrency = number(flags.concurrency, 'concurrency', 1, 64, true) ?? 8;
  const workflow = await chooseWorkflow(flags.workflow, defaultDataDir(io.env));
  const cfgutilPath = flags.cfgutil ?? io.env.ENROLL_BENCH_CFGUTIL;
  if (recordFlags.replay && (flags.simulate || flags.cfgutil))
    throw new UsageError('--replay answers as cfgutil: give it without --simulate or --cfgutil');
  if (!flags.simulate && !cfgutilPath && !recordFlags.replay)
    throw new UsageError('run needs --cfgutil PATH (or ENROLL_BENCH_CFGUTIL) or --simulate');

  const changes = { at: Date.now() };
  let summary = '';
  let note: string | undefined;
  // On a terminal the live line is cleared before each progress line and drawn again after it.
  const err = io.live
    ? (text: string) => {
        io.live?.('');
        io.err(text);
        io.live?.(summary);
      }
    : io.err;
  const lines = progressLines(err);
  const events: JobEventSink = {
    jobChanged: (job, immediate) => {
      if (immediate) changes.at = Date.now();
      lines.jobChanged(job, immediate);
    },
    jobRemoved: () => void (changes.at = Date.now()),
    factsChanged: () => {},
    runChanged: (run) => {
      if (run.concurrencyNote && run.concurrencyNote !== note) err(`enroll-bench: ${run.concurrencyNote}`);
      note = run.concurrencyNote;
      summary = summaryLine(run);
      io.live?.(summary);
    },
  };
  const started = Date.now();
  const hooks = await startRecordReplay(recordFlags, {
    recordedBy: 'run',
    dataDir: defaultDataDir(io.env),
    ...(cfgutilPath === undefined ? {} : { cfgutilPath }),
    warn: (text) => err(`enroll-bench: ${text}`),
  });
  const session = await startRunSession({
    dataDir: defaultDataDir(io.env),
    workflow,
    ...(flags.profile ? { profileFile: flags.profile } : {}),
    ...(flags.simulate
      ? { simulate: { cart, timeScale, ...(scenario ? { world: scenario } : {}) } }
      : { cfgutilPath: hooks.cfgutilPath ?? (cfgutilPath as string) }),
    concurrency,
    events,
    note: (text) => err(`enroll-bench: ${text}`),
  }).catch(async (error: unknown) => {
    await hooks.stop();
    throw error;
  });
  const deviceTypes = new Map<string, string | undefined>();
  let jobs: JobView[] = [];
  try {
    const stop = io.interrupted ?? ctrlC();
    if (flags['until-idle']) await untilIdle(session, changes, IDLE_QUIET_MS * session.timeScale, stop);
    else await stop;
    // Taken before closing: a job still under way is reported as interrupted (and journaled so by close).
    jobs = session.board.views();
    for (const job of jobs) deviceTypes.set(job.ecid, session.board.deviceTypeOf(job.ecid));
  } finally {
    await session.close();
    await hooks.stop();
    io.live?.('');
  }
  const report = runReport(jobs, deviceTypes);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.err(`enroll-bench: ${report.counts.succeeded} of ${jobs.length} succeeded in ${seconds} s.`);
  if (flags.json) io.out(JSON.stringify(report));
  if (jobs.length === 0) {
    io.err('enroll-bench: no device was attached.');
    return 1;
  }
  return report.counts.succeeded === jobs.length ? 0 : 1;
}
