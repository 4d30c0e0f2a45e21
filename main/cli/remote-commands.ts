/**
 * `enroll-bench status | jobs ACTION TARGET | arm | disarm | log tail`: steer the bench that is running on this
 * data folder (the app or `serve`) through its control socket (main/control/), with the same channels and
 * rules as its window. With no bench running they say so and exit 4.
 */
import type { BenchEvent } from '../../preload/contract';
import type { BenchSnapshot, Result } from '../../preload/domain';
import type { JobAction, JobView, RunStatus } from '../../preload/jobs-domain';
import { attentionSummary, describeCart } from '../attention/attention-rules';
import { defaultDataDir } from '../storage/data-dir';
import { connectControl, NoBenchRunning, type ControlClient } from '../control/control-client';
import { controlSocketPath } from '../control/control-socket-path';
import { BenchCannotRun } from './cannot-run';
import { flagSpec } from './command-table';
import { EXIT } from './exit-codes';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stateLine, summaryLine } from './run-progress';
import { whyNot } from './run-report';
import { stderrLine, stdoutLine } from './terminal-output';

export interface RemoteIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Resolves when the operator stops a --watch or a tail (Ctrl-C); tests pass a promise they control. */
  readonly stop?: Promise<void>;
}

const defaultIo: RemoteIo = { out: stdoutLine, err: stderrLine, env: process.env };

async function connect(io: RemoteIo): Promise<ControlClient> {
  const dataDir = defaultDataDir(io.env);
  try {
    return await connectControl(controlSocketPath(dataDir), dataDir);
  } catch (error) {
    if (error instanceof NoBenchRunning) throw new BenchCannotRun(error.message);
    throw error;
  }
}

function ctrlC(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** A refused request in words, and the value when it was not. */
function valueOf<T>(result: Result<T>, io: RemoteIo, what: string): { value: T } | undefined {
  if (result.ok) return { value: result.value };
  io.err(`enroll-bench: ${what}: ${result.error.title}. ${result.error.detail}`);
  return undefined;
}

async function snapshot(client: ControlClient, io: RemoteIo): Promise<BenchSnapshot | undefined> {
  return valueOf(await client.invoke<BenchSnapshot>('getSnapshot'), io, 'the bench did not answer')?.value;
}

const FINAL: ReadonlySet<JobView['phase']> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
]);

/** One device for `status --json`: its job and why it is not done, in the run report's words. */
function deviceStatus(job: JobView, snap: BenchSnapshot) {
  const device = snap.devices.find((d) => d.ecid === job.ecid);
  // A live bench: only an ended job or one waiting for a person has a reason (running is not "interrupted").
  const settled = job.phase === 'waiting-for-operator' || FINAL.has(job.phase);
  const why = settled ? whyNot(job) : undefined;
  return {
    ecid: job.ecid,
    serial: job.serialNumber ?? device?.serialNumber ?? null,
    name: device?.name ?? null,
    model: device?.model ?? null,
    port: device?.portLabel ?? null,
    phase: job.phase,
    step: job.step ?? null,
    progress: job.progress,
    ...(why ?? {}),
  };
}

function statusText(snap: BenchSnapshot): string[] {
  const run = snap.jobs.run;
  const lines = [
    `${run.armed ? 'Armed' : 'Not armed'}${run.paused ? ', paused' : ''} · workflow ${run.workflowId} · ${summaryLine(run)}`,
  ];
  if (run.recordingProblem) lines.push(run.recordingProblem);
  for (const job of snap.jobs.jobs) lines.push(`  ${stateLine(job)}`);
  const withoutJob = snap.devices.filter((d) => !snap.jobs.jobs.some((j) => j.ecid === d.ecid));
  for (const device of withoutJob)
    lines.push(`  ${device.serialNumber ?? device.ecid} ${device.mode} (no job)`);
  if (snap.jobs.jobs.length === 0 && withoutJob.length === 0) lines.push('  No device is attached.');
  return lines;
}

export async function runStatusCommand(argv: readonly string[], io: RemoteIo = defaultIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('status'));
  if (positional.length > 0) throw new UsageError(`status takes no arguments (got "${positional[0]}")`);
  const client = await connect(io);
  try {
    const snap = await snapshot(client, io);
    if (!snap) return EXIT.failed;
    if (flags.json)
      io.out(
        JSON.stringify({
          run: snap.jobs.run,
          devices: snap.jobs.jobs.map((j) => deviceStatus(j, snap)),
          attention: attentionSummary(snap.jobs.jobs),
        }),
      );
    else for (const line of statusText(snap)) io.out(line);
    if (!flags.watch) return EXIT.ok;
    return await follow(client, io, Boolean(flags.json), snap);
  } finally {
    client.close();
  }
}

/**
 * Prints one line per state change (or one JSON event per line) until Ctrl-C or the bench stops. When what
 * needs the operator changes (devices that need you, a cart that has finished: main/attention/), `status
 * --watch` (which passes its snapshot) prints one more line: `{"attention": {...}}` in JSON, words otherwise.
 */
async function follow(
  client: ControlClient,
  io: RemoteIo,
  json: boolean,
  snap?: BenchSnapshot,
): Promise<number> {
  const last = new Map<string, string>();
  let lastRun = '';
  const afterSeq = snap?.seq ?? 0;
  const jobs = new Map(snap?.jobs.jobs.map((job) => [job.ecid, job]));
  let attention = JSON.stringify(attentionSummary([...jobs.values()]));
  const tellAttention = () => {
    if (!snap) return;
    const now = attentionSummary([...jobs.values()]);
    const text = JSON.stringify(now);
    if (text === attention) return;
    attention = text;
    if (json) io.out(JSON.stringify({ attention: now }));
    else if (now.cartFinished) {
      const cart = describeCart(now.cartFinished);
      io.out(`[${new Date().toISOString()}] ${cart.title}: ${cart.body}`);
    } else io.out(`[${new Date().toISOString()}] ${needYou(now.needsYou)}`);
  };
  client.subscribe((event: BenchEvent) => {
    if (event.payload.seq <= afterSeq) return;
    if (event.channel === 'jobChanged') jobs.set(event.payload.job.ecid, event.payload.job);
    else if (event.channel === 'jobRemoved') jobs.delete(event.payload.ecid);
    if (json) {
      if (event.channel === 'jobChanged' || event.channel === 'runChanged' || event.channel === 'jobRemoved')
        io.out(JSON.stringify(event));
      tellAttention();
      return;
    }
    if (event.channel === 'jobChanged') {
      const line = stateLine(event.payload.job);
      if (last.get(event.payload.job.ecid) === line) return;
      last.set(event.payload.job.ecid, line);
      io.out(`[${new Date().toISOString()}] ${line}`);
    } else if (event.channel === 'runChanged') {
      const line = runLine(event.payload.run);
      if (line !== lastRun) io.out(`[${new Date().toISOString()}] ${line}`);
      lastRun = line;
    } else if (event.channel === 'jobRemoved') {
      io.out(`[${new Date().toISOString()}] ${event.payload.ecid} unplugged`);
    }
    tellAttention();
  });
  const stop = io.stop ?? ctrlC();
  const ended = await Promise.race([
    stop.then(() => 'stopped' as const),
    client.closed.then(() => 'gone' as const),
  ]);
  if (ended === 'gone') {
    io.err('enroll-bench: the bench stopped.');
    return EXIT.cannotRun;
  }
  return EXIT.ok;
}

const needYou = (count: number) =>
  count === 0 ? 'No device needs you' : count === 1 ? '1 device needs you' : `${count} devices need you`;

function runLine(run: RunStatus): string {
  return `${run.armed ? 'armed' : 'not armed'}${run.paused ? ', paused' : ''}${run.recordingProblem ? `: ${run.recordingProblem}` : ''}`;
}

const actions: Readonly<Record<string, JobAction>> = {
  retry: 'retry',
  cancel: 'cancel',
  skip: 'skip',
  start: 'start-now',
  continue: 'continue',
};

/** The jobs a target names: an ECID or a serial number (either case), or every failed or waiting job. */
export function selectJobs(
  jobs: readonly JobView[],
  target: { readonly id?: string; readonly allFailed?: boolean; readonly allWaiting?: boolean },
): JobView[] {
  if (target.allFailed || target.allWaiting) {
    return jobs.filter(
      (j) =>
        (target.allFailed && (j.phase === 'failed' || j.phase === 'interrupted')) ||
        (target.allWaiting && j.phase === 'waiting-for-operator'),
    );
  }
  const id = target.id?.toUpperCase();
  return jobs.filter((j) => j.ecid.toUpperCase() === id || j.serialNumber?.toUpperCase() === id);
}

/** What one device's action came to, for `jobs … --json` (and the exit code: 1 if any was refused). */
export interface JobActionOutcome {
  /** What the operator named it by (the ECID for --all-failed / --all-waiting). */
  readonly id: string;
  readonly ecid: string | null;
  readonly serial: string | null;
  readonly outcome: 'done' | 'refused';
  readonly ok: boolean;
  /** Done: the job's phase after the action. */
  readonly phase?: string;
  /** Refused: why, in the card's words (title, then what to do). */
  readonly reason?: string;
  /** Refused: the detail alone (kept for scripts written before `reason`). */
  readonly error?: string;
}

export interface JobTarget {
  readonly id: string;
  readonly job: JobView;
}

/**
 * The jobs several ECIDs or serials name, each device once, in the order given; the names that match no job
 * apart (each is reported as refused, the others still act).
 */
export function planJobTargets(
  jobs: readonly JobView[],
  ids: readonly string[],
): { targets: JobTarget[]; unknown: string[] } {
  const targets: JobTarget[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const found = selectJobs(jobs, { id });
    if (found.length === 0) unknown.push(id);
    for (const job of found) if (!targets.some((t) => t.job.ecid === job.ecid)) targets.push({ id, job });
  }
  return { targets, unknown };
}

/**
 * One action on each target through `invoke` (the `jobAction` channel: the bench checks each against the
 * card's rules and refuses what the card would not offer), one device at a time, in order.
 */
export async function actOnJobs(
  targets: readonly JobTarget[],
  unknown: readonly string[],
  invoke: (job: JobView) => Promise<Result<JobView>>,
): Promise<JobActionOutcome[]> {
  const outcomes: JobActionOutcome[] = [];
  for (const { id, job } of targets) {
    const result = await invoke(job);
    const who = { id, ecid: job.ecid, serial: job.serialNumber ?? null };
    outcomes.push(
      result.ok
        ? { ...who, outcome: 'done', ok: true, phase: result.value.phase }
        : {
            ...who,
            outcome: 'refused',
            ok: false,
            reason: `${result.error.title}. ${result.error.detail}`,
            error: result.error.detail,
          },
    );
  }
  for (const id of unknown)
    outcomes.push({
      id,
      ecid: null,
      serial: null,
      outcome: 'refused',
      ok: false,
      reason: `The bench has no job for "${id}". enroll-bench status lists them.`,
      error: 'enroll-bench status lists them.',
    });
  return outcomes;
}

export async function runJobsCommand(argv: readonly string[], io: RemoteIo = defaultIo): Promise<number> {
  const [verb, ...rest] = argv;
  const action = verb === undefined ? undefined : actions[verb];
  if (!action)
    throw new UsageError(
      'jobs takes retry, cancel, skip, start or continue, then ECID|SERIAL…|--all-failed|--all-waiting',
    );
  const { flags, positional } = parseFlags(rest, flagSpec('jobs', verb));
  if (flags['all-in-use']) {
    if (positional.length > 0 || flags['all-failed'] || flags['all-waiting'])
      throw new UsageError('jobs start --all-in-use takes no ECID, serial or other --all flag');
    return eraseAllInUse(Boolean(flags.json), io);
  }
  const every = Boolean(flags['all-failed']) || Boolean(flags['all-waiting']);
  if (every === positional.length > 0)
    throw new UsageError(
      `jobs ${verb} takes one or more ECIDs or serial numbers, or --all-failed / --all-waiting`,
    );
  const client = await connect(io);
  try {
    const snap = await snapshot(client, io);
    if (!snap) return EXIT.failed;
    const plan = every
      ? {
          targets: selectJobs(snap.jobs.jobs, {
            allFailed: Boolean(flags['all-failed']),
            allWaiting: Boolean(flags['all-waiting']),
          }).map((job) => ({ id: job.ecid, job })),
          unknown: [],
        }
      : planJobTargets(snap.jobs.jobs, positional);
    if (every && plan.targets.length === 0) {
      io.err(
        `enroll-bench: no job is ${flags['all-failed'] ? 'failed or interrupted' : 'waiting for a person'}; nothing to ${verb}.`,
      );
      return EXIT.ok;
    }
    const outcomes = await actOnJobs(plan.targets, plan.unknown, (job) => {
      // continue answers the wait the status showed: the bench refuses it if the card has changed since.
      const answers = action === 'continue' ? job.waiting?.reason : undefined;
      // seen: the phase the status showed; the bench refuses the action if the job has moved on since.
      return client.invoke<JobView>('jobAction', {
        ecid: job.ecid,
        action,
        seen: job.phase,
        ...(answers ? { answers } : {}),
      });
    });
    if (flags.json) io.out(JSON.stringify({ action: verb, results: outcomes }));
    else
      for (const o of outcomes) {
        const who = o.serial ?? o.ecid ?? o.id;
        if (o.ok) io.out(`${who}: ${verb} done, now ${o.phase}`);
        else io.err(`enroll-bench: ${who}: ${o.reason}`);
      }
    return outcomes.every((o) => o.ok) ? EXIT.ok : EXIT.failed;
  } finally {
    client.close();
  }
}

/** `jobs start --all-in-use`: the Erase answer for every device the bench holds as in use, in one call. */
async function eraseAllInUse(json: boolean, io: RemoteIo): Promise<number> {
  const client = await connect(io);
  try {
    const snap = await snapshot(client, io);
    if (!snap) return EXIT.failed;
    const held = snap.jobs.jobs.filter((j) => j.waiting?.reason === 'in-use');
    const result = valueOf(
      await client.invoke<number>('answerInUse'),
      io,
      'Erase of the in-use devices was refused',
    );
    if (!result) return EXIT.failed;
    const devices = held.map((j) => ({
      ecid: j.ecid,
      serial: j.serialNumber ?? null,
      name: j.deviceName ?? null,
    }));
    if (json) io.out(JSON.stringify({ action: 'start', allInUse: true, answered: result.value, devices }));
    else if (result.value === 0) io.out('No device is held as in use; nothing to erase.');
    else {
      for (const d of devices) io.out(`${d.serial ?? d.ecid}${d.name ? ` (${d.name})` : ''}: Erase given`);
      io.out(
        `Erase given to ${result.value} in-use device${result.value === 1 ? '' : 's'}; the guard still checks each.`,
      );
    }
    return EXIT.ok;
  } finally {
    client.close();
  }
}

export function runArmCommand(armed: boolean) {
  return async (argv: readonly string[], io: RemoteIo = defaultIo): Promise<number> => {
    const name = armed ? 'arm' : 'disarm';
    const { flags, positional } = parseFlags(argv, flagSpec(name));
    if (positional.length > 0) throw new UsageError(`${name} takes no arguments`);
    const client = await connect(io);
    try {
      const result = valueOf(
        await client.invoke<RunStatus>('setArmed', { armed }),
        io,
        `${name} was refused`,
      );
      if (!result) return EXIT.failed;
      if (flags.json) io.out(JSON.stringify(result.value));
      else
        io.out(
          armed
            ? `Armed: new devices start after the ${result.value.countdownSeconds} s countdown.`
            : 'Not armed: nothing starts by itself until armed again.',
        );
      return EXIT.ok;
    } finally {
      client.close();
    }
  };
}

/** `log tail`: the running bench's job changes as they happen, one line each, until Ctrl-C. */
export async function runLogTailCommand(argv: readonly string[], io: RemoteIo = defaultIo): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('log', 'tail'));
  if (positional.length > 0) throw new UsageError('log tail takes no arguments');
  const client = await connect(io);
  try {
    return await follow(client, io, Boolean(flags.json));
  } finally {
    client.close();
  }
}
