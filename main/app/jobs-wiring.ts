/**
 * The jobs area as the app and `serve` join it (kept apart from create-bench.ts): the provisioning pipeline
 * from ./compose-provisioning.ts with its device list and job events going to the UIs through the hub, the
 * profile and identity services offered through the board's small interfaces, and the five job channels.
 */
import type { EngineStatus } from '../../preload/domain';
import { isTraining, trainingRefusal } from '../profiles/training-profile';
import type { BeforeInstall } from '../intune/enrollment/install-gate';
import type { DeviceLocks } from '../jobs/safety/device-locks';
import type { JobInvokeChannels } from '../../preload/contract';
import type { IdentityService } from '../identity/identity-service';
import type { ProfileSource, SupervisionSource, WorkflowSource } from '../jobs/job-board-types';
import { JobChannels, type JobChannelNames } from '../jobs/job-channels';
import { JobEventForwarder } from '../jobs/job-event-forwarder';
import type { ProfileService } from '../profiles/profile-service';
import {
  composeProvisioning,
  type Provisioning,
  type ProvisioningSettings,
  type ProvisioningTuning,
} from './compose-provisioning';
import type { DeviceOutput } from './device-intake';
import type { EventHub } from '../events/event-hub';

export interface JobsWiringOptions {
  readonly hub: EventHub;
  readonly dataDir: string;
  readonly supervision: SupervisionSource;
  readonly profile: ProfileSource;
  readonly timeScale?: number;
  readonly log?: (message: string, detail?: unknown) => void;
  /** The data folder's workflows (presets included). */
  readonly workflows: WorkflowSource;
  /** The operator's settings: cap, countdown, ignore list, station name, default workflow. */
  readonly settings: ProvisioningSettings;
  readonly tuning?: ProvisioningTuning;
  /** Issue 19: this Mac's per-device locks, passed through to the job board. */
  readonly deviceLocks?: DeviceLocks;
  /** Issue 25: runs before each enrollment-profile install (ACME serial push), filled in by the Intune area. */
  readonly beforeInstall?: BeforeInstall;
}

export interface JobsWiring {
  readonly provisioning: Provisioning;
  readonly channels: Pick<JobInvokeChannels, JobChannelNames>;
}

/** The device list and the watcher's health, to every UI. */
export function hubDeviceOutput(hub: Pick<EventHub, 'emit'>): DeviceOutput {
  return {
    devicesChanged: (devices) => hub.emit('devicesChanged', { devices }),
    watcherChanged: (watcher) => hub.emit('watcherChanged', { watcher }),
  };
}

export async function jobsAreaFor(options: JobsWiringOptions): Promise<JobsWiring> {
  const provisioning = await composeProvisioning({
    dataDir: options.dataDir,
    settings: options.settings,
    workflows: options.workflows,
    supervision: options.supervision,
    profile: options.profile,
    events: new JobEventForwarder(options.hub),
    devices: hubDeviceOutput(options.hub),
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
    ...(options.deviceLocks ? { safety: { deviceLocks: options.deviceLocks } } : {}),
    ...(options.beforeInstall ? { beforeInstall: options.beforeInstall } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const channels = new JobChannels(() => provisioning.board);
  return {
    provisioning,
    channels: {
      setArmed: (req) => channels.setArmed(req),
      setPaused: (req) => channels.setPaused(req),
      selectWorkflow: (req) => channels.selectWorkflow(req),
      jobAction: (req) => channels.jobAction(req),
      retryFailed: () => channels.retryFailed(),
      answerInUse: () => channels.answerInUse(),
    },
  };
}

/** Who the bench supervises as: the stored identity's files and organisation. */
export function supervisionOf(identities: IdentityService): SupervisionSource {
  return {
    current: () => {
      const paths = identities.paths();
      const organizationName = identities.current()?.organizationName;
      return { ...(paths ? { identity: paths } : {}), ...(organizationName ? { organizationName } : {}) };
    },
  };
}

/**
 * The imported profile; an expired one (without the operator's override) is no profile for a new job, and
 * neither is the training profile unless the engine in use is the simulator.
 */
export function profileOf(
  profiles: ProfileService,
  engine: () => Pick<EngineStatus, 'kind'> | undefined = () => undefined,
): ProfileSource {
  return {
    current: () => {
      const gate = profiles.canStartRun();
      const summary = profiles.current();
      if (!gate.ok || !summary?.payloadIdentifier) return undefined;
      if (isTraining(summary) && trainingRefusal(engine())) return undefined;
      return { path: gate.profilePath, payloadIdentifier: summary.payloadIdentifier, sha256: summary.sha256 };
    },
  };
}
