/**
 * What a running job may use: its device's (laned) cfgutil client, the heavy-step cap, the device's comings
 * and goings, the operator's word, and a way to move its own state. Built per job by the job board; steps
 * depend only on this interface, so they can be tested with a scripted client.
 */
import type { Ecid } from '../../preload/domain';
import type { OperatorReason, Workflow } from '../../preload/jobs-domain';
import type { CfgutilClient, SupervisionIdentity } from '../cfgutil/cfgutil-client';
import type { DeviceRead, OurIdentity } from './device-read';
import type { JobEvent } from './job-state';
import type { JobTimings } from './job-timings';
import type { LastRead } from './last-read';
import type { SafetySource } from './safety/safety-source';

/** The enrollment profile a job installs. */
export interface EnrollmentProfile {
  readonly path: string;
  readonly payloadIdentifier: string;
  readonly sha256?: string;
  /**
   * Runs before the install (issue 25: an ACME profile's serial is pushed to Intune first). A throw stops the
   * install with its words; Retry runs it again.
   */
  readonly beforeInstall?: (serial: string | undefined, signal: AbortSignal) => Promise<void>;
}

export interface JobContext {
  readonly ecid: Ecid;
  /** The device's client; every command that may change the device forgets `lastRead`. */
  readonly client: CfgutilClient;
  /** The device's last `get` (the board's arrival read included), while nothing has changed since. */
  readonly lastRead: LastRead;
  readonly signal: AbortSignal;
  readonly timings: JobTimings;
  readonly workflow: Workflow;
  readonly identity?: SupervisionIdentity;
  readonly ours: OurIdentity;
  /** The ignore lists, the in-use answer and the device locks the change guard checks (./safety/). */
  readonly safety: SafetySource;
  readonly profile?: EnrollmentProfile;
  /** Absolute folder of extra profiles (`install-extra-profiles`). */
  readonly extraProfilesDir?: string;
  now(): number;
  /** Abortable sleep on the job's clock. */
  sleep(ms: number): Promise<void>;
  random(): number;
  dispatch(event: JobEvent): void;
  /** Runs a heavy command under the bench-wide cap. */
  heavy<T>(task: () => Promise<T>): Promise<T>;
  /** Stores what a read showed (facts for the UI, serial for the journal). */
  noteRead(read: DeviceRead): void;
  /** Whether the device is listed now, and how many times it has (re)appeared since the bench saw it. */
  isPresent(): boolean;
  generation(): number;
  /** Resolves on the next attach/detach of this device, or after `ms`. */
  waitForDeviceChange(ms: number): Promise<void>;
  /** Marks the window in which a detach is this job's own reboot, not a drop-off. */
  expectReboot(untilMs: number): void;
  rebootExpected(): boolean;
  /** Resolves when the operator presses Continue / Retry on this job (or after `ms`); true when pressed. */
  waitForOperatorWord(ms: number): Promise<boolean>;
  /**
   * The device's name from `expand(counter)` with the counter it holds for `template` (reserved at
   * admission), never a name given to another device: undefined when only a counter could avoid that.
   */
  nameFor(template: string, expand: (counter: number) => string): string | undefined;
  /** The device's human model name, when known. */
  modelName(): string | undefined;
  /** Apple's product type (`iPhone14,6`), when known. */
  deviceType(): string | undefined;
  /** The serial number read so far. */
  serialNumber(): string | undefined;
  setWaiting(reason: OperatorReason, instruction?: string): void;
  resume(): void;
}
