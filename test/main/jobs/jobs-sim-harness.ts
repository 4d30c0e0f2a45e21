/**
 * A job board on the real simulated cfgutil: world, generated executable, spawn, parse, laned client, then the
 * pipeline every entry point composes (main/app/compose-provisioning.ts: device intake, board). Every cfgutil run is recorded with its start and end so a test can prove that no two
 * commands ever overlapped on one ECID.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { ErrorCode } from '../../../preload/domain';
import type { JobView, Workflow } from '../../../preload/jobs-domain';
import { createCfgutilClient, type SupervisionIdentity } from '../../../main/cfgutil/cfgutil-client';
import { sameEcid } from '../../../main/cfgutil/ecid';
import { interpretRun } from '../../../main/cfgutil/interpret-run';
import { runCfgutil, type CfgutilRun } from '../../../main/cfgutil/run-cfgutil';
import { BenchError } from '../../../main/errors/bench-error';
import { composeProvisioning } from '../../../main/app/compose-provisioning';
import type { RunningEngine } from '../../../main/engine/engine';
import { simulatorSignalSource } from '../../../main/engine/simulator-engine';
import { withDeviceLanes } from '../../../main/devices/device-lanes';
import { writeDemoProfile } from '../../../main/jobs/demo-profile';
import type { JobBoard } from '../../../main/jobs/job-board';
import type { JobSettings, ProfileSource } from '../../../main/jobs/job-board-types';
import type { EnrollmentProfile } from '../../../main/jobs/job-context';
import { memoryJournal, type JournalHistory, type JournalSink } from '../../../main/journal/job-journal';
import type { JobTimings } from '../../../main/jobs/job-timings';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../../../main/sim/index';
import type { SafetyOptions } from '../../../main/jobs/safety/safety-source';
import type { BeforeInstall } from '../../../main/intune/enrollment/install-gate';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export const ORG = 'Contoso Schools';

export interface RunInterval {
  readonly ecid: string | undefined;
  readonly command: string;
  /** What followed the command on its command line (a `get`'s properties, for instance). */
  readonly args: readonly string[];
  /** The whole command line, global options (`-C/-K`) included. */
  readonly argv: readonly string[];
  /** The run's exit code (a refused command exits 1). */
  readonly exitCode: number | null;
  /** The error the client reads in the run, if any (`device-busy` for a refused command). */
  readonly errorCode?: ErrorCode;
  readonly start: number;
  readonly end: number;
}

export interface JobsBench {
  readonly handle: SimWorldHandle;
  readonly board: JobBoard;
  readonly runs: RunInterval[];
  readonly identity: SupervisionIdentity & { readonly certBytes: Buffer };
  readonly profile: EnrollmentProfile;
  readonly journal: JournalSink & { readonly entries: unknown[] };
  readonly dir: string;
  /** Starts a second board on the same world (a restart of the app), with the given journal history. */
  restart(history: JournalHistory, overrides?: BoardOverrides): Promise<JobBoard>;
  /** Starts another board on the same world beside this one (a second bench on the same Mac). */
  another(safety?: SafetyOptions): Promise<JobBoard>;
}

/** What a restart may change: the settings (as the board takes them), the profile and the guard's options. */
export interface BoardOverrides {
  readonly settings?: Partial<JobSettings>;
  readonly profile?: ProfileSource;
  readonly safety?: SafetyOptions;
  readonly enrollment?: BoardEnrollment;
}

/** What the Intune area gives the composition (main/intune/enrollment/bench-enrollment.ts). */
export interface BoardEnrollment {
  readonly beforeInstall?: BeforeInstall;
  readonly jobEnded?: (job: JobView) => void;
}

export interface JobsBenchOptions {
  readonly world?: StartOptions;
  readonly settings?: Partial<JobSettings>;
  readonly history?: JournalHistory;
  readonly workflowId?: string;
  readonly journal?: JournalSink & { readonly entries: unknown[] };
  readonly scale?: number;
  readonly workflows?: readonly Workflow[];
  readonly timings?: Partial<JobTimings>;
  /** The change guard's options for the first board (device locks, the in-use answer). */
  readonly safety?: SafetyOptions;
  /** Issue 25: the composition's Intune hooks for the first board (before each install; each job's end). */
  readonly enrollment?: BoardEnrollment;
}

export async function jobsBench(options: JobsBenchOptions = {}): Promise<JobsBench> {
  const scale = options.scale ?? 0.004;
  const handle = await startSimulatedWorld({ timeScale: scale, seed: 3, ...options.world });
  cleanups.push(() => handle.close());
  const dir = await mkdtemp(join(tmpdir(), 'jobs-bench-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const certBytes = Buffer.from('0\u0082certificate-ours');
  const certPath = join(dir, 'ours.der');
  const keyPath = join(dir, 'ours.key.der');
  await writeFile(certPath, certBytes);
  await writeFile(keyPath, Buffer.from('0\u0082key-ours'));
  const identity = { certPath, keyPath, certBytes };
  const profile = await writeDemoProfile(dir);
  const runs: RunInterval[] = [];
  const client = withDeviceLanes(
    createCfgutilClient({
      cfgutilPath: handle.cfgutilPath,
      runner: async (path, args, opts) => {
        const start = performance.now();
        const run: CfgutilRun = await runCfgutil(path, args, opts);
        const e = args.indexOf('-e');
        const at = args.indexOf('JSON') + 1;
        runs.push({
          ecid: e >= 0 ? args[e + 1] : undefined,
          command: args[at] ?? '?',
          args: args.slice(at + 1),
          argv: [...args],
          exitCode: run.exitCode,
          ...errorOf(run, e >= 0 ? args[e + 1] : undefined),
          start,
          end: performance.now(),
        });
        return run;
      },
    }),
  );
  const engine: RunningEngine = {
    lister: client,
    client,
    source: simulatorSignalSource(handle.world),
    close: async () => {},
  };
  const make = async (
    history: JournalHistory | undefined,
    journal: JournalSink,
    overrides: BoardOverrides = {},
  ) => {
    const s = { ...options.settings, ...overrides.settings };
    const provisioning = await composeProvisioning({
      dataDir: dir,
      settings: {
        defaultWorkflowId: s.workflowId ?? options.workflowId ?? 'supervise-and-enroll',
        concurrency: s.concurrency ?? 8,
        countdownSeconds: s.countdownSeconds ?? 5,
        ignore: { serials: s.ignoreSerials ?? [], ecids: s.ignoreEcids ?? [] },
        stationName: s.stationName ?? 'test-bench',
      },
      run: { armed: s.armed ?? true },
      workflows: workflowSource(options.workflows),
      supervision: { current: () => ({ identity, organizationName: ORG }) },
      profile: overrides.profile ?? { current: () => profile },
      timeScale: scale,
      ...(overrides.safety ? { safety: overrides.safety } : {}),
      ...(overrides.enrollment?.beforeInstall ? { beforeInstall: overrides.enrollment.beforeInstall } : {}),
      journal: { sink: journal, ...(history ? { history } : {}) },
      tuning: {
        debounceMs: 10,
        pollMs: 200,
        countdownMs: s.countdownMs ?? 5,
        ...(options.timings ? { timings: options.timings } : {}),
      },
    });
    const jobEnded = overrides.enrollment?.jobEnded;
    if (jobEnded) provisioning.onJobEnded(jobEnded);
    provisioning.intake.attach(engine);
    const stop = async () => {
      await provisioning.close();
      provisioning.intake.detach();
    };
    cleanups.push(stop);
    return { board: provisioning.board, stop };
  };
  const journal = options.journal ?? memoryJournal();
  let current = await make(options.history, journal, {
    ...(options.safety ? { safety: options.safety } : {}),
    ...(options.enrollment ? { enrollment: options.enrollment } : {}),
  });
  return {
    handle,
    get board() {
      return current.board;
    },
    runs,
    identity,
    profile,
    journal,
    dir,
    async restart(history, overrides) {
      await current.stop();
      current = await make(history, memoryJournal(), overrides);
      return current.board;
    },
    async another(safety) {
      return (await make(undefined, memoryJournal(), safety ? { safety } : {})).board;
    },
  };
}

/** The code the client would throw for a run, the way it reads the run. */
function errorOf(run: CfgutilRun, ecid: string | undefined): { errorCode?: ErrorCode } {
  try {
    interpretRun(run, ecid === undefined ? {} : { ecid });
    return {};
  } catch (error) {
    return error instanceof BenchError ? { errorCode: error.info.code } : {};
  }
}

/** Polls (real time) until `check` holds; fails with what the jobs show. */
export async function until(
  bench: { board: JobBoard },
  check: (jobs: JobView[]) => boolean,
  limitMs = 15_000,
): Promise<JobView[]> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const jobs = bench.board.views();
    if (check(jobs)) return jobs;
    if (Date.now() > deadline) {
      throw new Error(
        `not reached in time: ${JSON.stringify(jobs.map((j) => ({ phase: j.phase, step: j.step, waiting: j.waiting?.reason, error: j.error?.code, detail: j.error?.detail, skip: j.skipReason })))}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export const phaseOf = (jobs: readonly JobView[], ecid: string) => jobOf(jobs, ecid)?.phase;
/** The job of a device, its ECID compared by value (the world prints it zero-padded as cfgutil does). */
export const jobOf = (jobs: readonly JobView[], ecid: string) => jobs.find((j) => sameEcid(j.ecid, ecid));

/** Fails when two cfgutil runs on one ECID overlapped in time. */
export function expectNoOverlap(runs: readonly RunInterval[]): void {
  const byEcid = new Map<string, RunInterval[]>();
  for (const run of runs) if (run.ecid) byEcid.set(run.ecid, [...(byEcid.get(run.ecid) ?? []), run]);
  const overlaps: string[] = [];
  for (const [ecid, list] of byEcid) {
    const sorted = [...list].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1) {
      const prev = sorted[i - 1];
      const next = sorted[i];
      if (prev && next && next.start < prev.end)
        overlaps.push(`${ecid}: ${prev.command} and ${next.command}`);
    }
  }
  expect(overlaps).toEqual([]);
}
