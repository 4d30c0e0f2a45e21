/**
 * Turns "something changed on USB" signals into a reconciled device list.
 *
 * USB events are only a trigger: they are debounced (an iPhone plugging in gives attach, detach, attach in
 * quick succession; erase and prepare reboot the device), with a cap on the wait so that other devices'
 * reboots cannot keep postponing a new device's listing (./signal-debounce.ts), then the truth is read from
 * `cfgutil list`. A slow periodic reconcile catches missed events. When listing fails the watcher reports
 * `degraded` and backs off instead of stopping silently (./README.md D7).
 *
 * One listing adds at most {@link MAX_NEW_DEVICES_PER_LIST} devices the bench has not seen: each new device
 * starts reads, so a `list` naming 300 devices must not start 300 of everything at once. The rest wait,
 * counted in the status (`waitingDevices`, with a sentence in `detail`), and the next listing follows soon.
 */
import type { Device, DeviceMode, Ecid, WatcherStatus } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import {
  reconcileDevices,
  sortedDevices,
  withSerialNumber,
  type DeviceListEntry,
  type DeviceMap,
  type Reconciliation,
} from './device-registry';
import { SignalDebounce } from './signal-debounce';

/** Enough for a full cart (40) in one listing; a flood joins in batches of this size. */
export const MAX_NEW_DEVICES_PER_LIST = 48;
/** How soon the next batch is listed while devices are waiting. */
export const WAITING_RELIST_MS = 1_000;

/** The listing cut to the known devices plus at most `max` new ones, and how many new ones had to wait. */
export function admitNewDevices(
  known: ReadonlySet<Ecid>,
  listed: readonly DeviceListEntry[],
  max: number,
): { readonly admitted: readonly DeviceListEntry[]; readonly waiting: number } {
  const seen = new Set<Ecid>();
  const admitted: DeviceListEntry[] = [];
  let added = 0;
  let waiting = 0;
  for (const entry of listed) {
    if (seen.has(entry.ecid)) continue;
    seen.add(entry.ecid);
    if (known.has(entry.ecid)) admitted.push(entry);
    else if (added < max) {
      added += 1;
      admitted.push(entry);
    } else waiting += 1;
  }
  return { admitted, waiting };
}

export interface DeviceSignal {
  readonly kind: 'attach' | 'detach' | 'poll';
  /** Where it happened and in which mode, when the source knows (node-usb does; the simulator does). */
  readonly locationId?: number;
  readonly mode?: DeviceMode;
}

/** node-usb in production, the simulated world in simulation, a fake in tests. */
export interface DeviceSignalSource {
  start(listener: (signal: DeviceSignal) => void): void;
  stop(): void;
}

export interface DeviceLister {
  list(options?: { signal?: AbortSignal }): Promise<readonly DeviceListEntry[]>;
}

export interface WatcherTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export const realTimers: WatcherTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

export interface DeviceWatcherOptions {
  readonly source: DeviceSignalSource;
  readonly lister: DeviceLister;
  readonly onDevices: (devices: readonly Device[]) => void;
  readonly onStatus: (status: WatcherStatus) => void;
  /** Called once per newly seen ECID, e.g. to read its serial number in the background. */
  readonly onNewDevice?: (ecid: Ecid) => void;
  readonly timers?: WatcherTimers;
  /** Quiet time after the last signal before listing; sized for the attach-detach-attach flap. */
  readonly debounceMs?: number;
  /**
   * The longest a signal waits for its listing while more signals keep restarting the quiet time (a busy
   * cart reboots a device every second or so). Default: `debounceMs`, so a listing comes at most that long
   * after the first signal it serves.
   */
  readonly maxWaitMs?: number;
  readonly pollMs?: number;
  readonly maxBackoffMs?: number;
}

export class DeviceWatcher {
  private devices: DeviceMap = new Map();
  private readonly hints = new Map<number, DeviceMode>();
  private readonly timers: WatcherTimers;
  private readonly debounce: SignalDebounce;
  private pollTimer: unknown;
  private inFlight = false;
  private dirty = false;
  private stopped = true;
  private failures = 0;
  private status: WatcherStatus = { state: 'starting' };
  private waiting = 0;

  constructor(private readonly options: DeviceWatcherOptions) {
    this.timers = options.timers ?? realTimers;
    const quietMs = options.debounceMs ?? 1500;
    this.debounce = new SignalDebounce({
      timers: this.timers,
      quietMs,
      maxWaitMs: options.maxWaitMs ?? quietMs,
      fire: () => void this.reconcile(),
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.options.source.start((signal) => this.onSignal(signal));
    void this.reconcile();
  }

  stop(): void {
    this.stopped = true;
    this.options.source.stop();
    this.debounce.cancel();
    this.timers.clearTimeout(this.pollTimer);
  }

  current(): readonly Device[] {
    return sortedDevices(this.devices);
  }

  currentStatus(): WatcherStatus {
    return this.status;
  }

  /** Merges a serial number read after the device appeared. */
  setSerialNumber(ecid: Ecid, serialNumber: string): void {
    this.apply(withSerialNumber(this.devices, ecid, serialNumber));
  }

  /** Reconciles now (after an explicit request), coalescing with any listing already running. */
  async reconcile(): Promise<void> {
    if (this.stopped) return;
    if (this.inFlight) {
      this.dirty = true;
      return;
    }
    this.inFlight = true;
    this.timers.clearTimeout(this.pollTimer);
    try {
      const listed = await this.options.lister.list();
      if (this.stopped) return;
      const before = new Set(this.devices.keys());
      const { admitted, waiting } = admitNewDevices(before, listed, MAX_NEW_DEVICES_PER_LIST);
      this.waiting = waiting;
      this.apply(reconcileDevices(this.devices, admitted, this.hints, this.timers.now()));
      this.failures = 0;
      this.setStatus(
        waiting === 0
          ? { state: 'ok' }
          : {
              state: 'ok',
              waitingDevices: waiting,
              detail: `${waiting} more device${waiting === 1 ? '' : 's'} listed by cfgutil wait to be added (${MAX_NEW_DEVICES_PER_LIST} at a time).`,
            },
      );
      for (const ecid of this.devices.keys()) if (!before.has(ecid)) this.options.onNewDevice?.(ecid);
    } catch (error) {
      this.failures += 1;
      this.setStatus({ state: 'degraded', detail: describeFailure(error, this.failures) });
    } finally {
      this.inFlight = false;
    }
    if (this.stopped) return;
    if (this.dirty) {
      this.dirty = false;
      void this.reconcile();
      return;
    }
    this.pollTimer = this.timers.setTimeout(() => void this.reconcile(), this.nextPollDelay());
  }

  private onSignal(signal: DeviceSignal): void {
    if (this.stopped) return;
    if (signal.locationId !== undefined) {
      if (signal.kind === 'detach') this.hints.delete(signal.locationId);
      else if (signal.mode) this.hints.set(signal.locationId, signal.mode);
    }
    this.debounce.signal();
  }

  private nextPollDelay(): number {
    const poll = this.options.pollMs ?? 10_000;
    if (this.waiting > 0 && this.failures === 0) return Math.min(poll, WAITING_RELIST_MS);
    if (this.failures === 0) return poll;
    return Math.min(poll * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 60_000);
  }

  private apply(result: Reconciliation): void {
    if (!result.changed) return;
    this.devices = result.devices;
    this.options.onDevices(sortedDevices(this.devices));
  }

  private setStatus(status: WatcherStatus): void {
    if (
      status.state === this.status.state &&
      status.detail === this.status.detail &&
      status.waitingDevices === this.status.waitingDevices
    )
      return;
    this.status = status;
    this.options.onStatus(status);
  }
}

function describeFailure(error: unknown, failures: number): string {
  const what = error instanceof BenchError ? error.info.title : 'cfgutil list failed';
  return `${what} (${failures} failed attempt${failures === 1 ? '' : 's'}; retrying with back-off).`;
}
