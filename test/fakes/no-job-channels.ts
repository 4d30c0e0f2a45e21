/**
 * The job and log channels for fakes that do not exercise them: every call is refused, as a bench composed
 * without those areas answers. Spread into a fake `InvokeChannels` object so the contract stays complete.
 */
import type {
  IntuneInvokeChannels,
  JobInvokeChannels,
  LogInvokeChannels,
  PreflightInvokeChannels,
} from '../../preload/contract';
import {
  emptyJobsSnapshot,
  unavailableIntuneChannels,
  unavailableJobChannels,
  unavailableLogChannels,
  unavailablePreflightChannels,
} from '../../main/app/unavailable-channels';

export const noJobOrLogChannels: JobInvokeChannels & LogInvokeChannels & IntuneInvokeChannels = {
  ...unavailableJobChannels(),
  ...unavailableLogChannels(),
  // Intune (issue 24) is another area these fakes do not exercise.
  ...unavailableIntuneChannels(),
};

/** The preflight and settings channels, refused, for fakes that do not exercise them. */
export const noPreflightChannels: PreflightInvokeChannels = unavailablePreflightChannels();

export { emptyJobsSnapshot };
