/**
 * The devices of the running engine: its device watcher and the device feed the job board follows. Every
 * entry point gets it from ./compose-provisioning.ts; the engine supervisor (./engine-supervisor.ts) only
 * tells it which engine runs now. It reads nothing from a device beyond `cfgutil list`: the serial number
 * comes from the job board's one arrival read ({@link DeviceIntake.setSerialNumber}).
 *
 * Order matters and is kept by construction: a new list goes to the output (the UIs) first and to the feed
 * (the board) second, so the job events the board emits in reply always follow the device list they answer.
 */
import type { Device, Ecid, WatcherStatus } from '../../preload/domain';
import { DeviceListFeed } from '../devices/device-feed';
import { DeviceWatcher, type WatcherTimers } from '../devices/device-watcher';
import type { DeviceFeed } from '../jobs/job-board-types';
import type { RunningEngine } from '../engine/engine';

/** Where the device list and the watcher's health go (the event hub in the app; the CLI's notes in `run`). */
export interface DeviceOutput {
  devicesChanged(devices: readonly Device[]): void;
  watcherChanged(status: WatcherStatus): void;
}

export const noDeviceOutput: DeviceOutput = { devicesChanged: () => {}, watcherChanged: () => {} };

export interface DeviceIntakeOptions {
  readonly output?: DeviceOutput;
  /** The simulated clock's scale: the watcher's quiet time and reconcile period shrink with it. */
  readonly timeScale?: number;
  readonly timers?: WatcherTimers;
  readonly debounceMs?: number;
  readonly pollMs?: number;
  readonly log?: (message: string, detail?: unknown) => void;
}

/** The watcher's quiet time after a USB signal: 1.5 s on a real bench (scaled in simulation, at least 20 ms). */
export function debounceFor(timeScale: number): number {
  return timeScale >= 1 ? 1500 : Math.max(20, 1500 * timeScale);
}

/** The watcher's reconcile period without a USB signal: 10 s on a real bench (scaled, at least 250 ms). */
export function pollFor(timeScale: number): number {
  return timeScale >= 1 ? 10_000 : Math.max(250, 10_000 * timeScale);
}

export class DeviceIntake {
  readonly feed: DeviceFeed;
  private readonly list = new DeviceListFeed();
  private readonly output: DeviceOutput;
  private running: RunningEngine | undefined;
  private watcher: DeviceWatcher | undefined;
  private status: WatcherStatus = { state: 'starting' };

  constructor(private readonly options: DeviceIntakeOptions = {}) {
    this.output = options.output ?? noDeviceOutput;
    this.feed = this.list;
  }

  /** The engine that runs now; undefined while none runs. */
  engine(): RunningEngine | undefined {
    return this.running;
  }

  devices(): readonly Device[] {
    return this.list.current();
  }

  watcherStatus(): WatcherStatus {
    return this.status;
  }

  /** Follows a newly started engine's devices (the previous one, if any, is let go first). */
  attach(engine: RunningEngine): void {
    this.watcher?.stop();
    this.running = engine;
    const scale = this.options.timeScale ?? 1;
    this.watcher = new DeviceWatcher({
      source: engine.source,
      lister: engine.lister,
      ...(this.options.timers ? { timers: this.options.timers } : {}),
      debounceMs: this.options.debounceMs ?? debounceFor(scale),
      pollMs: engine.pollMs ?? this.options.pollMs ?? pollFor(scale),
      onDevices: (devices) => this.publish(devices),
      onStatus: (status) => {
        this.status = status;
        if (status.state === 'degraded') this.options.log?.('device watcher degraded', status.detail);
        this.output.watcherChanged(status);
      },
    });
    this.watcher.start();
  }

  /** Stops following the engine (it is about to close); its devices are gone from the list. */
  detach(): RunningEngine | undefined {
    this.watcher?.stop();
    this.watcher = undefined;
    const engine = this.running;
    this.running = undefined;
    if (this.list.current().length > 0) this.publish([]);
    return engine;
  }

  private publish(devices: readonly Device[]): void {
    this.output.devicesChanged(devices);
    this.list.publish(devices);
  }

  /** A serial number a read of the device showed: the device list (and every card) shows it from now on. */
  setSerialNumber(ecid: Ecid, serialNumber: string): void {
    this.watcher?.setSerialNumber(ecid, serialNumber);
  }
}
