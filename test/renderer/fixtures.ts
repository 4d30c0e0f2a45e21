/**
 * Devices, snapshots and a scriptable BenchApi for renderer tests.
 */
import type {
  BenchApi,
  EventChannelName,
  EventPayload,
  InvokeChannels,
  MenuCommand,
} from '../../preload/contract';
import type { BenchSnapshot, Device, EngineStatus, Result, SimulatorAction } from '../../preload/domain';
import { noProfileChannels } from '../main/profiles/fake-profile-channels';
import { skipPaneCatalogue } from '../../main/cfgutil/skip-pane-names';
import { emptyJobsSnapshot, noJobOrLogChannels, noPreflightChannels } from '../fakes/no-job-channels';

export function device(n: number, extra: Partial<Device> = {}): Device {
  return {
    ecid: `0x${(0x1000 + n).toString(16).toUpperCase()}`,
    name: `iPad ${n}`,
    deviceType: 'iPad13,18',
    model: 'iPad (10th generation)',
    serialNumber: `SER${n}`,
    portLabel: `Port 2 › ${n}`,
    mode: 'normal',
    attachedAt: 1_000 + n,
    ...extra,
  };
}

export function snapshot(extra: Partial<BenchSnapshot> = {}): BenchSnapshot {
  return {
    seq: 0,
    devices: [],
    engine: { kind: 'simulator', reason: 'requested' },
    watcher: { state: 'ok' },
    jobs: emptyJobsSnapshot,
    profile: null,
    identity: null,
    workflows: { workflows: [], problems: [] },
    ...extra,
  };
}

/** A BenchApi whose answers tests control and whose events tests emit. */
export class FakeBenchApi implements BenchApi {
  snapshots: Result<BenchSnapshot>[] = [];
  readonly actions: SimulatorAction[] = [];
  simulateResult: Result<string[]> = { ok: true, value: [] };
  useSimulatorCalls = 0;
  /** The Electron preload's menu-bar commands; a test that plays the menu sets it. */
  onMenuCommand?: (listener: (command: MenuCommand) => void) => () => void;
  private readonly listeners = new Map<EventChannelName, Set<(payload: never) => void>>();

  async getSnapshot(): Promise<Result<BenchSnapshot>> {
    return this.snapshots.shift() ?? { ok: true, value: snapshot() };
  }
  async useSimulator(): Promise<Result<{ kind: 'simulator'; reason: 'operator-chose' }>> {
    this.useSimulatorCalls += 1;
    return { ok: true, value: { kind: 'simulator', reason: 'operator-chose' } };
  }
  async simulate(action: SimulatorAction): Promise<Result<string[]>> {
    this.actions.push(action);
    return this.simulateResult;
  }
  readonly chosenCfgutilPaths: string[] = [];
  recheckResult: Result<EngineStatus> = { ok: true, value: { kind: 'missing', searched: [] } };
  recheckCalls = 0;
  async recheckEngine(): Promise<Result<EngineStatus>> {
    this.recheckCalls += 1;
    return this.recheckResult;
  }
  async chooseCfgutil(request: { readonly path: string }): Promise<Result<EngineStatus>> {
    this.chosenCfgutilPaths.push(request.path);
    return { ok: true, value: { kind: 'cfgutil', path: request.path } };
  }
  readonly importProfile = noProfileChannels.importProfile;
  useTrainingProfile: InvokeChannels['useTrainingProfile'] = noProfileChannels.useTrainingProfile;
  readonly getProfile = noProfileChannels.getProfile;
  readonly overrideProfileAge = noProfileChannels.overrideProfileAge;
  readonly importSupervisionIdentity = noProfileChannels.importSupervisionIdentity;
  readonly createSupervisionIdentity = noProfileChannels.createSupervisionIdentity;
  readonly getSupervisionIdentity = noProfileChannels.getSupervisionIdentity;
  readonly setArmed = noJobOrLogChannels.setArmed;
  readonly setPaused = noJobOrLogChannels.setPaused;
  readonly selectWorkflow = noJobOrLogChannels.selectWorkflow;
  readonly jobAction = noJobOrLogChannels.jobAction;
  readonly retryFailed = noJobOrLogChannels.retryFailed;
  // Assignable, so the in-use banner's test can answer it its own way.
  answerInUse: InvokeChannels['answerInUse'] = noJobOrLogChannels.answerInUse;
  readonly listWorkflows = noJobOrLogChannels.listWorkflows;
  readonly saveWorkflow = noJobOrLogChannels.saveWorkflow;
  readonly deleteWorkflow = noJobOrLogChannels.deleteWorkflow;
  readonly previewNames = noJobOrLogChannels.previewNames;
  /** The known list, as main answers with no engine (assignable: a test may answer as a newer cfgutil). */
  listSkipPanes: InvokeChannels['listSkipPanes'] = async () => ({
    ok: true,
    value: skipPaneCatalogue(undefined),
  });
  readonly queryLog = noJobOrLogChannels.queryLog;
  readonly exportLog = noJobOrLogChannels.exportLog;
  // Assignable, so the Intune pane's test can answer these its own way.
  getIntuneStatus: InvokeChannels['getIntuneStatus'] = noJobOrLogChannels.getIntuneStatus;
  connectIntune: InvokeChannels['connectIntune'] = noJobOrLogChannels.connectIntune;
  disconnectIntune: InvokeChannels['disconnectIntune'] = noJobOrLogChannels.disconnectIntune;
  listIntuneProfiles: InvokeChannels['listIntuneProfiles'] = noJobOrLogChannels.listIntuneProfiles;
  pullIntuneProfile: InvokeChannels['pullIntuneProfile'] = noJobOrLogChannels.pullIntuneProfile;
  setIntuneRefreshDays: InvokeChannels['setIntuneRefreshDays'] = noJobOrLogChannels.setIntuneRefreshDays;
  setIntunePushSerials: InvokeChannels['setIntunePushSerials'] = noJobOrLogChannels.setIntunePushSerials;
  getIntuneEnrollments: InvokeChannels['getIntuneEnrollments'] = noJobOrLogChannels.getIntuneEnrollments;
  // Assignable, so a panel's test can answer these its own way.
  getPreflight: InvokeChannels['getPreflight'] = noPreflightChannels.getPreflight;
  cleanRestoreLeftovers: InvokeChannels['cleanRestoreLeftovers'] = noPreflightChannels.cleanRestoreLeftovers;
  getSettings: InvokeChannels['getSettings'] = noPreflightChannels.getSettings;
  saveSettings: InvokeChannels['saveSettings'] = noPreflightChannels.saveSettings;
  on<K extends EventChannelName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }
  emit<K extends EventChannelName>(channel: K, payload: EventPayload<K>): void {
    for (const listener of this.listeners.get(channel) ?? [])
      (listener as (p: EventPayload<K>) => void)(payload);
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
}
