/**
 * The one assembly of the provisioning pipeline: engine + data folder + settings → device intake (watcher,
 * device feed, serial reads), job board, journal. The Electron app and `serve` (./create-bench.ts), `run`
 * (main/app/run-session.ts) and the benchmarks' cart all call this function, so the operator's
 * settings (ignore list, station name, heavy-step cap, countdown, default workflow) reach every entry point
 * the same way, and a benchmark measures the route the app takes. The data folder's name book (rename
 * counters and names given, main/jobs/workflow/name-book.ts) is loaded here too, so no entry point can run
 * a cart whose names repeat those of an earlier run. A test fails if anything else builds a
 * JobBoard (test/main/app/compose-provisioning.test.ts).
 */
import path from 'node:path';
import type { Clock } from '../async/clock';
import { JobBoard } from '../jobs/job-board';
import type {
  ClientSource,
  JobEventSink,
  JobSettings,
  ProfileSource,
  SupervisionSource,
  WorkflowSource,
} from '../jobs/job-board-types';
import { openJournal, readJournal, type JournalHistory, type JournalSink } from '../journal/job-journal';
import { scaledTimings, type JobTimings } from '../jobs/job-timings';
import { loadNameBook } from '../jobs/workflow/name-book';
import type { BenchSettings } from '../settings/bench-settings';
import type { JobView } from '../../preload/jobs-domain';
import type { EnrollmentProfile } from '../jobs/job-context';
import type { SafetyOptions } from '../jobs/safety/safety-source';
import { APP_VERSION } from './app-version';
import { DeviceIntake, type DeviceOutput } from './device-intake';

/** The settings the pipeline follows: the data folder's settings.json with every default applied. */
export type ProvisioningSettings = Pick<
  BenchSettings,
  'concurrency' | 'countdownSeconds' | 'stationName' | 'ignore' | 'defaultWorkflowId'
>;

/** Choices an entry point makes for this run only, over the settings (`run --workflow`, `--concurrency`). */
export interface RunChoices {
  readonly workflowId?: string;
  readonly concurrency?: number;
  /** Jobs start on their own after the countdown (`run`, the benchmarks); the app starts disarmed. */
  readonly armed?: boolean;
}

/** Knobs for tests and benchmarks that drive a simulated world faster than the app would. */
export interface ProvisioningTuning {
  readonly timings?: Partial<JobTimings>;
  readonly clock?: Clock;
  readonly timers?: Clock;
  readonly debounceMs?: number;
  readonly pollMs?: number;
  /** The countdown in clock milliseconds, instead of the settings' seconds (scaled). */
  readonly countdownMs?: number;
}

export interface ProvisioningOptions {
  /** The data folder: its journal is read (what is done already) and appended to; extra profiles live there. */
  readonly dataDir: string;
  readonly settings: ProvisioningSettings;
  readonly workflows: WorkflowSource;
  readonly supervision: SupervisionSource;
  readonly profile: ProfileSource;
  /** The simulated clock's scale (1 on a real bench): timings, the countdown and the watcher follow it. */
  readonly timeScale?: number;
  readonly run?: RunChoices;
  /** Where job changes go (the hub's forwarder in the app, progress lines in `run`). */
  readonly events?: JobEventSink & { flush?(): void };
  /** Where the device list and watcher health go. */
  readonly devices?: DeviceOutput;
  /** A journal the caller holds (a test's in-memory one; the caller closes it), with the history to admit against. */
  readonly journal?: { readonly sink: JournalSink; readonly history?: JournalHistory };
  readonly tuning?: ProvisioningTuning;
  /** Issue 19: this Mac's per-device locks and the in-use answer for scripted carts (../jobs/safety/). */
  readonly safety?: SafetyOptions;
  /**
   * Issue 25: runs before each enrollment-profile install (an ACME serial pushed to Intune first). Joined to
   * the profile source here, so the job context (../jobs/job-context-factory.ts) carries it on every entry point.
   */
  readonly beforeInstall?: EnrollmentProfile['beforeInstall'];
  readonly log?: (message: string, detail?: unknown) => void;
}

export interface Provisioning {
  readonly intake: DeviceIntake;
  readonly board: JobBoard;
  readonly journal: JournalSink;
  /** The running engine's laned cfgutil client, as the board sees it. */
  readonly client: ClientSource;
  /**
   * Calls `listener` with the ended job each time a job's end (its bench-log record) is handed to the journal;
   * returns the stop. This, not the UI hub, is how an area learns that a job ended.
   */
  onJobEnded(listener: (job: JobView) => void): () => void;
  /** A settings save, applied to the running board (the default workflow waits for the next start). */
  applySettings(settings: ProvisioningSettings): void;
  /** Stops the board (jobs under way are journaled as interrupted) and closes the journal; not the engine. */
  close(): Promise<void>;
}

/** The board's settings: the operator's, then this run's choices; the countdown in (scaled) clock time. */
export function boardSettings(settings: ProvisioningSettings, run: RunChoices, scale: number): JobSettings {
  return {
    workflowId: run.workflowId ?? settings.defaultWorkflowId,
    concurrency: run.concurrency ?? settings.concurrency,
    countdownSeconds: settings.countdownSeconds,
    countdownMs: settings.countdownSeconds * 1000 * scale,
    ignoreSerials: settings.ignore.serials,
    ignoreEcids: settings.ignore.ecids,
    stationName: settings.stationName,
    ...(run.armed !== undefined ? { armed: run.armed } : {}),
  };
}

export async function composeProvisioning(options: ProvisioningOptions): Promise<Provisioning> {
  const scale = options.timeScale ?? 1;
  const tuning = options.tuning ?? {};
  const intake = new DeviceIntake({
    timeScale: scale,
    ...(options.devices ? { output: options.devices } : {}),
    ...(tuning.timers ? { timers: tuning.timers } : {}),
    ...(tuning.debounceMs !== undefined ? { debounceMs: tuning.debounceMs } : {}),
    ...(tuning.pollMs !== undefined ? { pollMs: tuning.pollMs } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const client: ClientSource = { current: () => intake.engine()?.client };
  const history = options.journal ? options.journal.history : await readJournal(options.dataDir);
  const journal =
    options.journal?.sink ??
    (await openJournal(options.dataDir, (error) => options.log?.('journal write failed', error)));
  const run = options.run ?? {};
  // Rename counters and names given, from the data folder: names never repeat across runs (issue 21).
  const names = await loadNameBook(options.dataDir);
  for (const warning of names.warnings) options.log?.(`names: ${warning}`);
  const endings = new Set<(job: JobView) => void>();
  const { beforeInstall } = options;
  const profile: ProfileSource = beforeInstall
    ? {
        current: () => {
          const current = options.profile.current();
          return current ? { ...current, beforeInstall } : undefined;
        },
      }
    : options.profile;
  const board = new JobBoard({
    appVersion: APP_VERSION,
    names: names.book,
    workflows: options.workflows,
    devices: intake.feed,
    client,
    settings: {
      ...boardSettings(options.settings, run, scale),
      ...(tuning.countdownMs !== undefined ? { countdownMs: tuning.countdownMs } : {}),
    },
    supervision: options.supervision,
    profile,
    journal,
    ...(history ? { history } : {}),
    timings: { ...scaledTimings(scale), ...tuning.timings },
    timeScale: scale,
    ...(tuning.clock ? { clock: tuning.clock } : {}),
    ...(options.events ? { events: options.events } : {}),
    extraProfilesDir: path.join(options.dataDir, 'profiles', 'extra'),
    ...options.safety,
    ...(options.log ? { log: options.log } : {}),
    // The board's arrival read is the one read of a device's serial number; the device list takes it from there.
    serialRead: (ecid, serial) => intake.setSerialNumber(ecid, serial),
    jobEnded: (job) => {
      for (const listener of [...endings]) listener(job);
    },
  });
  board.start();
  return {
    intake,
    board,
    journal,
    client,
    onJobEnded: (listener) => {
      endings.add(listener);
      return () => endings.delete(listener);
    },
    applySettings: (settings) => {
      // Each save is told once (a panel save by the panel; the settings file's follower skips the store's own
      // write), so every call applies: saving the same cap again is "Back to N" after the bench lowered it.
      const { workflowId: _next, armed: _armed, ...live } = boardSettings(settings, {}, scale);
      board.applySettings(live);
    },
    close: async () => {
      await board.close();
      options.events?.flush?.();
      if (!options.journal) await journal.close();
    },
  };
}
