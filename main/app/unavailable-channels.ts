/**
 * The answer of a contract area this bench was composed without (a test bench, or an area not built yet):
 * every call resolves to a plain refusal instead of a missing-method crash.
 */
import { countJobs } from '../../preload/counts';
import type {
  IntuneInvokeChannels,
  InvokeChannels,
  JobInvokeChannels,
  LogInvokeChannels,
  PreflightInvokeChannels,
} from '../../preload/contract';
import type { ProfileChannelName } from '../profiles/profile-channels';
import type { JobsSnapshot } from '../../preload/jobs-domain';
import type { Result } from '../../preload/domain';

function refusal(area: string): Promise<Result<never>> {
  return Promise.resolve({
    ok: false,
    error: {
      code: 'invalid-request',
      title: `${area} is not available here`,
      detail: `This bench was started without ${area.toLowerCase()}.`,
      retryable: false,
    },
  });
}

export function unavailableJobChannels(): JobInvokeChannels {
  const no = () => refusal('Provisioning');
  return {
    setArmed: no,
    setPaused: no,
    selectWorkflow: no,
    jobAction: no,
    retryFailed: no,
    answerInUse: no,
    listWorkflows: no,
    saveWorkflow: no,
    deleteWorkflow: no,
    previewNames: no,
    listSkipPanes: no,
  };
}

export function unavailableLogChannels(): LogInvokeChannels {
  const no = () => refusal('The bench log');
  return { queryLog: no, exportLog: no };
}

export function unavailablePreflightChannels(): PreflightInvokeChannels {
  const no = () => refusal('Preflight and settings');
  return { getPreflight: no, cleanRestoreLeftovers: no, getSettings: no, saveSettings: no };
}

export function unavailableIntuneChannels(): IntuneInvokeChannels {
  const no = () => refusal('Intune');
  return {
    getIntuneStatus: no,
    connectIntune: no,
    disconnectIntune: no,
    listIntuneProfiles: no,
    pullIntuneProfile: no,
    setIntuneRefreshDays: no,
    setIntunePushSerials: no,
    getIntuneEnrollments: no,
  };
}

export function unavailableProfileChannels(): Pick<InvokeChannels, ProfileChannelName> {
  const no = () => refusal('Profiles');
  return {
    importProfile: no,
    useTrainingProfile: no,
    getProfile: no,
    overrideProfileAge: no,
    importSupervisionIdentity: no,
    createSupervisionIdentity: no,
    getSupervisionIdentity: no,
  };
}

/** What the snapshot says about jobs when there is no jobs area. */
export const emptyJobsSnapshot: JobsSnapshot = {
  jobs: [],
  facts: {},
  run: {
    armed: false,
    paused: false,
    workflowId: 'supervise-and-enroll',
    countdownSeconds: 5,
    concurrency: 8,
    counts: countJobs([]),
  },
};
