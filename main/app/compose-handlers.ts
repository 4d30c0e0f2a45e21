/**
 * One object per contract area, joined into the handler object the dispatcher serves. A channel that no area
 * implements does not compile (`satisfies InvokeChannels`); an area a bench was composed without answers
 * with a plain refusal (./unavailable-channels.ts).
 */
import type {
  IntuneInvokeChannels,
  InvokeChannels,
  JobInvokeChannels,
  LogInvokeChannels,
  PreflightInvokeChannels,
} from '../../preload/contract';
import type { ProfileChannelName } from '../profiles/profile-channels';
import type { EngineChannelName, EngineSupervisor } from './engine-supervisor';
import type { SimulatorChannels } from './simulator-channels';
import {
  unavailableIntuneChannels,
  unavailableJobChannels,
  unavailableLogChannels,
  unavailablePreflightChannels,
  unavailableProfileChannels,
} from './unavailable-channels';

export interface BenchAreas {
  readonly engines: EngineSupervisor;
  readonly simulator: Pick<SimulatorChannels, 'simulate'>;
  readonly profiles?: Pick<InvokeChannels, ProfileChannelName>;
  readonly jobs?: JobInvokeChannels;
  readonly log?: LogInvokeChannels;
  readonly preflight?: PreflightInvokeChannels;
  readonly intune?: IntuneInvokeChannels;
}

export function composeHandlers(areas: BenchAreas): InvokeChannels {
  const { engines, simulator } = areas;
  const profiles = areas.profiles ?? unavailableProfileChannels();
  const engineChannels: Pick<InvokeChannels, EngineChannelName | 'simulate'> = {
    getSnapshot: () => engines.getSnapshot(),
    useSimulator: () => engines.useSimulator(),
    recheckEngine: () => engines.recheckEngine(),
    chooseCfgutil: (req) => engines.chooseCfgutil(req),
    simulate: (action) => simulator.simulate(action),
  };
  const profileChannels: Pick<InvokeChannels, ProfileChannelName> = {
    importProfile: (req) => profiles.importProfile(req),
    useTrainingProfile: () => profiles.useTrainingProfile(),
    getProfile: () => profiles.getProfile(),
    overrideProfileAge: (req) => profiles.overrideProfileAge(req),
    importSupervisionIdentity: (req) => profiles.importSupervisionIdentity(req),
    createSupervisionIdentity: (req) => profiles.createSupervisionIdentity(req),
    getSupervisionIdentity: () => profiles.getSupervisionIdentity(),
  };
  return {
    ...engineChannels,
    ...profileChannels,
    ...(areas.jobs ?? unavailableJobChannels()),
    ...(areas.log ?? unavailableLogChannels()),
    ...(areas.preflight ?? unavailablePreflightChannels()),
    ...(areas.intune ?? unavailableIntuneChannels()),
  } satisfies InvokeChannels;
}
