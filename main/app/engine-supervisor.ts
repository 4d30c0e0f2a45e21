/**
 * The bench's services composed behind the contract: the one implementation of `InvokeChannels`.
 *
 * It owns the engine (real cfgutil or the simulated world) and hands the running one to the device intake
 * (./device-intake.ts: watcher, device feed, serial reads), and pushes every change through the event hub. Both transports (Electron IPC and the headless WebSocket) reach it only through
 * the dispatcher, which validates arguments first.
 */
import type { InvokeChannels } from '../../preload/contract';
import type { JobsSnapshot, WorkflowList } from '../../preload/jobs-domain';
import type {
  BenchSnapshot,
  Device,
  EngineStatus,
  IdentitySummary,
  ProfileSummary,
  Result,
} from '../../preload/domain';
import type { Clock } from '../async/clock';
import { BenchError, toErrorInfo } from '../errors/bench-error';
import type { LocateOutcome } from '../engine/choose-engine';
import type { EngineFactory, RunningEngine } from '../engine/engine';
import { EventHub } from '../events/event-hub';
import { SerialQueue } from '../async/serial-queue';
import { DeviceIntake } from './device-intake';
import { emptyJobsSnapshot } from './unavailable-channels';

export interface EngineSupervisorOptions {
  readonly engine: EngineStatus;
  readonly factory: EngineFactory;
  readonly hub?: EventHub;
  /** The composed bench's device intake (./compose-provisioning.ts); a bench without jobs gets its own. */
  readonly intake?: DeviceIntake;
  readonly timers?: Clock;
  readonly debounceMs?: number;
  readonly pollMs?: number;
  /** Structured diagnostics for the log (never shown to a UI as is). */
  readonly log?: (message: string, detail?: unknown) => void;
  /** Finds cfgutil again, or checks and saves a path the operator chose. */
  readonly locator?: CfgutilLocator;
  /** The jobs area's part of the snapshot; an empty one when the bench runs no jobs. */
  readonly jobsSnapshot?: () => JobsSnapshot;
  /** The enrollment set-up a UI draws with the bench; a bench without it reports none. */
  readonly setup?: SnapshotSetupSources;
}

/** Where the snapshot reads the profile, the identity's summary and the workflow list (main/app/create-bench.ts). */
export interface SnapshotSetupSources {
  profile(): ProfileSummary | null;
  identity(): IdentitySummary | null;
  workflows(): Promise<WorkflowList>;
}

const noWorkflows: WorkflowList = { workflows: [], problems: [] };

export interface CfgutilLocator {
  find(): Promise<LocateOutcome>;
  /** Returns the usable absolute path, or throws a BenchError that names the problem. */
  choose(path: string): Promise<string>;
}

type Req<K extends keyof InvokeChannels> = Parameters<InvokeChannels[K]>[0];

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** The engine's channels and the snapshot. */
export type EngineChannelName = 'getSnapshot' | 'useSimulator' | 'recheckEngine' | 'chooseCfgutil';

export class EngineSupervisor implements Pick<InvokeChannels, EngineChannelName> {
  readonly hub: EventHub;
  private engineStatus: EngineStatus;
  private readonly intake: DeviceIntake;
  private readonly engineSwitches = new SerialQueue();

  constructor(private readonly options: EngineSupervisorOptions) {
    const hub = options.hub ?? new EventHub();
    this.hub = hub;
    this.engineStatus = options.engine;
    this.intake =
      options.intake ??
      new DeviceIntake({
        output: {
          devicesChanged: (devices: readonly Device[]) => hub.emit('devicesChanged', { devices }),
          watcherChanged: (watcher) => hub.emit('watcherChanged', { watcher }),
        },
        ...(options.timers ? { timers: options.timers } : {}),
        ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
        ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
        ...(options.log ? { log: options.log } : {}),
      });
  }

  /**
   * Starts the chosen engine; with `missing` nothing runs until the operator picks one. An engine that fails
   * to start leaves the bench on the preflight screen (and the reason in the log) instead of failing the app.
   */
  async start(): Promise<void> {
    await this.engineSwitches.run(async () => {
      const status = this.engineStatus;
      if (status.kind === 'missing') return;
      const { factory } = this.options;
      await this.switchEngine(status, () =>
        status.kind === 'cfgutil' ? factory.startCfgutil(status.path) : factory.startSimulator(),
      );
    });
  }

  async close(): Promise<void> {
    await this.engineSwitches.run(() => this.stopEngine());
  }

  /** The engine that runs now, for the preflight checks (main/preflight/); undefined while none runs. */
  runningEngine(): RunningEngine | undefined {
    return this.intake.engine();
  }

  /** The engine status as the snapshot gives it. */
  engine(): EngineStatus {
    return this.engineStatus;
  }

  async getSnapshot(): Promise<Result<BenchSnapshot>> {
    // Everything but the workflow list is read at once, at `seq`. The list is read from disk after that: a
    // change while it is read has a larger seq, so a UI replays that change over this list, never the reverse.
    const setup = this.options.setup;
    const now = {
      seq: this.hub.currentSeq,
      devices: this.intake.devices(),
      engine: this.engineStatus,
      watcher: this.intake.watcherStatus(),
      jobs: this.options.jobsSnapshot?.() ?? emptyJobsSnapshot,
      profile: setup?.profile() ?? null,
      identity: setup?.identity() ?? null,
    };
    return ok({ ...now, workflows: (await setup?.workflows()) ?? noWorkflows });
  }

  useSimulator(): Promise<Result<EngineStatus>> {
    return this.engineSwitches.run(() => this.switchToSimulator());
  }

  recheckEngine(): Promise<Result<EngineStatus>> {
    return this.engineSwitches.run(() => this.recheck());
  }

  /** From the UI: only Apple's cfgutil is accepted (./cfgutil-locator.ts); every refusal is logged. */
  chooseCfgutil(request: Req<'chooseCfgutil'>): Promise<Result<EngineStatus>> {
    return this.engineSwitches.run(async () => {
      let chosen: string;
      try {
        chosen = await this.locator().choose(request.path);
      } catch (error) {
        this.options.log?.('cfgutil.choose-refused', { path: request.path, error });
        throw error;
      }
      this.options.log?.('cfgutil.chosen', { path: chosen });
      return this.useCfgutil(chosen);
    });
  }

  private async switchToSimulator(): Promise<Result<EngineStatus>> {
    if (this.engineStatus.kind === 'simulator') return ok(this.engineStatus);
    if (this.engineStatus.kind === 'cfgutil') {
      throw new BenchError({
        code: 'invalid-request',
        title: 'Real cfgutil is in use',
        detail:
          'The simulator can only replace a missing cfgutil. Restart with --simulate for a training bench.',
        retryable: false,
      });
    }
    return this.switchEngine({ kind: 'simulator', reason: 'operator-chose' }, () =>
      this.options.factory.startSimulator(),
    );
  }

  private async recheck(): Promise<Result<EngineStatus>> {
    if (this.engineStatus.kind === 'cfgutil') return ok(this.engineStatus);
    const located = await this.locator().find();
    if (located.kind === 'found') return this.useCfgutil(located.path);
    if (this.engineStatus.kind === 'missing')
      this.setEngineStatus({ kind: 'missing', searched: located.searched });
    return ok(this.engineStatus);
  }

  private useCfgutil(path: string): Promise<Result<EngineStatus>> {
    return this.switchEngine({ kind: 'cfgutil', path }, () => this.options.factory.startCfgutil(path));
  }

  /**
   * Stops whatever runs, announces the new engine, then starts it; devices are listed afresh. If it fails to
   * start, the bench falls back to "no engine" (the preflight screen), from which every choice is open again,
   * rather than claiming an engine that is not running.
   */
  private async switchEngine(
    status: EngineStatus,
    start: () => Promise<RunningEngine>,
  ): Promise<Result<EngineStatus>> {
    const searched = this.engineStatus.kind === 'missing' ? this.engineStatus.searched : [];
    await this.stopEngine();
    this.setEngineStatus(status);
    try {
      this.intake.attach(await start());
    } catch (error) {
      this.options.log?.(`${status.kind} failed to start`, error);
      this.setEngineStatus({ kind: 'missing', searched });
      return { ok: false, error: toErrorInfo(error) };
    }
    return ok(status);
  }

  private async stopEngine(): Promise<void> {
    await this.intake.detach()?.close();
  }

  private setEngineStatus(status: EngineStatus): void {
    this.engineStatus = status;
    this.hub.emit('engineChanged', { engine: status });
  }

  private locator(): CfgutilLocator {
    if (!this.options.locator) {
      throw new BenchError({
        code: 'invalid-request',
        title: 'cfgutil cannot be changed here',
        detail: 'Restart the bench with --cfgutil PATH.',
        retryable: false,
      });
    }
    return this.options.locator;
  }
}
