/**
 * The jobs of the bench: one per attached device, keyed by ECID. It admits devices as they arrive (ignore
 * list, "already done" from the journal, jobs cut off by a restart), runs the countdown while armed, starts
 * runners, journals every transition, and answers the operator's actions. Device reads and commands go
 * through the engine's laned client, so there is never a second command on one device.
 */
import { randomUUID } from 'node:crypto';
import { realClock, type Clock } from '../async/clock';
import type { Device, Ecid, ErrorInfo } from '../../preload/domain';
import type {
  DeviceFacts,
  JobAction,
  JobView,
  JobsSnapshot,
  RunStatus,
  Workflow,
} from '../../preload/jobs-domain';
import { BenchError } from '../errors/bench-error';
import type { DeviceRead } from './device-read';
import { DevicePresence } from './device-presence';
import { DropWatch } from './drop-watch';
import { HeavyStepLimit } from './heavy-step-limit';
import { admissionEvent, readOnArrival } from './job-admission';
import { JobContextFactory } from './job-context-factory';
import { JobRecorder } from './job-recorder';
import type { JobSlot } from './job-slot';
import { LastRead } from './last-read';
import {
  noJobEvents,
  type ClientSource,
  type DeviceFeed,
  type JobEventSink,
  type JobSettings,
  type LiveJobSettings,
  type ProfileSource,
  type SupervisionSource,
  type WorkflowSource,
} from './job-board-types';
import { withProgress, StepTimes } from './job-progress';
import type { JournalHistory, JournalSink } from '../journal/job-journal';
import { benchDeviceKind } from '../cfgutil/bench-device-kind';
import { admitByEcid, admitBySerial, type Admission } from './admission';
import { runJob } from './job-runner';
import { safetySource, type SafetyOptions } from './safety/safety-source';
import { byPort, NameBook } from './workflow/name-book';
import { templateHasCounter } from './workflow/name-template';
import { safeDeviceName } from '../text/device-name';
import { isFinal, newJob, reduceJob, ACTIVE_PHASES, type JobEvent } from './job-state';
import { DEVICE_TIMINGS, type JobTimings } from './job-timings';
import { runStatusOf, type RunState } from './run-status';
import { cartTimeLeft } from './cart-eta';
import { SUPERVISE_AND_ENROLL } from './workflow/presets';

export interface JobBoardOptions extends SafetyOptions {
  readonly workflows: WorkflowSource;
  readonly devices: DeviceFeed;
  readonly client: ClientSource;
  readonly settings: JobSettings;
  readonly supervision: SupervisionSource;
  readonly profile: ProfileSource;
  readonly journal: JournalSink;
  readonly history?: JournalHistory;
  readonly timings?: JobTimings;
  readonly clock?: Clock;
  readonly random?: () => number;
  readonly events?: JobEventSink;
  readonly sessionId?: string;
  readonly appVersion?: string;
  readonly extraProfilesDir?: string;
  /** Scale of the default step times used for the ETA before any is measured (the simulator's time scale). */
  readonly timeScale?: number;
  readonly log?: (message: string, detail?: unknown) => void;
  /** Told a device's serial number the first time a read shows it (the device list shows it from then on). */
  readonly serialRead?: (ecid: Ecid, serialNumber: string) => void;
  /** Told after a job's end has been handed to the journal, with the ended job (the bench log, Intune). */
  readonly jobEnded?: (job: JobView) => void;
  /** Rename counters and names given (./workflow/name-book.ts): the composition loads the data folder's. */
  readonly names?: NameBook;
}

type Slot = JobSlot;

function refuse(title: string, detail: string): never {
  throw new BenchError({ code: 'invalid-request', title, detail, retryable: false });
}

export class JobBoard {
  private readonly slots = new Map<Ecid, Slot>();
  private readonly presence = new DevicePresence();
  private readonly admitting = new Set<Ecid>();
  private readonly limit: HeavyStepLimit;
  private readonly times: StepTimes;
  private readonly timings: JobTimings;
  private readonly clock: Clock;
  private readonly events: JobEventSink;
  private readonly recorder: JobRecorder;
  private readonly contexts: JobContextFactory;
  private readonly dropWatch: DropWatch;
  private readonly names: NameBook;
  private started = false;
  private readonly pauseWaiters = new Set<() => void>();
  private state: RunState;
  private history: JournalHistory;
  private firstStart: number | undefined;
  private unsubscribe: (() => void) | undefined;
  private stopHealth: (() => void) | undefined;
  private closed = false;
  /** The operator's settings; the Settings panel changes them while the bench runs ({@link applySettings}). */
  private settings: JobSettings;

  constructor(private readonly options: JobBoardOptions) {
    const { settings } = options;
    this.settings = settings;
    this.timings = options.timings ?? DEVICE_TIMINGS;
    this.clock = options.clock ?? realClock;
    this.events = options.events ?? noJobEvents;
    this.dropWatch = new DropWatch(this.timings, this.clock);
    // A lowered cap steps back up after a quiet window: asked each time a heavy step queues or ends.
    this.limit = new HeavyStepLimit(settings.concurrency, () => this.recoverCap());
    this.names = options.names ?? new NameBook();
    this.recorder = new JobRecorder({
      journal: options.journal,
      clock: this.clock,
      sessionId: options.sessionId ?? randomUUID(),
      appVersion: options.appVersion ?? 'dev',
      profile: options.profile,
      supervision: options.supervision,
      device: (ecid) => this.presence.device(ecid),
      ...(options.jobEnded ? { ended: options.jobEnded } : {}),
    });
    this.contexts = new JobContextFactory({
      clock: this.clock,
      timings: this.timings,
      limit: this.limit,
      presence: this.presence,
      supervision: options.supervision,
      profile: options.profile,
      ...(options.random ? { random: options.random } : {}),
      ...(options.extraProfilesDir ? { extraProfilesDir: options.extraProfilesDir } : {}),
      safety: safetySource(() => this.settings, options),
      names: this.names,
      deviceType: (ecid) => this.deviceTypeOf(ecid),
    });
    this.times = new StepTimes(options.timeScale ?? 1);
    this.history = options.history ?? { lastByEcid: new Map(), doneBySerial: new Map(), warnings: [] };
    this.state = {
      armed: settings.armed ?? false,
      paused: false,
      workflowId: settings.workflowId,
      countdownSeconds: settings.countdownSeconds,
      concurrency: settings.concurrency,
    };
  }

  /** Starts following the device list; devices already attached are admitted now. */
  start(): void {
    this.started = true;
    this.recorder.sessionStarted(this.settings.stationName);
    for (const warning of this.history.warnings) this.options.log?.(`journal: ${warning}`);
    this.stopHealth = this.recorder.onHealth((problem) => this.onRecordingProblem(problem));
    this.unsubscribe = this.options.devices.subscribe((devices) => this.onDevices(devices));
    this.onDevices(this.options.devices.current());
  }

  /** Stops following devices and cancels every job under way (each is journaled as interrupted). */
  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.stopHealth?.();
    for (const slot of this.slots.values()) {
      this.clock.clearTimeout(slot.countdown);
      if (!isFinal(slot.view.phase)) this.dispatch(slot, { type: 'interrupted', at: this.clock.now() });
      slot.controller?.abort();
    }
    // Jobs waiting to be unpaused go on to see their abort.
    this.wakePaused();
    this.options.deviceLocks?.releaseAll();
  }

  snapshot(): JobsSnapshot {
    const facts: Record<Ecid, DeviceFacts> = {};
    for (const [ecid, slot] of this.slots) if (slot.facts) facts[ecid] = slot.facts;
    return { jobs: this.views(), facts, run: this.runStatus() };
  }

  views(): JobView[] {
    return [...this.slots.values()].map((slot) => this.viewOf(slot));
  }

  /** The Apple product type of a device the bench has seen (`iPad14,1`), for reports. */
  deviceTypeOf(ecid: Ecid): string | undefined {
    return this.slots.get(ecid)?.values?.deviceType ?? this.presence.device(ecid)?.deviceType;
  }

  /** True when every attached device's job has ended or waits for a person (the CLI's `--until-idle`). */
  isIdle(): boolean {
    if (this.admitting.size > 0) return false;
    if (this.presence.ecids().some((ecid) => !this.slots.has(ecid))) return false;
    return [...this.slots.values()].every(
      ({ view }) => isFinal(view.phase) || view.phase === 'waiting-for-operator',
    );
  }

  runStatus(): RunStatus {
    const now = this.clock.now();
    const timeLeft = cartTimeLeft({
      jobs: [...this.slots.values()].map((slot) => ({
        view: slot.view,
        steps: slot.workflow.steps.map((s) => s.kind),
      })),
      measured: (step) => this.times.measuredMs(step),
      concurrency: this.limit.limit,
      armed: this.state.armed,
      now,
    });
    return runStatusOf(
      { ...this.state, concurrency: this.limit.limit, concurrencySetting: this.limit.setting },
      this.views(),
      this.firstStart,
      now,
      timeLeft,
    );
  }

  // ---- the operator's channels ----

  setArmed(armed: boolean): RunStatus {
    this.state = { ...this.state, armed };
    for (const slot of this.slots.values()) {
      if (armed && slot.view.phase === 'queued' && slot.view.stepIndex === undefined)
        this.beginCountdown(slot);
      if (!armed && slot.view.phase === 'countdown') {
        this.clock.clearTimeout(slot.countdown);
        this.dispatch(slot, { type: 'held' });
      }
    }
    return this.emitRun();
  }

  setPaused(paused: boolean): RunStatus {
    this.state = { ...this.state, paused };
    if (!paused) {
      this.wakePaused();
      for (const slot of this.slots.values()) {
        if (slot.view.phase === 'countdown' && (slot.view.countdownEndsAt ?? 0) <= this.clock.now())
          this.startJob(slot);
      }
    }
    return this.emitRun();
  }

  selectWorkflow(workflowId: string): RunStatus {
    if (!this.options.workflows.get(workflowId))
      refuse('No such workflow', `There is no workflow "${workflowId}".`);
    this.state = { ...this.state, workflowId };
    return this.emitRun();
  }

  /**
   * Settings saved while the bench runs take effect at once: the cap now (the operator's number replaces a
   * cap the bench lowered by itself), the countdown and the ignore list for devices admitted from now on,
   * the station name for records written from now on. Jobs already running keep going.
   */
  applySettings(next: LiveJobSettings): RunStatus {
    // A countdown in clock time given before is dropped with the seconds it was made from.
    const { countdownMs: _before, ...kept } = this.settings;
    this.settings = { ...kept, ...next };
    this.limit.setLimit(next.concurrency);
    this.dropWatch.forget();
    const { concurrencyNote: _lowered, ...rest } = this.state;
    this.state = { ...rest, concurrency: next.concurrency, countdownSeconds: next.countdownSeconds };
    return this.emitRun();
  }

  jobAction(ecid: Ecid, action: JobAction): JobView {
    const slot =
      this.slots.get(ecid) ??
      refuse('No job for this device', 'The device has no job: it may have been unplugged.');
    const { phase } = slot.view;
    switch (action) {
      case 'start-now':
        if (phase === 'queued' || phase === 'countdown') this.startJob(slot);
        else if (phase === 'waiting-for-operator') this.giveWord(slot);
        else refuse('Already started', 'This job is not waiting to start.');
        break;
      case 'cancel':
        if (isFinal(phase)) refuse('Nothing to cancel', 'This job has already ended.');
        this.clock.clearTimeout(slot.countdown);
        if (slot.controller) slot.controller.abort();
        else this.dispatch(slot, { type: 'cancelled', at: this.clock.now() });
        break;
      case 'retry':
        // A device in use is erased only on the person's Erase (start-now): a Retry never stands for it, so
        // `jobs retry --all-waiting` cannot erase a returned cart by accident.
        if (phase === 'waiting-for-operator' && slot.view.waiting?.reason === 'in-use')
          refuse('This device is in use', 'Press Erase to erase it, or Skip to leave it as it is.');
        if (phase === 'waiting-for-operator') this.giveWord(slot);
        else if (phase === 'failed' || phase === 'interrupted' || phase === 'cancelled') this.retry(slot);
        else
          refuse(
            'Nothing to retry',
            'Only a failed, interrupted or cancelled job, or one waiting for you, can be retried.',
          );
        break;
      case 'skip':
        // A job waiting for a person may be skipped: its command has not been sent (issue 19: in-use Skip).
        if (phase === 'waiting-for-operator') {
          this.dispatch(slot, { type: 'skipped', at: this.clock.now(), reason: 'operator' });
          slot.controller?.abort();
          break;
        }
        if (isFinal(phase) || ACTIVE_PHASES.has(phase))
          refuse('Cannot skip now', 'Cancel the job first, or wait until it ends.');
        this.clock.clearTimeout(slot.countdown);
        this.dispatch(slot, { type: 'skipped', at: this.clock.now(), reason: 'operator' });
        break;
      case 'rerun':
        if (!isFinal(phase)) refuse('The job is still going', 'Rerun is for a device whose job has ended.');
        this.rerun(slot);
        break;
      case 'switch-to-direct':
        this.switchToDirect(slot);
        break;
      case 'continue':
        // The operator answered the wait; the step re-reads where the device can show the effect.
        if (phase !== 'waiting-for-operator')
          refuse('Not waiting for you', 'This job is not waiting for a person any more.');
        // A device in use is erased only on the person's Erase (start-now): a Continue never stands for it.
        if (slot.view.waiting?.reason === 'in-use')
          refuse('This device is in use', 'Press Erase to erase it, or Skip to leave it as it is.');
        this.giveWord(slot);
        break;
    }
    return this.viewOf(this.slots.get(ecid) ?? slot);
  }

  /**
   * The bulk Erase of a returned cart: the operator's Erase word (what 'start-now' gives one card) to every job
   * that waits on the in-use question, and to nothing else. The guard still checks the ignore list, the other
   * organization and the rest immediately before the erase is sent. Resolves with how many were answered.
   */
  answerInUse(): number {
    let count = 0;
    for (const slot of this.slots.values()) {
      if (slot.view.phase === 'waiting-for-operator' && slot.view.waiting?.reason === 'in-use') {
        this.giveWord(slot);
        count += 1;
      }
    }
    return count;
  }

  /** Retries every failed job whose device is still attached. */
  retryFailed(): number {
    let count = 0;
    for (const [ecid, slot] of this.slots) {
      if (slot.view.phase === 'failed' && this.presence.isPresent(ecid)) {
        this.retry(slot);
        count += 1;
      }
    }
    return count;
  }

  // ---- devices coming and going ----

  private onDevices(devices: readonly Device[]): void {
    if (this.closed) return;
    const { arrived, left } = this.presence.update(devices);
    for (const ecid of left) this.onLeft(ecid);
    // Devices that arrive together are admitted in port order: their rename counters follow the ports.
    const inPortOrder = [...arrived].sort((a, b) =>
      byPort(this.presence.device(a)?.portLabel, this.presence.device(b)?.portLabel),
    );
    for (const ecid of inPortOrder) if (!this.slots.has(ecid)) void this.admit(ecid);
  }

  private onLeft(ecid: Ecid): void {
    const slot = this.slots.get(ecid);
    if (!slot) return;
    const { phase } = slot.view;
    if (isFinal(phase) || phase === 'queued' || phase === 'countdown') {
      this.clock.clearTimeout(slot.countdown);
      if (!isFinal(phase)) this.dispatch(slot, { type: 'cancelled', at: this.clock.now() });
      this.slots.delete(ecid);
      this.events.jobRemoved(ecid);
      this.emitRun();
      return;
    }
    if (slot.rebootUntil < this.clock.now()) this.noteDrop();
  }

  /** Devices keep dropping off USB mid-step: the cap comes down, and the header says why (./drop-watch.ts). */
  private noteDrop(): void {
    const lowered = this.dropWatch.noteDrop(this.limit.limit);
    if (!lowered) return;
    this.limit.setInForce(lowered.limit);
    this.state = { ...this.state, concurrencyNote: lowered.note };
    this.emitRun();
  }

  /** A lowered cap doubles back, up to the operator's number, after a quiet window (./drop-watch.ts). */
  private recoverCap(): void {
    const raised = this.dropWatch.recover(this.limit.limit, this.limit.setting);
    if (!raised) return;
    this.limit.setInForce(raised.limit);
    const { concurrencyNote: _before, ...rest } = this.state;
    this.state = raised.note === undefined ? rest : { ...rest, concurrencyNote: raised.note };
    if (this.started && !this.closed) this.emitRun();
  }

  private async admit(ecid: Ecid): Promise<void> {
    const workflow = this.options.workflows.get(this.state.workflowId);
    const profileSha256 = this.options.profile.current()?.sha256;
    const slot = this.createSlot(ecid, workflow, profileSha256);
    if (!slot) return;
    // The rename counter is reserved now, in admission (port) order, so the editor's preview comes true.
    try {
      for (const step of slot.workflow.steps)
        if (step.kind === 'rename' && templateHasCounter(step.template))
          this.names.admit(step.template, [ecid]);
    } catch (error) {
      // The names file cannot be written: the rename step asks again and fails saying why; nothing else waits.
      this.options.log?.(`could not reserve a name counter for ${ecid}`, error);
    }
    const rules = {
      ignoreEcids: this.settings.ignoreEcids,
      ignoreSerials: this.settings.ignoreSerials,
      history: this.history,
      workflowId: slot.workflow.id,
      ...(profileSha256 ? { profileSha256 } : {}),
    };
    const listed = benchDeviceKind(this.presence.device(ecid) ?? {});
    if (listed.kind !== 'bench') {
      const reason = listed.kind === 'in-recovery' ? 'recovery-mode' : 'not-an-ios-device';
      return void this.dispatch(slot, { type: 'skipped', at: this.clock.now(), reason });
    }
    const byEcid = admitByEcid(ecid, rules);
    if (byEcid.kind === 'interrupted' && byEcid.stepIndex !== undefined) {
      slot.view = {
        ...slot.view,
        stepIndex: byEcid.stepIndex,
        step: slot.workflow.steps[byEcid.stepIndex]?.kind,
      };
    }
    if (this.settle(slot, byEcid)) return;
    this.admitting.add(ecid);
    try {
      const read = await this.readFacts(ecid, slot);
      if (this.slots.get(ecid) !== slot || slot.view.phase !== 'queued') return;
      if (this.settle(slot, admitBySerial(read?.values.serialNumber, rules))) return;
      if (this.state.armed) this.beginCountdown(slot);
    } finally {
      this.admitting.delete(ecid);
    }
  }

  /** Applies a decision that ends admission; false for a new job. */
  private settle(slot: Slot, admission: Admission): boolean {
    const event = admissionEvent(admission, this.clock.now());
    if (event) this.dispatch(slot, event);
    return event !== undefined;
  }

  private createSlot(
    ecid: Ecid,
    workflow: Workflow | undefined,
    profileSha256: string | undefined,
  ): Slot | undefined {
    if (!workflow) {
      this.options.log?.(`workflow ${this.state.workflowId} not found; ${ecid} gets no job`);
      return undefined;
    }
    // The name the device came with, as listed: the card shows it beside ours once the bench renames it.
    const listedName = this.presence.device(ecid)?.name;
    const view = newJob({
      jobId: randomUUID(),
      ecid,
      workflowId: workflow.id,
      stepCount: workflow.steps.length,
      ...(listedName ? { deviceName: listedName } : {}),
    });
    const slot: Slot = {
      view,
      workflow,
      rebootUntil: 0,
      lastRead: new LastRead(),
      words: new Set(),
      ...(profileSha256 ? { profileSha256 } : {}),
    };
    this.slots.set(ecid, slot);
    this.recorder.created(slot);
    this.events.jobChanged(this.viewOf(slot), true);
    this.emitRun();
    return slot;
  }

  /** The facts read on arrival; a device that cannot answer yet (unpaired, locked) still gets its job. */
  private async readFacts(ecid: Ecid, slot: Slot): Promise<DeviceRead | undefined> {
    const client = this.options.client.current();
    if (!client) return undefined;
    try {
      const read = await readOnArrival({
        client,
        ecid,
        slot,
        ours: this.contexts.ours(),
        now: () => this.clock.now(),
        generation: this.presence.generation(ecid),
      });
      this.noteRead(slot, read);
      return read;
    } catch (error) {
      this.options.log?.(`could not read ${ecid} on arrival`, error);
      return undefined;
    }
  }

  private noteRead(slot: Slot, read: DeviceRead): void {
    slot.values = { ...slot.values, ...read.values };
    const before = slot.facts;
    // A step reads only what it decides on: the facts it did not read stay as last seen.
    slot.facts = { ...before, ...read.facts };
    // The device's own name: the first one read before any step ran (a later read may show the name we gave).
    const ownName = read.values.name;
    if (
      slot.view.deviceName === undefined &&
      slot.view.steps.length === 0 &&
      typeof ownName === 'string' &&
      ownName
    )
      this.dispatch(slot, { type: 'named', deviceName: safeDeviceName(ownName) });
    const serial = read.values.serialNumber;
    if (serial) {
      const known = slot.view.serialNumber;
      this.dispatch(slot, { type: 'identified', serialNumber: serial });
      if (known !== serial) this.options.serialRead?.(slot.view.ecid, serial);
    }
    const { readAt: _a, ...now } = read.facts;
    const { readAt: _b, ...was } = before ?? { readAt: 0 };
    if (JSON.stringify(now) !== JSON.stringify(was)) this.events.factsChanged(slot.view.ecid, read.facts);
  }

  // ---- starting and running ----

  private beginCountdown(slot: Slot): void {
    const ms = this.settings.countdownMs ?? this.settings.countdownSeconds * 1000;
    this.dispatch(slot, { type: 'countdown', at: this.clock.now(), endsAt: this.clock.now() + ms });
    this.clock.clearTimeout(slot.countdown);
    slot.countdown = this.clock.setTimeout(() => {
      if (slot.view.phase === 'countdown' && !this.state.paused && this.slots.get(slot.view.ecid) === slot)
        this.startJob(slot);
    }, ms);
  }

  private startJob(slot: Slot): void {
    this.clock.clearTimeout(slot.countdown);
    if (slot.controller || this.closed) return;
    const client = this.options.client.current();
    if (!client) {
      this.dispatch(slot, { type: 'failed', at: this.clock.now(), error: noEngine() });
      return;
    }
    const controller = new AbortController();
    slot.controller = controller;
    this.firstStart ??= this.clock.now();
    const from = slot.view.stepIndex ?? 0;
    const ctx = this.contexts.contextFor(slot, controller, client, {
      dispatch: (event) => this.dispatch(slot, event),
      noteRead: (read) => this.noteRead(slot, read),
    });
    void runJob(ctx, from, {
      unpaused: () => this.unpaused(),
      measured: (step, ms) => this.times.record(step, ms),
    }).finally(() => {
      if (slot.controller === controller) slot.controller = undefined;
      for (const word of slot.words) word();
    });
  }

  /** Operator's Retry: a new job (each job ends once in the bench log) that continues at the step it stopped. */
  private retry(slot: Slot): void {
    if (slot.controller) return;
    const requeued = reduceJob(slot.view, { type: 'requeued', at: this.clock.now() });
    if (requeued === slot.view) return;
    this.renew(slot, requeued);
    this.startJob(slot);
  }

  /** Operator's Rerun of a device that is done: the whole workflow again, as a new job. */
  private rerun(slot: Slot): void {
    if (slot.controller) return;
    const fresh = newJob({
      jobId: slot.view.jobId,
      ecid: slot.view.ecid,
      workflowId: slot.workflow.id,
      stepCount: slot.workflow.steps.length,
      ...(slot.view.serialNumber ? { serialNumber: slot.view.serialNumber } : {}),
      ...(slot.view.deviceName ? { deviceName: slot.view.deviceName } : {}),
    });
    this.renew(slot, fresh);
    this.startJob(slot);
  }

  /**
   * An ADE job that ended without enrolling (no ADE configuration, typically) goes on as direct enrollment: a
   * new job of `supervise-and-enroll` on the same device. Nothing is erased again by this: that workflow's
   * erase step sends nothing to a device already at Setup Assistant (erase-step.ts).
   */
  private switchToDirect(slot: Slot): void {
    const { phase } = slot.view;
    if (slot.controller || (phase !== 'failed' && phase !== 'interrupted' && phase !== 'cancelled'))
      refuse(
        'Cannot switch now',
        'Only an ADE job that failed, was interrupted or cancelled can be switched.',
      );
    if (!slot.workflow.steps.some((s) => s.kind === 'prepare-ade'))
      refuse('Not an ADE job', 'Switch to direct enrollment is for a job of an ADE workflow (ade-reenroll).');
    const direct =
      this.options.workflows.get(SUPERVISE_AND_ENROLL) ??
      refuse('No direct enrollment workflow', `The workflow "${SUPERVISE_AND_ENROLL}" is missing.`);
    slot.workflow = direct;
    const fresh = newJob({
      jobId: slot.view.jobId,
      ecid: slot.view.ecid,
      workflowId: direct.id,
      stepCount: direct.steps.length,
      ...(slot.view.serialNumber ? { serialNumber: slot.view.serialNumber } : {}),
      ...(slot.view.deviceName ? { deviceName: slot.view.deviceName } : {}),
    });
    this.renew(slot, fresh);
    this.startJob(slot);
  }

  private renew(slot: Slot, view: JobView): void {
    slot.view = { ...view, jobId: randomUUID() };
    this.recorder.created(slot);
    this.recorder.transition(slot);
    this.events.jobChanged(this.viewOf(slot), true);
    this.emitRun();
  }

  /** Resolves when the operator has not paused the bench and the journal can record the next step. */
  private async unpaused(): Promise<void> {
    while ((this.state.paused || this.state.recordingProblem !== undefined) && !this.closed) {
      await new Promise<void>((resolve) => this.pauseWaiters.add(resolve));
    }
  }

  private wakePaused(): void {
    for (const wake of [...this.pauseWaiters]) wake();
    this.pauseWaiters.clear();
  }

  /** The journal cannot write (disk full…): no step starts until it can; the header says why. */
  private onRecordingProblem(problem: string | undefined): void {
    const { recordingProblem: _previous, ...rest } = this.state;
    this.state = problem === undefined ? rest : { ...rest, recordingProblem: problem };
    if (problem === undefined) this.wakePaused();
    this.options.log?.(problem ?? 'The journal can be written again; jobs go on.');
    this.emitRun();
  }

  /**
   * The operator's word wakes the wait. Pressed while the job is between polls (reading the device), it is
   * kept for the next poll of the same wait rather than lost; the wait's end (`resume`) and any phase other
   * than waiting drop it, so a word never answers a later wait.
   */
  private giveWord(slot: Slot): void {
    if (slot.words.size === 0) slot.wordPending = true;
    for (const word of slot.words) word();
    slot.words.clear();
  }

  // ---- state changes, journal and events ----

  private dispatch(slot: Slot, event: JobEvent): void {
    const before = slot.view;
    const after = reduceJob(before, event);
    if (after === before) return;
    slot.view = after;
    // A kept word belongs to the wait it answered: gone once the job no longer waits for a person, or waits
    // for something else (a Read again given to "cannot tell" must never answer an in-use Erase question).
    if (after.phase !== 'waiting-for-operator' || after.waiting?.reason !== before.waiting?.reason)
      slot.wordPending = false;
    const moved =
      after.phase !== before.phase ||
      after.stepIndex !== before.stepIndex ||
      after.attempt !== before.attempt ||
      after.waiting?.instruction !== before.waiting?.instruction;
    if (moved) this.recorder.transition(slot);
    if (isFinal(after.phase) && !isFinal(before.phase)) this.recorder.ended(slot, this.settings.stationName);
    this.events.jobChanged(this.viewOf(slot), moved);
    // A finished step moves the cart's time left (a new measurement, a job one step on): the header follows.
    if (after.phase !== before.phase || after.stepIndex !== before.stepIndex) this.emitRun();
  }

  private viewOf(slot: Slot): JobView {
    return withProgress(
      slot.view,
      slot.workflow.steps.map((s) => s.kind),
      this.times,
      this.clock.now(),
    );
  }

  private emitRun(): RunStatus {
    const run = this.runStatus();
    this.events.runChanged(run);
    return run;
  }
}

function noEngine(): ErrorInfo {
  return {
    code: 'cfgutil-missing',
    title: 'No cfgutil is running',
    detail: 'Install Apple Configurator’s Automation Tools or use the simulator, then press Retry.',
    retryable: true,
  };
}
