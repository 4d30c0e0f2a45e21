/**
 * Joins the jobs area to the bench (kept apart from create-bench.ts so that file only gains a few lines): the
 * engine factory is wrapped to remember the running engine's laned cfgutil client, the profile and identity
 * services are offered through the jobs area's small interfaces, and the five job channels are bound.
 */
import type { DeviceLocks } from '../jobs/safety/device-locks';
import type { JobInvokeChannels } from '../../preload/contract';
import type { CfgutilClient } from '../cfgutil/cfgutil-client';
import type { IdentityService } from '../identity/identity-service';
import type { JobChannelNames } from '../jobs/job-channels';
import { createJobsArea, type JobsArea } from '../jobs/jobs-area';
import { storeWorkflowSource } from '../jobs/workflow-source';
import type { JobSettings, LiveJobSettings } from '../jobs/job-board-types';
import type { WorkflowStore } from '../jobs/workflow/workflow-store';
import type { BenchSettings } from '../settings/bench-settings';
import type { ProfileService } from '../profiles/profile-service';
import type { EngineFactory, RunningEngine } from './engine';
import type { EventHub } from './event-hub';

export interface JobsWiringOptions {
  readonly hub: EventHub;
  readonly factory: EngineFactory;
  readonly dataDir: string;
  readonly profiles: ProfileService;
  readonly identities: IdentityService;
  readonly timeScale?: number;
  readonly log?: (message: string, detail?: unknown) => void;
  /** The data folder's workflows (presets included). */
  readonly workflows: WorkflowStore;
  /** The operator's settings: cap, countdown, ignore list, station name, default workflow. */
  readonly settings: BenchSettings;
  /** Issue 19: this Mac's per-device locks, passed through to the job board. */
  readonly deviceLocks?: DeviceLocks;
}

export interface JobsWiring {
  readonly area: JobsArea;
  /** The engine factory to give BenchService: same engines, their client remembered for the jobs. */
  readonly factory: EngineFactory;
  readonly channels: Pick<JobInvokeChannels, JobChannelNames>;
}

export async function jobsAreaFor(options: JobsWiringOptions): Promise<JobsWiring> {
  let client: CfgutilClient | undefined;
  const remember = async (start: Promise<RunningEngine>): Promise<RunningEngine> => {
    const engine = await start;
    client = engine.client;
    return {
      ...engine,
      close: async () => {
        if (client === engine.client) client = undefined;
        await engine.close();
      },
    };
  };
  const factory: EngineFactory = {
    startCfgutil: (path) => remember(options.factory.startCfgutil(path)),
    startSimulator: () => remember(options.factory.startSimulator()),
  };
  const { profiles, identities } = options;
  const workflows = await storeWorkflowSource(options.workflows);
  const area = await createJobsArea({
    hub: options.hub,
    dataDir: options.dataDir,
    client: { current: () => client },
    workflows,
    settings: jobSettingsFrom(options.settings),
    ...(options.deviceLocks ? { deviceLocks: options.deviceLocks } : {}),
    supervision: {
      current: () => {
        const paths = identities.paths();
        const organizationName = identities.current()?.organizationName;
        return { ...(paths ? { identity: paths } : {}), ...(organizationName ? { organizationName } : {}) };
      },
    },
    profile: {
      current: () => {
        // An expired profile (without the operator's override) is no profile for a new job.
        const gate = profiles.canStartRun();
        const summary = profiles.current();
        if (!gate.ok || !summary?.payloadIdentifier) return undefined;
        const path = gate.profilePath;
        return { path, payloadIdentifier: summary.payloadIdentifier, sha256: summary.sha256 };
      },
    },
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const { channels } = area;
  return {
    area: {
      ...area,
      close: async () => {
        workflows.close();
        await area.close();
      },
    },
    factory,
    channels: {
      setArmed: (req) => channels.setArmed(req),
      setPaused: (req) => channels.setPaused(req),
      selectWorkflow: (req) => channels.selectWorkflow(req),
      jobAction: (req) => channels.jobAction(req),
      retryFailed: () => channels.retryFailed(),
    },
  };
}

/** What a save in the Settings panel changes in the running jobs area (the default workflow waits for a start). */
export function liveJobSettingsFrom(settings: BenchSettings): Omit<LiveJobSettings, 'countdownMs'> {
  return {
    concurrency: settings.concurrency,
    countdownSeconds: settings.countdownSeconds,
    ignoreSerials: settings.ignore.serials,
    ignoreEcids: settings.ignore.ecids,
    stationName: settings.stationName,
  };
}

/** The settings the jobs area takes, as plain values. */
export function jobSettingsFrom(settings: BenchSettings): Partial<JobSettings> {
  return {
    workflowId: settings.defaultWorkflowId,
    concurrency: settings.concurrency,
    countdownSeconds: settings.countdownSeconds,
    ignoreSerials: settings.ignore.serials,
    ignoreEcids: settings.ignore.ecids,
    stationName: settings.stationName,
  };
}
