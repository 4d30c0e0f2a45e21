/** The jobs area's view of the rest of the bench: small interfaces, so the board never reaches into them. */
import type { Device, Ecid } from '../../preload/domain';
import type { DeviceFacts, JobView, RunStatus, Workflow } from '../../preload/jobs-domain';
import type { CfgutilClient, SupervisionIdentity } from '../cfgutil/cfgutil-client';
import type { EnrollmentProfile } from './job-context';

export interface WorkflowSource {
  get(id: string): Workflow | undefined;
}

/** The reconciled device list of the running engine. */
export interface DeviceFeed {
  current(): readonly Device[];
  subscribe(listener: (devices: readonly Device[]) => void): () => void;
}

/** The running engine's cfgutil client, already queued one command per device (main/devices/device-lanes.ts). */
export interface ClientSource {
  current(): CfgutilClient | undefined;
}

/** Settings the board is given as plain values (the settings store lives elsewhere). */
export interface JobSettings {
  readonly workflowId: string;
  /** Heavy steps at once (erase, prepare, restore, install). */
  readonly concurrency: number;
  /** The operator-visible countdown before an armed job starts. */
  readonly countdownSeconds: number;
  /** The countdown in clock milliseconds (scaled in simulation); defaults to `countdownSeconds` × 1000. */
  readonly countdownMs?: number;
  readonly ignoreSerials: readonly string[];
  readonly ignoreEcids: readonly string[];
  readonly stationName: string;
  readonly armed?: boolean;
}

/** What a saved setting changes in a running bench (the default workflow counts at the next start). */
export type LiveJobSettings = Pick<
  JobSettings,
  'concurrency' | 'countdownSeconds' | 'countdownMs' | 'ignoreSerials' | 'ignoreEcids' | 'stationName'
>;

/** Who the bench supervises as, and with which files. */
export interface SupervisionSource {
  current(): { readonly identity?: SupervisionIdentity; readonly organizationName?: string };
}

export interface ProfileSource {
  current(): EnrollmentProfile | undefined;
}

/** Where the board's changes go (the event forwarder, or a test's recorder). */
export interface JobEventSink {
  jobChanged(job: JobView, immediate: boolean): void;
  jobRemoved(ecid: Ecid): void;
  factsChanged(ecid: Ecid, facts: DeviceFacts): void;
  runChanged(run: RunStatus): void;
}

export const noJobEvents: JobEventSink = {
  jobChanged: () => {},
  jobRemoved: () => {},
  factsChanged: () => {},
  runChanged: () => {},
};
