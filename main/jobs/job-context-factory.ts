/**
 * Builds the per-job context (./job-context.ts) a runner gets: the device's client with its last read, the
 * abortable waits on the board's clock, the heavy-step cap, the device's comings and goings, the operator's
 * word, and the board's own hooks to move the job's state and note what a read showed.
 */
import type { OperatorReason } from '../../preload/jobs-domain';
import type { CfgutilClient } from '../cfgutil/cfgutil-client';
import { abortableWait } from './abortable-wait';
import type { DeviceRead, OurIdentity } from './device-read';
import type { DevicePresence } from './device-presence';
import { instructionFor } from './guidance';
import type { HeavyStepLimit } from './heavy-step-limit';
import type { Clock } from '../async/clock';
import type { ProfileSource, SupervisionSource } from './job-board-types';
import type { JobContext } from './job-context';
import type { JobSlot } from './job-slot';
import type { JobEvent } from './job-state';
import type { JobTimings } from './job-timings';
import { forgetOnChange } from './last-read';
import type { SafetySource } from './safety/safety-source';
import type { NameBook } from './workflow/name-book';
import { templateHasCounter } from './workflow/name-template';

export interface JobContextDeps {
  readonly clock: Clock;
  readonly timings: JobTimings;
  readonly limit: HeavyStepLimit;
  readonly presence: DevicePresence;
  readonly supervision: SupervisionSource;
  readonly profile: ProfileSource;
  readonly random?: () => number;
  readonly extraProfilesDir?: string;
  /** The change guard's inputs: the live ignore lists, the in-use answer, the device locks (./safety/). */
  readonly safety: SafetySource;
  /** Rename counters reserved at admission and names given (./workflow/name-book.ts). */
  readonly names: NameBook;
  /** Apple's product type of the device (`iPhone14,6`), when known. */
  readonly deviceType: (ecid: JobSlot['view']['ecid']) => string | undefined;
}

/** The board's side of a job: how its state moves and where its reads go. */
export interface JobHooks {
  dispatch(event: JobEvent): void;
  noteRead(read: DeviceRead): void;
}

export class JobContextFactory {
  constructor(private readonly deps: JobContextDeps) {}

  /** Who "ours" is for a read: the organisation we supervise as and the profile we install. */
  ours(): OurIdentity {
    const supervision = this.deps.supervision.current();
    const profile = this.deps.profile.current();
    return {
      ...(supervision.organizationName ? { organizationName: supervision.organizationName } : {}),
      ...(profile ? { profileIdentifier: profile.payloadIdentifier } : {}),
    };
  }

  contextFor(slot: JobSlot, controller: AbortController, client: CfgutilClient, hooks: JobHooks): JobContext {
    const { clock, presence, timings } = this.deps;
    const { ecid } = slot.view;
    const { signal } = controller;
    const supervision = this.deps.supervision.current();
    const profile = this.deps.profile.current();
    const wait = (ms: number, register?: (wake: () => void) => () => void) =>
      abortableWait(clock, signal, ms, register);
    return {
      ecid,
      client: forgetOnChange(client, slot.lastRead),
      lastRead: slot.lastRead,
      signal,
      timings,
      workflow: slot.workflow,
      ...(supervision.identity ? { identity: supervision.identity } : {}),
      ours: this.ours(),
      safety: this.deps.safety,
      ...(profile ? { profile } : {}),
      ...(this.deps.extraProfilesDir ? { extraProfilesDir: this.deps.extraProfilesDir } : {}),
      now: () => clock.now(),
      sleep: async (ms) => void (await wait(ms)),
      random: this.deps.random ?? Math.random,
      dispatch: (event) => hooks.dispatch(event),
      heavy: (task) => this.deps.limit.run(task, signal),
      noteRead: (read) => hooks.noteRead(read),
      isPresent: () => presence.isPresent(ecid),
      generation: () => presence.generation(ecid),
      waitForDeviceChange: async (ms) => {
        await wait(ms, (wake) => {
          const change = presence.nextChange(ecid);
          void change.changed.then(wake);
          return change.cancel;
        });
      },
      expectReboot: (until) => void (slot.rebootUntil = until),
      rebootExpected: () => slot.rebootUntil > clock.now(),
      waitForOperatorWord: (ms) => {
        // A word pressed while the job was reading the device (no poll listening) answers this poll.
        if (slot.wordPending) {
          slot.wordPending = false;
          return Promise.resolve(true);
        }
        return wait(ms, (wake) => {
          slot.words.add(wake);
          return () => slot.words.delete(wake);
        });
      },
      nameFor: (template, expand) =>
        this.deps.names.nameFor(
          template,
          { ecid, ...(slot.view.serialNumber ? { serial: slot.view.serialNumber } : {}) },
          expand,
          templateHasCounter(template),
        ),
      modelName: () => presence.device(ecid)?.model,
      deviceType: () => this.deps.deviceType(ecid),
      serialNumber: () => slot.view.serialNumber,
      setWaiting: (reason: OperatorReason, instruction?: string) =>
        hooks.dispatch({
          type: 'waiting-for-operator',
          at: clock.now(),
          reason,
          instruction: instruction ?? instructionFor(reason),
        }),
      resume: () => {
        slot.wordPending = false;
        hooks.dispatch({ type: 'resumed' });
      },
    };
  }
}
