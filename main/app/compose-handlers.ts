/**
 * One object per contract area, joined into the handler object the dispatcher serves. A channel that no area
 * implements does not compile (`satisfies InvokeChannels`).
 */
import type {
  IntuneInvokeChannels,
  InvokeChannels,
  JobInvokeChannels,
  LogInvokeChannels,
  PreflightInvokeChannels,
} from '../../preload/contract';
import type { BenchService, BenchServiceChannels } from './bench-service';
import {
  unavailableIntuneChannels,
  unavailableJobChannels,
  unavailableLogChannels,
  unavailablePreflightChannels,
} from './unavailable-channels';

export function composeHandlers(
  service: BenchService,
  jobs: JobInvokeChannels = unavailableJobChannels(),
  log: LogInvokeChannels = unavailableLogChannels(),
  preflight: PreflightInvokeChannels = unavailablePreflightChannels(),
  intune: IntuneInvokeChannels = unavailableIntuneChannels(),
): InvokeChannels {
  return { ...serviceChannels(service), ...jobs, ...log, ...preflight, ...intune } satisfies InvokeChannels;
}

/** The service's channel methods bound to it, so they can be spread beside the other areas. */
function serviceChannels(service: BenchService): BenchServiceChannels {
  return {
    getSnapshot: () => service.getSnapshot(),
    useSimulator: () => service.useSimulator(),
    simulate: (action) => service.simulate(action),
    recheckEngine: () => service.recheckEngine(),
    chooseCfgutil: (req) => service.chooseCfgutil(req),
    importProfile: (req) => service.importProfile(req),
    getProfile: () => service.getProfile(),
    overrideProfileAge: (req) => service.overrideProfileAge(req),
    importSupervisionIdentity: (req) => service.importSupervisionIdentity(req),
    createSupervisionIdentity: (req) => service.createSupervisionIdentity(req),
    getSupervisionIdentity: () => service.getSupervisionIdentity(),
  };
}
