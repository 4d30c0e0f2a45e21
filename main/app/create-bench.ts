/**
 * The composition root shared by the Electron app and the headless server: settings, cfgutil location,
 * engine choice, the bench service and the dispatcher in front of it.
 */
import type { DeviceLocks } from '../jobs/safety/device-locks';
import type { EngineStatus, ProfileSummary } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import { openDiagnosticsLog } from '../diagnostics/diagnostics-log';
import type { LogFn } from '../diagnostics/log-fn';
import { locateCfgutil } from '../cfgutil/locate-cfgutil';
import { IdentityService } from '../identity/identity-service';
import { LogChannels } from '../log/log-channels';
import { storedProfileSecrets } from '../log/profile-secrets';
import { createInvokeDispatcher } from '../dispatch/dispatch-invoke';
import { ProfileChannels } from '../profiles/profile-channels';
import { ProfileService } from '../profiles/profile-service';
import { resolveBenchSettings, settingsFile, type BenchSettings } from '../settings/bench-settings';
import { SettingsStore } from '../settings/settings-store';
import { SettingsChannels } from '../settings/settings-channels';
import { followSettingsFile } from '../settings/follow-settings-file';
import { benchPreflightDeps } from '../preflight/bench-preflight';
import { PreflightChannels } from '../preflight/preflight-channels';
import { WorkflowStore } from '../jobs/workflow/workflow-store';
import { readSkipPaneCatalogue } from '../cfgutil/skip-pane-names';
import { WorkflowChannels, workflowChannelMethods } from '../jobs/workflow/workflow-channels';
import type { BenchHost } from '../events/bench-host';
import { EngineSupervisor } from './engine-supervisor';
import { SimulatorChannels } from './simulator-channels';
import { createCfgutilLocator } from './cfgutil-locator';
import { chooseEngine } from '../engine/choose-engine';
import { createEngineFactory } from '../engine/engine-factory';
import { composeHandlers } from './compose-handlers';
import { createIntuneArea, type IntuneAreaOptions } from '../intune/intune-area';
import { InstallGate } from '../intune/enrollment/install-gate';
import { EventHub } from '../events/event-hub';
import { jobsAreaFor, profileOf, supervisionOf } from './jobs-wiring';
import { storeWorkflowSource } from '../jobs/workflow-source';

export interface CreateBenchOptions {
  readonly simulate: boolean;
  readonly cfgutilFlag?: string;
  readonly dataDir: string;
  readonly timeScale?: number;
  /** The simulated world's scenario (a shipped name or a JSON file). */
  readonly scenario?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  /** The diagnostics sink; by default the bench's own JSON Lines log in `<dataDir>/logs/`. */
  readonly log?: LogFn;
  /** A profile file named on the command line, imported once the bench is up. */
  readonly profileFile?: string;
  /** Issue 19: this Mac's per-device locks (`startBenchSafety`); the entry point owns and releases them. */
  readonly deviceLocks?: DeviceLocks;
  /** Issue 24: Intune against a local fake (`serve --simulate --fake-intune`). */
  readonly fakeIntune?: boolean;
  /** Issue 24: Electron's safeStorage and shell.openExternal, when running inside the app. */
  readonly intune?: Pick<IntuneAreaOptions, 'safeStorage' | 'openBrowser'>;
}

export interface Bench {
  /** The engine supervisor: which engine runs, and the event hub every UI follows. */
  readonly service: EngineSupervisor;
  readonly host: BenchHost;
  readonly engine: EngineStatus;
  /** Issue 4, main-only: `canStartRun()`, `profilePath()`, `importPath()` for "Open With" and argv files. */
  readonly profiles: ProfileService;
  /** Issue 4, main-only: `paths()` gives the DER files for cfgutil -C/-K. */
  readonly identities: IdentityService;
  /** Issue 12: the settings with defaults applied, as plain values (read once at start). */
  readonly settings: BenchSettings;
  /** The settings as they are now: after every save from a panel or `enroll-bench settings set`. */
  currentSettings(): BenchSettings;
  /** Issue 9: the presets and the workflow files of the data folder. */
  readonly workflows: WorkflowStore;
  /** Plain-language problems met while starting (bad settings file...), for the operator. */
  readonly problems: readonly string[];
  /** The verdict on `profileFile`, when one was given. */
  readonly startupProfile?: ProfileSummary;
  /** The one diagnostics sink, for the shell and the server (main/diagnostics/). */
  readonly log: LogFn;
  /** The diagnostics log file, when the bench writes its own (no `log` option given). */
  readonly logPath?: string;
  close(): Promise<void>;
}

export async function createBench(options: CreateBenchOptions): Promise<Bench> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const diagnostics = options.log ? undefined : openDiagnosticsLog({ dataDir: options.dataDir });
  const log: LogFn = options.log ?? diagnostics?.log ?? (() => {});
  const settingsStore = new SettingsStore(settingsFile(options.dataDir));
  const workflows = WorkflowStore.inDataDir(options.dataDir);
  const loaded = await resolveBenchSettings(await settingsStore.load(), {
    findWorkflow: (id) => workflows.get(id),
  });
  const settings = loaded.settings;
  let latestSettings = settings;
  const located = await locateCfgutil({
    ...(options.cfgutilFlag ? { flagPath: options.cfgutilFlag } : {}),
    ...(env.ENROLL_BENCH_CFGUTIL ? { envPath: env.ENROLL_BENCH_CFGUTIL } : {}),
    ...(settings.cfgutilPath ? { settingPath: settings.cfgutilPath } : {}),
  });
  const problems = [...loaded.problems];
  for (const p of (await workflows.list()).problems) problems.push(`Workflow file ${p.file}: ${p.message}`);
  const engine = chooseEngine({ simulate: options.simulate, located, platform });
  // Issue 4: the imported profile and the supervision identity live in the data folder and survive restarts.
  const profiles = new ProfileService({
    dataDir: options.dataDir,
    log: (e) => log(e.event, { level: e.level, message: e.message }),
  });
  const identities = new IdentityService({
    dataDir: options.dataDir,
    log: (e) => log(e.event, { level: e.level, message: e.message }),
  });
  await Promise.all([profiles.restore(), identities.restore()]);
  let startupProfile: ProfileSummary | undefined;
  if (options.profileFile) {
    try {
      startupProfile = await profiles.importPath(options.profileFile, 'command-line');
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      problems.push(`${error.info.title}. ${error.info.detail}`);
    }
  }
  // The training profile is for the simulator only: the engine in use decides. Until the engine supervisor
  // below exists, no engine is known, and unknown refuses.
  let engineInUse: () => EngineStatus | undefined = () => undefined;
  const profileChannels = new ProfileChannels(profiles, identities, () => engineInUse());
  const hub = new EventHub();
  const factory = createEngineFactory({
    log,
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    ...(options.scenario !== undefined ? { scenario: options.scenario } : {}),
  });
  const installGate = new InstallGate();
  const workflowSource = await storeWorkflowSource(workflows);
  const jobs = await jobsAreaFor({
    beforeInstall: installGate.run,
    hub,
    workflows: workflowSource,
    settings,
    dataDir: options.dataDir,
    supervision: supervisionOf(identities),
    profile: profileOf(profiles, () => engineInUse()),
    log,
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    ...(options.deviceLocks ? { deviceLocks: options.deviceLocks } : {}),
  });
  const service = new EngineSupervisor({
    engine,
    hub,
    intake: jobs.provisioning.intake,
    factory,
    jobsSnapshot: () => jobs.provisioning.board.snapshot(),
    setup: {
      profile: () => profiles.current(),
      identity: () => identities.current(),
      workflows: () => workflows.list(),
    },
    log,
    locator: createCfgutilLocator({
      store: settingsStore,
      ...(options.cfgutilFlag ? { flagPath: options.cfgutilFlag } : {}),
      ...(env.ENROLL_BENCH_CFGUTIL ? { envPath: env.ENROLL_BENCH_CFGUTIL } : {}),
    }),
  });
  engineInUse = () => service.engine();
  profileChannels.wire(service.hub);
  // The name preview lists the devices attached now, straight from the device intake (the hub is output only).
  // The skip-pane checklist comes from the cfgutil in use (real or simulated), read once per cfgutil path.
  const workflowChannels = new WorkflowChannels(
    workflows,
    () => jobs.provisioning.intake.devices(),
    () => readSkipPaneCatalogue(service.runningEngine()?.client),
  );
  workflowChannels.wire(service.hub);
  const stopWatchingWorkflows = await workflows.watchFolder();
  await service.start();
  // The workflows area answers four job channels, the jobs area the other five.
  const jobChannels = { ...workflowChannelMethods(workflowChannels), ...jobs.channels };
  // Issue 11: the bench log, read from the jobs' journal in the data folder.
  const logChannels = new LogChannels({
    dataDir: options.dataDir,
    secrets: storedProfileSecrets(options.dataDir),
    log,
  });
  logChannels.warmUp();
  const stopLogChanges = logChannels.announceChanges(service.hub, (listener) =>
    jobs.provisioning.onJobEnded(listener),
  );
  const preflight = new PreflightChannels(
    benchPreflightDeps({
      engine: () => service.engine(),
      running: () => service.runningEngine(),
      identity: () => identities.current(),
      profile: () => profiles.current(),
      dataDir: options.dataDir,
      platform,
      selectedWorkflow: () => workflows.get(jobs.provisioning.board.runStatus().workflowId),
    }),
    log,
  );
  const settingsChannels = new SettingsChannels({
    store: settingsStore,
    file: settingsFile(options.dataDir),
    listWorkflows: () => workflows.list(),
    onSaved: (saved) => {
      latestSettings = saved;
      jobs.provisioning.applySettings(saved);
    },
  });
  const stopFollowingSettings = followSettingsFile({
    store: settingsStore,
    file: settingsFile(options.dataDir),
    onChange: (changed, settingsProblems) => {
      for (const problem of settingsProblems) log('settings.problem', { problem });
      latestSettings = changed;
      jobs.provisioning.applySettings(changed);
    },
  });
  const intune = await createIntuneArea({
    dataDir: options.dataDir,
    profiles,
    log,
    simulate: options.fakeIntune === true,
    env,
    ...options.intune,
    installGate,
    onJobEnded: (listener) => jobs.provisioning.onJobEnded(listener),
    announce: (enrollment) => service.hub.emit('intuneEnrollmentChanged', { enrollment }),
  });
  const handlers = composeHandlers({
    engines: service,
    simulator: new SimulatorChannels(() => service.runningEngine()),
    profiles: profileChannels,
    jobs: {
      ...jobChannels,
      // Arming is the start of a cart: the Intune copy is refreshed first when it is due.
      setArmed: (req) => {
        if (req.armed) intune.cartStarting();
        return jobChannels.setArmed(req);
      },
    },
    log: logChannels,
    preflight: { ...preflight.methods(), ...settingsChannels.methods() },
    intune: intune.channels,
  });
  const dispatch = createInvokeDispatcher(handlers, (channel, error) =>
    log('ipc.handler-failed', { channel, error }),
  );
  return {
    service,
    engine,
    profiles,
    identities,
    settings,
    currentSettings: () => latestSettings,
    workflows,
    problems,
    ...(startupProfile ? { startupProfile } : {}),
    log,
    ...(diagnostics ? { logPath: diagnostics.path } : {}),
    host: { dispatch, subscribe: (listener) => service.hub.subscribe(listener) },
    close: async () => {
      stopWatchingWorkflows();
      stopFollowingSettings();
      stopLogChanges();
      await service.close();
      await jobs.provisioning.close();
      workflowSource.close();
      await intune.close();
      await diagnostics?.close();
    },
  };
}
