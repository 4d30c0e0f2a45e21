/**
 * The one typed contract between the bench's services and its UI.
 *
 * Main implements {@link InvokeChannels}; the Electron preload and the WebSocket client both expose it to the
 * renderer as {@link BenchApi}. Adding a channel to an interface without adding it to the matching name list
 * below is a compile error, and main's argument validators are typed from the same interfaces, so the three
 * sides cannot drift apart. Pure types and constants: no imports with side effects.
 */
import type {
  BenchSnapshot,
  Device,
  Ecid,
  EngineStatus,
  IdentitySummary,
  ProfileSummary,
  Result,
  SimulatorAction,
  WatcherStatus,
} from './domain';
import type {
  IntuneCloudName,
  IntuneEnrollmentView,
  IntuneProfileView,
  IntunePullView,
  IntuneStatusView,
} from './intune-domain';
import type {
  DeviceFacts,
  JobAction,
  JobPhase,
  JobView,
  OperatorReason,
  RunStatus,
  SkipPaneCatalogue,
  Workflow,
  WorkflowList,
} from './jobs-domain';
import type { LogExportFormat, LogOutcome, LogPage, LogQuery } from './log-domain';
import type {
  CleanLeftoversOutcome,
  PreflightReport,
  SaveSettingsOutcome,
  SettingsPatchView,
  SettingsView,
} from './preflight-domain';

/** Provisioning: arming the bench, one device's job, and the workflows (main/jobs/). */
export interface JobInvokeChannels {
  /** Armed: a new device starts after the countdown. Not armed: nothing starts by itself. */
  setArmed(req: { readonly armed: boolean }): Promise<Result<RunStatus>>;
  /** Pause all: running steps finish, no new step starts; resume goes on where each job was. */
  setPaused(req: { readonly paused: boolean }): Promise<Result<RunStatus>>;
  /** The workflow new jobs run. Jobs already started keep theirs. */
  selectWorkflow(req: { readonly workflowId: string }): Promise<Result<RunStatus>>;
  /** Start now (countdown), cancel, retry (failed/interrupted), skip, rerun (done, with the operator's word). */
  jobAction(req: {
    readonly ecid: Ecid;
    readonly action: JobAction;
    /**
     * With `continue`: the wait the operator answered. Refused when the job now waits for something else, so
     * a click meant for one instruction never answers the next. Device-changing: local only (see main/server).
     */
    readonly answers?: OperatorReason;
    /**
     * The phase the job was in when the action was chosen (the grid's bulk actions, `enroll-bench jobs`):
     * refused when the job has moved on since, so an action chosen for one state never acts on the next (a
     * bulk Start now chosen for a countdown never answers the in-use question that followed it).
     */
    readonly seen?: JobPhase;
  }): Promise<Result<JobView>>;
  /** Retry every failed job whose device is still attached; resolves with how many were retried. */
  retryFailed(): Promise<Result<number>>;
  /**
   * "Erase the N in-use devices on this bench": the Erase answer to every job waiting on the in-use question
   * (the ignore list and the other-organization rule still hold). Resolves with how many were answered.
   * Erases devices: on the Mac only, whatever the flags.
   */
  answerInUse(): Promise<Result<number>>;
  listWorkflows(): Promise<Result<WorkflowList>>;
  /** Validates and saves to the data folder; a refusal names the field. Presets cannot be overwritten. */
  saveWorkflow(req: { readonly workflow: Workflow }): Promise<Result<Workflow>>;
  deleteWorkflow(req: { readonly workflowId: string }): Promise<Result<WorkflowList>>;
  /** The names a rename template gives the attached devices, or the reason it is refused. */
  previewNames(req: {
    readonly template: string;
  }): Promise<Result<readonly { readonly ecid: Ecid; readonly name: string }[]>>;
  /**
   * The Setup Assistant panes the cfgutil in use can skip, with people's names, grouped (read from its
   * `help prepare` once; the known list, saying so, when it lists none). Read-only: any screen may ask.
   */
  listSkipPanes(): Promise<Result<SkipPaneCatalogue>>;
}

/** The bench log of finished jobs (main/log/). */
export interface LogInvokeChannels {
  queryLog(query: LogQuery): Promise<Result<LogPage>>;
  /**
   * The export's files as text, for the UI to save or download (the CLI writes them itself). It takes the
   * same filters as `queryLog`, so an export holds what the view shows.
   */
  exportLog(req: {
    readonly format: LogExportFormat;
    readonly from?: number;
    readonly to?: number;
    readonly outcome?: LogOutcome | 'all';
    readonly search?: string;
    readonly sessionId?: string;
  }): Promise<Result<{ readonly files: readonly { readonly fileName: string; readonly text: string }[] }>>;
}

/** The preflight checklist and the settings (main/preflight/, main/settings/). */
export interface PreflightInvokeChannels {
  /** Runs every check now, each bounded in time; resolves with the whole checklist. */
  getPreflight(): Promise<Result<PreflightReport>>;
  /**
   * Deletes restore leftovers the operator picked from the report's list, by name: only folders that are
   * leftovers now, inside cfgutil's temporary folder. Anything else asked for is skipped with its reason.
   */
  cleanRestoreLeftovers(req: { readonly names: readonly string[] }): Promise<Result<CleanLeftoversOutcome>>;
  getSettings(): Promise<Result<SettingsView>>;
  /** Validates the whole patch first; a refused field comes back by name and nothing is written. */
  saveSettings(req: { readonly patch: SettingsPatchView }): Promise<Result<SaveSettingsOutcome>>;
}

/** Intune: sign-in, the Apple Configurator profiles, pull and refresh (main/intune/). Never a token. */
export interface IntuneInvokeChannels {
  getIntuneStatus(): Promise<Result<IntuneStatusView>>;
  /** Browser sign-in (PKCE, system browser) on the admin's own app registration. */
  connectIntune(req: {
    readonly tenantId: string;
    readonly clientId: string;
    readonly cloud: IntuneCloudName;
    readonly allowUnconfirmedCloud?: boolean;
  }): Promise<Result<IntuneStatusView>>;
  /** Signs out and deletes the saved sign-in; the current profile stays. */
  disconnectIntune(): Promise<Result<IntuneStatusView>>;
  listIntuneProfiles(): Promise<Result<readonly IntuneProfileView[]>>;
  /** Pulls one profile through the same checks as a file import; a refusal keeps the current profile. */
  pullIntuneProfile(req: { readonly profileId: string }): Promise<Result<IntunePullView>>;
  setIntuneRefreshDays(req: { readonly days: number }): Promise<Result<IntuneStatusView>>;
  /** Issue 25: push prepared serials to Intune (asks for DeviceManagementServiceConfig.ReadWrite.All). */
  setIntunePushSerials(req: { readonly on: boolean }): Promise<Result<IntuneStatusView>>;
  /** Issue 25: every serial's push and enrollment state, as the bench last saw it. */
  getIntuneEnrollments(): Promise<Result<readonly IntuneEnrollmentView[]>>;
}

/** Request/response channels. Every one resolves to a `Result`; none rejects with domain data. */
export interface InvokeChannels
  extends JobInvokeChannels, LogInvokeChannels, PreflightInvokeChannels, IntuneInvokeChannels {
  /** The whole bench state; apply only events whose `seq` is larger than the snapshot's. */
  getSnapshot(): Promise<Result<BenchSnapshot>>;
  /** From the macOS preflight screen: run the simulated bench instead of real cfgutil. */
  useSimulator(): Promise<Result<EngineStatus>>;
  /** Play the operator's hand in the simulated bench. Refused when the engine is real cfgutil. */
  simulate(action: SimulatorAction): Promise<Result<Ecid[]>>;
  /** Look for cfgutil again (after installing Automation Tools) and use it when found. */
  recheckEngine(): Promise<Result<EngineStatus>>;
  /** Use cfgutil at a path the operator gives; the path is saved for the next start. */
  chooseCfgutil(request: { readonly path: string }): Promise<Result<EngineStatus>>;
  /**
   * Import the Intune enrollment profile (file picker or drop, Electron or browser). Always resolves with the
   * verdict; a refused file does not replace the current profile. Over 5 MB decoded is refused.
   */
  importProfile(req: {
    readonly fileName: string;
    readonly dataBase64: string;
    readonly lastModified?: number;
  }): Promise<Result<ProfileSummary>>;
  /**
   * Load the generated training profile ("TRAINING – simulator only"), so a trainee can run a simulated cart
   * without an Intune tenant. Refused when the engine is real cfgutil.
   */
  useTrainingProfile(): Promise<Result<ProfileSummary>>;
  /** The current profile judged now (its age changes), or null. */
  getProfile(): Promise<Result<ProfileSummary | null>>;
  /** Allow runs with an expired profile; the reason is logged. Refused unless the profile has expired. */
  overrideProfileAge(req: { readonly reason: string }): Promise<Result<ProfileSummary>>;
  /** Import Apple Configurator's exported supervision identity (.p12 + password). */
  importSupervisionIdentity(req: {
    readonly fileName: string;
    readonly dataBase64: string;
    readonly password: string;
  }): Promise<Result<IdentitySummary>>;
  /** Create a new organization identity (RSA 2048, self-signed, CN and O = the name). */
  createSupervisionIdentity(req: { readonly organizationName: string }): Promise<Result<IdentitySummary>>;
  getSupervisionIdentity(): Promise<Result<IdentitySummary | null>>;
}

/** Events pushed from main to every connected UI. */
export interface EventChannels {
  devicesChanged(event: { readonly seq: number; readonly devices: readonly Device[] }): void;
  engineChanged(event: { readonly seq: number; readonly engine: EngineStatus }): void;
  watcherChanged(event: { readonly seq: number; readonly watcher: WatcherStatus }): void;
  profileChanged(event: { readonly seq: number; readonly profile: ProfileSummary | null }): void;
  identityChanged(event: { readonly seq: number; readonly identity: IdentitySummary | null }): void;
  /** One job changed. Progress is coalesced per job (100–250 ms); step changes and final states come at once. */
  jobChanged(event: { readonly seq: number; readonly job: JobView }): void;
  /** The device's job is gone (unplugged after it ended). */
  jobRemoved(event: { readonly seq: number; readonly ecid: Ecid }): void;
  factsChanged(event: { readonly seq: number; readonly ecid: Ecid; readonly facts: DeviceFacts }): void;
  runChanged(event: { readonly seq: number; readonly run: RunStatus }): void;
  workflowsChanged(event: { readonly seq: number; readonly list: WorkflowList }): void;
  /**
   * The bench log changed (a job ended and its record is in the log). No records: a log view asks for its
   * page again with its own filters. At most one a second, however many jobs end at once.
   */
  logChanged(event: { readonly seq: number; readonly revision: number; readonly records: number }): void;
  /** Issue 25: one serial's Intune push or enrollment state changed. */
  intuneEnrollmentChanged(event: { readonly seq: number; readonly enrollment: IntuneEnrollmentView }): void;
}

export type InvokeChannelName = keyof InvokeChannels;
export type EventChannelName = keyof EventChannels;
export type EventPayload<K extends EventChannelName> = Parameters<EventChannels[K]>[0];

/** A pushed event as one discriminated value (what the WebSocket carries and the store applies). */
export type BenchEvent = {
  [K in EventChannelName]: { readonly channel: K; readonly payload: EventPayload<K> };
}[EventChannelName];

/** Runtime allow-lists; `Record<…, true>` makes a missing entry a compile error. */
export const invokeChannelNames: Readonly<Record<InvokeChannelName, true>> = {
  getSnapshot: true,
  useSimulator: true,
  simulate: true,
  recheckEngine: true,
  chooseCfgutil: true,
  importProfile: true,
  useTrainingProfile: true,
  getProfile: true,
  overrideProfileAge: true,
  importSupervisionIdentity: true,
  createSupervisionIdentity: true,
  getSupervisionIdentity: true,
  setArmed: true,
  setPaused: true,
  selectWorkflow: true,
  jobAction: true,
  retryFailed: true,
  answerInUse: true,
  listWorkflows: true,
  saveWorkflow: true,
  deleteWorkflow: true,
  previewNames: true,
  listSkipPanes: true,
  queryLog: true,
  exportLog: true,
  getPreflight: true,
  cleanRestoreLeftovers: true,
  getSettings: true,
  saveSettings: true,
  getIntuneStatus: true,
  connectIntune: true,
  disconnectIntune: true,
  listIntuneProfiles: true,
  pullIntuneProfile: true,
  setIntuneRefreshDays: true,
  setIntunePushSerials: true,
  getIntuneEnrollments: true,
};
export const eventChannelNames: Readonly<Record<EventChannelName, true>> = {
  devicesChanged: true,
  engineChanged: true,
  watcherChanged: true,
  profileChanged: true,
  identityChanged: true,
  jobChanged: true,
  jobRemoved: true,
  factsChanged: true,
  runChanged: true,
  workflowsChanged: true,
  logChanged: true,
  intuneEnrollmentChanged: true,
};

export function isInvokeChannel(name: unknown): name is InvokeChannelName {
  return typeof name === 'string' && Object.hasOwn(invokeChannelNames, name);
}
export function isEventChannel(name: unknown): name is EventChannelName {
  return typeof name === 'string' && Object.hasOwn(eventChannelNames, name);
}

/** Electron IPC channel string for a contract name. */
export function ipcChannel(name: InvokeChannelName | EventChannelName): string {
  return `bench:${name}`;
}

/**
 * What the Mac menu bar asks of its own window (Settings… ⌘, and Preflight…). Sent by the Electron shell to
 * that window alone, never by the bench's event hub, so it has no `seq` and no other screen receives it.
 */
export type MenuCommand = 'open-settings' | 'open-preflight';
export const menuCommands: readonly MenuCommand[] = ['open-settings', 'open-preflight'];
export const MENU_COMMAND_CHANNEL = 'bench-window:menuCommand';

export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value);
}

/** What `window.bench` is: every invoke channel as a method, plus a typed event subscription. */
export type BenchApi = InvokeChannels & {
  /** Subscribe to one event channel; returns the unsubscribe function (fits a `useEffect` cleanup). */
  on<K extends EventChannelName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void;
  /** The menu bar's commands for this window; only the Electron preload has it (a browser has no menu bar). */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void;
};

/**
 * Frames on the headless server's WebSocket, which carries this same contract to a browser.
 *
 * Client → server: `invoke`. Server → client: `result` (answering one `invoke` by `id`) and `event`.
 */
export type ClientFrame = {
  readonly type: 'invoke';
  readonly id: number;
  readonly channel: InvokeChannelName;
  readonly args: readonly unknown[];
};
export type ServerFrame =
  | { readonly type: 'result'; readonly id: number; readonly result: Result<unknown> }
  | ({ readonly type: 'event' } & BenchEvent);
