/**
 * The simulated device world: the one owner of every device's state, the clock, the busy flags and the
 * attach/detach events.
 *
 * Its public methods are the operator's hand and the test harness (§11, §11 of
 * main/cfgutil/README.md). The simulated cfgutil commands use the methods marked "for commands";
 * everything runs on one simulated clock so `timeScale` speeds up the whole bench.
 */
import { formatCfgutilEcid, parseEcid } from '../cfgutil/ecid';
import { scheduleCart } from './cart';
import { DeviceEvents, type SimDeviceListener } from './device-events';
import {
  DEP_ENROLLMENT_IDENTIFIER,
  type DepState,
  type SimDevice,
  type SimDeviceSnapshot,
  type SimListEntry,
  type SimProfile,
  type SimReadShape,
} from './device-model';
import type { ArmedFault, SimFault, SimFaultTarget } from './faults';
import { generateDevice, randomEcid, type SimAttachSpec } from './generate-device';
import { SimClock } from './sim-clock';
import {
  defaultQuirks,
  defaultTimings,
  type SimQuirks,
  type SimTimings,
  type SimWorldOptions,
} from './sim-options';
import { CommandRecord } from './command-record';
import { Reboots } from './reboots';
import { SimRandom } from './sim-random';
import { portsTakenError } from './sim-errors';
import { toListEntry, toSnapshot } from './snapshot';
import { firstFreeLocation, PORT_COUNT } from './usb-ports';

export type { SimDeviceEvent, SimDeviceListener } from './device-events';

export class SimWorld {
  readonly clock: SimClock;
  readonly timings: SimTimings;
  readonly rng: SimRandom;
  /** Armed faults, consumed by {@link takeFault} in the command runner. */
  readonly faults: ArmedFault[] = [];
  /** The commands each device took (./command-record.ts), written by the command runner. */
  readonly commands = new CommandRecord();
  private quirksValue: SimQuirks;
  private onlineValue: boolean;
  private readonly devices = new Map<bigint, SimDevice>();
  private readonly attachedSet = new Set<bigint>();
  private readonly busyMap = new Map<bigint, string>();
  private readonly reboots: Reboots;
  private readonly attachEvents = new DeviceEvents();
  private readonly detachEvents = new DeviceEvents();
  private readonly autoTrustSeconds: number | undefined;
  private readonly autoApproveSeconds: number | undefined;
  private readonly autoFinishSetupSeconds: number | undefined;
  /** Shut down by `shut-down`: off USB, port kept, until {@link powerOn}. */
  private readonly poweredOff = new Set<bigint>();

  constructor(options: SimWorldOptions = {}) {
    this.clock = new SimClock(options.timeScale ?? 1);
    this.reboots = new Reboots(this.clock);
    this.rng = new SimRandom(options.seed ?? 1);
    this.timings = { ...defaultTimings, ...options.timings };
    this.quirksValue = { ...defaultQuirks, ...options.quirks };
    this.onlineValue = options.online ?? true;
    this.autoTrustSeconds = options.autoTrustSeconds;
    this.autoApproveSeconds = options.autoApproveSeconds;
    this.autoFinishSetupSeconds = options.autoFinishSetupSeconds;
    const initial = options.devices ?? 0;
    const specs = typeof initial === 'number' ? Array.from({ length: initial }, () => ({})) : initial;
    const attached = specs.map((spec) => this.attach(spec));
    for (const { fault, target = {} } of options.faults ?? []) {
      const { device, ...rest } = target;
      const ecid = device === undefined ? undefined : attached[device]?.ecid;
      if (device !== undefined && ecid === undefined)
        throw new RangeError(`no device #${device} for a fault`);
      this.injectFault(fault, { ...rest, ...(ecid === undefined ? {} : { ecid }) });
    }
  }

  /** A duration with the world's seeded jitter (§9 timings vary run to run; the seed makes them repeatable). */
  duration(seconds: number): number {
    const { jitter } = this.timings;
    return seconds * (1 - jitter + 2 * jitter * this.rng.next());
  }

  get quirks(): SimQuirks {
    return this.quirksValue;
  }

  /** Changes unknown-behaviour switches at run time (language, exit-code variants, …). */
  setQuirks(patch: Partial<SimQuirks>): void {
    this.quirksValue = { ...this.quirksValue, ...patch };
  }

  get online(): boolean {
    return this.onlineValue;
  }

  /** Mac offline → `prepare` fails with Detail "Network communication error." (§6.1). */
  setOnline(online: boolean): void {
    this.onlineValue = online;
  }

  /**
   * Devices `list` shows that the bench must leave alone: a Mac in DFU (`iBridge2,15`, UDID and name "N/A",
   * as captured), an Apple TV. They answer nothing but `list`; any command aimed at them is refused.
   */
  private readonly foreign = new Map<bigint, SimListEntry>();

  /** Plugs in a non-bench device (see `foreign`). Defaults: a T2 Mac in DFU. Returns its printed ECID. */
  attachForeign(
    spec: { readonly deviceType?: string; readonly name?: string; readonly udid?: string } = {},
  ): string {
    const location = firstFreeLocation(this.occupiedLocations());
    if (location === undefined) throw portsTakenError(0, 1);
    const ecid = this.freshEcid();
    const entry: SimListEntry = {
      locationID: location,
      UDID: spec.udid ?? 'N/A',
      ECID: formatCfgutilEcid(ecid),
      name: spec.name ?? 'N/A',
      deviceType: spec.deviceType ?? 'iBridge2,15',
    };
    // No attach event: the bench learns of it from its next `list` (attach these before a bench starts).
    this.foreign.set(ecid, entry);
    return entry.ECID;
  }

  detachForeign(ecid: string): boolean {
    const value = parseEcid(ecid);
    return value !== undefined && this.foreign.delete(value);
  }

  /** The non-bench devices `list` shows, in plug order. */
  foreignEntries(): readonly SimListEntry[] {
    return [...this.foreign.values()];
  }

  /** True for a non-bench device's ECID (commands aimed at it are refused). */
  isForeign(ecid: bigint): boolean {
    return this.foreign.has(ecid);
  }

  // ---- the operator's hand -------------------------------------------------------------------------

  /** Plugs in a device: a known ECID is re-plugged with its state, anything else is generated from the seed. */
  attach(spec: SimAttachSpec = {}): SimDeviceSnapshot {
    const wanted = spec.ecid === undefined ? undefined : parseEcid(spec.ecid);
    if (spec.ecid !== undefined && wanted === undefined) throw new RangeError(`not an ECID: "${spec.ecid}"`);
    const known = wanted === undefined ? undefined : this.devices.get(wanted);
    if (known) {
      if (!this.attachedSet.has(known.ecid)) {
        this.poweredOff.delete(known.ecid);
        this.plugIn(known);
      }
      return this.snapshotOf(known);
    }
    const location = firstFreeLocation(this.occupiedLocations());
    if (location === undefined) throw portsTakenError(0, 1);
    const device = generateDevice(spec, wanted ?? this.freshEcid(), location, this.rng);
    this.devices.set(device.ecid, device);
    this.plugIn(device);
    if (spec.flaps !== undefined && spec.flaps > 0) this.flap(formatCfgutilEcid(device.ecid), spec.flaps);
    return this.snapshotOf(device);
  }

  /**
   * Ports in use: attached devices, and devices away only for a reboot (they come back to the same port).
   * A port freed by an unplugged device is reused, as on a real cart, so a long demo never runs out.
   */
  private occupiedLocations(): Set<number> {
    const busy = [...this.devices.values()].filter(
      (d) => this.attachedSet.has(d.ecid) || this.reboots.holdsPort(d.ecid) || this.poweredOff.has(d.ecid),
    );
    return new Set([
      ...busy.map((d) => d.locationID),
      ...[...this.foreign.values()].map((e) => e.locationID),
    ]);
  }

  /** Unplugs a device; any pending reboot of it is cancelled. False when it was not attached. */
  detach(ecid: string): boolean {
    const device = this.require(ecid);
    this.reboots.cancel(device.ecid);
    this.poweredOff.delete(device.ecid);
    return this.unplug(device.ecid);
  }

  detachAll(): void {
    for (const ecid of [...this.attachedSet]) this.detach(formatCfgutilEcid(ecid));
  }

  /**
   * "A cart of N devices arriving over T seconds": resolves with their snapshots once all are attached. Throws a
   * `BenchError` at once for a count or time it cannot meet, or when too few ports are free.
   */
  cart(count: number, overSeconds: number, spec: SimAttachSpec = {}): Promise<SimDeviceSnapshot[]> {
    return scheduleCart(
      {
        clock: this.clock,
        freePorts: () => PORT_COUNT - this.occupiedLocations().size,
        attach: (s) => this.attach(s),
      },
      count,
      overSeconds,
      spec,
    );
  }

  /** Currently attached devices, in the order they were first plugged in (a reboot or a flap keeps the place). */
  list(): SimDeviceSnapshot[] {
    return [...this.devices.values()]
      .filter((d) => this.attachedSet.has(d.ecid))
      .map((d) => this.snapshotOf(d));
  }

  /** Any known device (attached or not). */
  device(ecid: string): SimDeviceSnapshot | undefined {
    const value = parseEcid(ecid);
    const device = value === undefined ? undefined : this.devices.get(value);
    return device ? this.snapshotOf(device) : undefined;
  }

  onAttached(listener: SimDeviceListener): () => void {
    return this.attachEvents.on(listener);
  }

  onDetached(listener: SimDeviceListener): () => void {
    return this.detachEvents.on(listener);
  }

  /** The operator taps Trust (true) or Don't Trust (false) on the device's dialog (§8.1). */
  tapTrust(ecid: string, accept: boolean): void {
    const device = this.require(ecid);
    device.trust = accept ? 'accepted' : 'denied';
    if (accept) device.isPaired = true;
  }

  /** Approves a pending profile (the first one when no identifier is given). False when none matched. */
  approveProfile(ecid: string, identifier?: string): boolean {
    const device = this.require(ecid);
    const profile = this.takePending(device, identifier);
    if (!profile) return false;
    device.profiles = [...device.profiles.filter((p) => p.identifier !== profile.identifier), profile];
    return true;
  }

  /** The operator dismisses a pending profile without installing it. */
  ignoreProfile(ecid: string, identifier?: string): boolean {
    return this.takePending(this.require(ecid), identifier) !== undefined;
  }

  /**
   * The person taps through what is left of Setup Assistant (AGREED-SIM 1). False when the device was not
   * waiting there. An unsupervised device now needs Trust for a new host (§8.1).
   */
  finishSetup(ecid: string): boolean {
    const device = this.require(ecid);
    if (!device.atSetupAssistant) return false;
    device.atSetupAssistant = false;
    device.panesLeft = 0;
    // An ADE device's Remote Management pane enrolls it on the way through (the staged MDM enrollment).
    const enrollment = device.pendingProfiles.find((p) => p.identifier === DEP_ENROLLMENT_IDENTIFIER);
    if (enrollment) this.approveProfile(ecid, enrollment.identifier);
    return true;
  }

  /** The operator holds the power button of a device that was shut down: it boots and re-attaches. */
  powerOn(ecid: string): boolean {
    const device = this.require(ecid);
    if (!this.poweredOff.delete(device.ecid)) return false;
    this.reboot(device.ecid, 0, this.duration(this.timings.rebootReattachSeconds), () => undefined);
    return true;
  }

  /** `shut-down`: the device leaves USB and stays off (its port kept) until {@link powerOn}. */
  shutDown(ecid: bigint, afterSeconds: number): void {
    this.clock.schedule(afterSeconds, () => {
      if (this.unplug(ecid)) this.poweredOff.add(ecid);
    });
  }

  /**
   * A flapping port (a loose cable, an underpowered hub): `times` quick detach/attach pairs, `gapSeconds` apart.
   * The device keeps its state and port; only USB events fire.
   */
  flap(ecid: string, times = 3, gapSeconds = 0.4): void {
    const device = this.require(ecid);
    for (let i = 0; i < times; i++) {
      this.clock.schedule(gapSeconds * (2 * i + 1), () => void this.unplug(device.ecid));
      this.clock.schedule(gapSeconds * (2 * i + 2), () => {
        if (!this.attachedSet.has(device.ecid)) this.plugIn(device);
      });
    }
  }

  /** The commands that reached the device, oldest first (./command-record.ts). */
  commandsTo(ecid: string): readonly string[] {
    return this.commands.to(this.require(ecid).ecid);
  }

  /** Makes `get` show `property` in an odd shape from now on, or truly again (`undefined`). */
  setReadShape(ecid: string, property: string, shape: SimReadShape | undefined): void {
    const device = this.require(ecid);
    if (shape === undefined) delete device.readShapes[property];
    else device.readShapes[property] = shape;
  }

  unlock(ecid: string): void {
    this.require(ecid).locked = false;
  }

  /** Sets a passcode (if none) and locks the screen. */
  lock(ecid: string): void {
    const device = this.require(ecid);
    device.passcodeProtected = true;
    device.locked = true;
  }

  /** Find My on = Activation Lock: erase fails, and an erased device will not activate (§8.2). */
  setFindMy(ecid: string, on: boolean): void {
    this.require(ecid).findMy = on;
  }

  setDep(ecid: string, state: DepState): void {
    this.require(ecid).dep = state;
  }

  /** Arms a fault for the next matching run (see {@link SimFault}). */
  injectFault(fault: SimFault, target: SimFaultTarget = {}): void {
    const ecid = target.ecid === undefined ? undefined : parseEcid(target.ecid);
    if (target.ecid !== undefined && ecid === undefined)
      throw new RangeError(`not an ECID: "${target.ecid}"`);
    const times = target.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a whole number ≥ 1');
    this.faults.push({ fault, ecid, command: target.command, remaining: times });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Stops every timer; the world is unusable afterwards. */
  close(): void {
    this.clock.close();
    this.attachEvents.clear();
    this.detachEvents.clear();
  }

  // ---- for commands --------------------------------------------------------------------------------

  /** The mutable record of an attached device. */
  attachedDevice(ecid: bigint): SimDevice | undefined {
    return this.attachedSet.has(ecid) ? this.devices.get(ecid) : undefined;
  }

  attachedEcids(): bigint[] {
    return [...this.attachedSet];
  }

  isBusy(ecid: bigint): boolean {
    return this.busyMap.has(ecid) || this.reboots.isRebooting(ecid);
  }

  /**
   * Back from a reboot and saying `Booted`, but not yet accepting changes (§8.2, §11; AGREED-SIM 4): commands
   * that change the device get the busy message until then.
   */
  isSettling(ecid: bigint): boolean {
    const device = this.devices.get(ecid);
    return device !== undefined && this.clock.now() < device.readyAt;
  }

  /** Whether an action reported with a bare error really happened ({@link SimQuirks.bareErrorEffect}). */
  bareErrorHappened(): boolean {
    const effect = this.quirksValue.bareErrorEffect;
    return effect === 'random' ? this.rng.next() < 0.5 : effect === 'happened';
  }

  /** Marks a device busy for one command (§9: one command per device). Undefined when it already is. */
  tryAcquire(ecid: bigint, command: string): (() => void) | undefined {
    if (this.isBusy(ecid)) return undefined;
    this.busyMap.set(ecid, command);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.busyMap.delete(ecid);
    };
  }

  /**
   * A reboot as the app sees it (§8.2): busy until USB detach, then re-attach later after `change` is applied.
   * Detaching by hand cancels the re-attach (the device was unplugged while rebooting).
   */
  reboot(ecid: bigint, detachAfter: number, reattachAfter: number, change: (d: SimDevice) => void): void {
    this.reboots.start(ecid, detachAfter, reattachAfter, {
      unplug: () => void this.unplug(ecid),
      reattach: () => {
        const device = this.devices.get(ecid);
        if (!device) return;
        change(device);
        device.readyAt = this.clock.now() + this.duration(this.timings.bootSettleSeconds) * 1000;
        this.plugIn(device);
        this.scheduleSetupFinish(device);
      },
    });
  }

  /** Pulls the device off USB at once (disconnect fault, shut-down). */
  unplug(ecid: bigint): boolean {
    const device = this.devices.get(ecid);
    if (!device || !this.attachedSet.delete(ecid)) return false;
    this.emit(this.detachEvents, device);
    return true;
  }

  /** Shows the Trust dialog; with `autoTrustSeconds` the simulated operator taps Trust later. */
  showTrustDialog(device: SimDevice): void {
    if (device.trust === 'shown') return;
    device.trust = 'shown';
    const delay = this.autoTrustSeconds;
    if (delay !== undefined) {
      this.clock.schedule(delay, () => {
        if (device.trust === 'shown') this.tapTrust(formatCfgutilEcid(device.ecid), true);
      });
    }
  }

  /** Stages a profile for on-device approval (§8.4); with `autoApproveSeconds` it is approved later. */
  stagePending(device: SimDevice, profile: SimProfile): void {
    device.pendingProfiles = [
      ...device.pendingProfiles.filter((p) => p.identifier !== profile.identifier),
      profile,
    ];
    const delay = this.autoApproveSeconds;
    if (delay !== undefined) {
      this.clock.schedule(
        delay,
        () => void this.approveProfile(formatCfgutilEcid(device.ecid), profile.identifier),
      );
    }
  }

  // ---- internals -----------------------------------------------------------------------------------

  /** With `autoFinishSetupSeconds`, the simulated person finishes Setup Assistant on a device waiting there. */
  private scheduleSetupFinish(device: SimDevice): void {
    const delay = this.autoFinishSetupSeconds;
    if (delay === undefined || !device.atSetupAssistant || device.freshlyErased) return;
    this.clock.schedule(delay, () => void this.finishSetup(formatCfgutilEcid(device.ecid)));
  }

  private plugIn(device: SimDevice): void {
    this.attachedSet.add(device.ecid);
    this.emit(this.attachEvents, device);
  }

  private emit(events: DeviceEvents, device: SimDevice): void {
    events.emit({ entry: toListEntry(device), device: this.snapshotOf(device) });
  }

  private snapshotOf(device: SimDevice): SimDeviceSnapshot {
    return toSnapshot(device, this.attachedSet.has(device.ecid), this.isBusy(device.ecid));
  }

  private require(ecid: string): SimDevice {
    const value = parseEcid(ecid);
    const device = value === undefined ? undefined : this.devices.get(value);
    if (!device) throw new RangeError(`unknown device ${ecid}`);
    return device;
  }

  private takePending(device: SimDevice, identifier?: string): SimProfile | undefined {
    const profile = device.pendingProfiles.find(
      (p) => identifier === undefined || p.identifier === identifier,
    );
    if (profile) device.pendingProfiles = device.pendingProfiles.filter((p) => p !== profile);
    return profile;
  }

  private freshEcid(): bigint {
    for (;;) {
      const ecid = randomEcid(this.rng);
      if (!this.devices.has(ecid) && !this.foreign.has(ecid)) return ecid;
    }
  }
}
