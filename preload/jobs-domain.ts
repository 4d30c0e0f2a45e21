/**
 * The provisioning vocabulary shared by main, preload and renderer: workflows, jobs and the bench's run state.
 *
 * Pure types and constants (the same rules as ./domain.ts): they cross IPC and the WebSocket as JSON.
 * One job per attached device, keyed by ECID; a job survives the detach and re-attach its own steps cause.
 */
import type { Ecid, ErrorCode, ErrorInfo } from './core-domain';

// ---- Workflows (saved as JSON files in the data folder; validated on load) ----

/** Every step a workflow can hold, in the order a workflow runs them. */
export type WorkflowStepKind =
  | 'erase'
  | 'prepare'
  | 'prepare-ade'
  | 'wait-until-settled'
  | 'finish-setup-assistant'
  | 'install-enrollment-profile'
  | 'verify-enrollment'
  | 'rename'
  | 'install-extra-profiles'
  | 'shut-down'
  | 'confirm-ade-enrollment';

export type WorkflowStep =
  | {
      readonly kind: 'erase';
      /** Erase a device supervised by another organization. Off unless the admin says so. */
      readonly allowOtherOrganization: boolean;
    }
  | {
      readonly kind: 'prepare';
      /** `en`; passed as `--language`. */
      readonly language: string;
      /** `en_US`; passed as `--locale` (never `--region`). */
      readonly locale: string;
      /** `'all'` adds `--skip-all` and every known pane; otherwise the pane names (`language`, `region`…). */
      readonly skipPanes: 'all' | readonly string[];
      /** `false` passes `--forbid-pairing`: only this Mac's supervision identity may pair afterwards. */
      readonly allowPairing: boolean;
    }
  | {
      /**
       * `prepare --dep`: the device's Automated Device Enrollment configuration (Apple Business/School Manager)
       * decides supervision, organization and Setup Assistant panes; only language and locale go from us.
       */
      readonly kind: 'prepare-ade';
      readonly language: string;
      readonly locale: string;
    }
  | { readonly kind: 'wait-until-settled' }
  | { readonly kind: 'finish-setup-assistant' }
  | { readonly kind: 'install-enrollment-profile' }
  | { readonly kind: 'verify-enrollment' }
  | {
      readonly kind: 'rename';
      /** `{serial}`, `{model}`, `{n:3}` (a 3-digit counter), literal text such as a cart name. */
      readonly template: string;
    }
  | {
      readonly kind: 'install-extra-profiles';
      /** File names inside the data folder's `profiles/extra/` folder. */
      readonly files: readonly string[];
    }
  | { readonly kind: 'shut-down' }
  /** Judges an ADE device from its own read: supervised by one of our organizations, then enrolled or ready. */
  | { readonly kind: 'confirm-ade-enrollment' };

/** Position of each step kind in a workflow's usual order; a `Record`, so a kind left out does not compile. */
const stepKindOrder: Readonly<Record<WorkflowStepKind, number>> = {
  erase: 0,
  'wait-until-settled': 1,
  prepare: 2,
  'prepare-ade': 3,
  'confirm-ade-enrollment': 4,
  'finish-setup-assistant': 5,
  'install-enrollment-profile': 6,
  'verify-enrollment': 7,
  rename: 8,
  'install-extra-profiles': 9,
  'shut-down': 10,
};

/** Every step kind, in the order a workflow usually runs them (the editor's list, main's rules). */
export const workflowStepKinds: readonly WorkflowStepKind[] = (
  Object.keys(stepKindOrder) as WorkflowStepKind[]
).sort((a, b) => stepKindOrder[a] - stepKindOrder[b]);

export interface Workflow {
  /** File stem in the data folder: lower-case letters, digits and dashes. */
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly steps: readonly WorkflowStep[];
  /** Shipped presets cannot be overwritten; duplicate them to edit. */
  readonly preset: boolean;
  /**
   * Organization names (as Apple Business/School Manager supervises the device, exactly) whose devices count
   * as ours for erase. Any other organization is never erased; an unreadable supervisor is held.
   */
  readonly adeOrganizations?: readonly string[];
  /** What erase does with a device in use (activated, someone's name or passcode): default `ask`. */
  readonly eraseInUse?: EraseInUse;
}

/** `ask`: hold it for a person's Erase or Skip; `erase`: erase it like any other; `never`: skip it. */
export type EraseInUse = 'ask' | 'erase' | 'never';
export const ERASE_IN_USE_CHOICES: readonly EraseInUse[] = ['ask', 'erase', 'never'];

/** A workflow file that could not be used, named with the field and the fix; the file itself is kept. */
export interface WorkflowProblem {
  readonly file: string;
  readonly message: string;
}

export interface WorkflowList {
  readonly workflows: readonly Workflow[];
  readonly problems: readonly WorkflowProblem[];
}

/** One Setup Assistant pane the editor offers: cfgutil's key (what a workflow saves) and its name for people. */
export interface SkipPaneChoice {
  readonly key: string;
  readonly name: string;
}

export interface SkipPaneGroup {
  readonly title: string;
  readonly panes: readonly SkipPaneChoice[];
}

/** The panes the cfgutil in use can skip, grouped for the editor's checklist (main/cfgutil/skip-pane-names.ts). */
export interface SkipPaneCatalogue {
  /** `cfgutil`: read from its `help prepare`; `known-list`: it listed none, so the list known from real Macs. */
  readonly source: 'cfgutil' | 'known-list';
  /** Why the known list is shown (present with `known-list`). */
  readonly note?: string;
  readonly groups: readonly SkipPaneGroup[];
}

// ---- Jobs ----

export type JobPhase =
  | 'queued'
  | 'countdown'
  | 'running'
  | 'waiting-for-operator'
  | 'waiting-for-reattach'
  | 'succeeded'
  | 'failed'
  | 'cancelled'
  | 'interrupted'
  | 'skipped';

/** A `Record` so that a new phase cannot be left out of the list below. */
const jobPhaseNames: Readonly<Record<JobPhase, true>> = {
  queued: true,
  countdown: true,
  running: true,
  'waiting-for-operator': true,
  'waiting-for-reattach': true,
  succeeded: true,
  failed: true,
  cancelled: true,
  interrupted: true,
  skipped: true,
};

/** Every phase (validators check `jobAction`'s `seen` against it). */
export const jobPhases = Object.keys(jobPhaseNames) as readonly JobPhase[];

/** Why a job waits for a person; the renderer picks the picture by this, the words come in `instruction`. */
export type OperatorReason =
  | 'tap-trust'
  | 'approve-profile'
  | 'unlock-device'
  | 'activation-lock'
  | 'finish-setup-assistant'
  | 'reconnect-device'
  | 'mac-offline'
  | 'confirm-rerun'
  /** An erase would wipe a device someone uses: Erase (start-now) or Skip. */
  | 'in-use'
  /** The device does not show clearly who manages it, or its serial: nothing is changed. */
  | 'cannot-tell';

export type SkipReason =
  | 'ignore-list'
  | 'already-done'
  | 'other-organization'
  | 'operator'
  | 'not-an-ios-device'
  | 'recovery-mode'
  /** The workflow says never to erase a device in use. */
  | 'in-use'
  /** Another bench on this Mac holds the device's lock. */
  | 'other-bench';

/** Why a job was skipped, in the words its card shows ("Skipped: on the ignore list") and the CLI reports. */
export const skipReasonWords: Readonly<Record<SkipReason, string>> = {
  'ignore-list': 'on the ignore list',
  'already-done': 'already enrolled',
  'other-organization': 'supervised by another organization',
  operator: 'skipped by you',
  'not-an-ios-device': 'not an iPhone or iPad',
  'recovery-mode': 'in recovery mode',
  'in-use': 'in use, not erased',
  'other-bench': 'handled by another bench on this Mac',
};

export interface JobStepRecord {
  readonly step: WorkflowStepKind;
  /** Epoch milliseconds. */
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly outcome?: 'succeeded' | 'failed' | 'skipped' | 'cancelled' | 'interrupted';
}

/** One device's job as every UI sees it. */
export interface JobView {
  readonly jobId: string;
  readonly ecid: Ecid;
  readonly serialNumber?: string;
  readonly workflowId: string;
  readonly phase: JobPhase;
  /** The step running or waiting, while there is one. */
  readonly step?: WorkflowStepKind;
  readonly stepIndex?: number;
  readonly stepCount: number;
  /** 0..1 within the current step, when the step reports progress. */
  readonly stepFraction?: number;
  /** 0..1 over the whole workflow, weighted by step. */
  readonly progress: number;
  /** Estimated milliseconds left, from this bench's measured step times. */
  readonly etaMs?: number;
  /** Epoch milliseconds at which the countdown starts the job (phase `countdown`). */
  readonly countdownEndsAt?: number;
  readonly waiting?: {
    readonly reason: OperatorReason;
    /** The exact instruction, for example "Tap Trust on the device and enter its passcode". */
    readonly instruction: string;
    readonly since: number;
  };
  readonly error?: ErrorInfo;
  /** 1 for the first attempt at the current step; grows with retries. */
  readonly attempt: number;
  readonly skipReason?: SkipReason;
  readonly startedAt?: number;
  readonly endedAt?: number;
  /** The name the device ended with (after the rename step). */
  readonly finalName?: string;
  /** The device's own name when it arrived (listed or first read), shown beside ours when they differ. */
  readonly deviceName?: string;
  /** Where an ADE re-enrolled device stands, judged from its own read (`confirm-ade-enrollment`). */
  readonly adeStanding?: AdeStanding;
  readonly steps: readonly JobStepRecord[];
}

/**
 * After `prepare --dep`: at Setup Assistant with Remote Management next (no MDM profile yet: the user's
 * Setup Assistant enrolls it in Intune), or already enrolled (an MDM profile is on the device).
 */
export type AdeStanding = 'ready-for-user' | 'enrolled';

/** What an attached device shows before (and between) job steps: the facts an operator decides on. */
export interface DeviceFacts {
  readonly passcodeLocked?: boolean;
  readonly paired?: boolean;
  readonly supervised?: boolean;
  readonly organizationName?: string;
  /** The device is supervised by this bench's identity. */
  readonly supervisedByUs?: boolean;
  /** `configurationProfiles` holds the imported Intune profile's PayloadIdentifier. */
  readonly holdsOurProfile?: boolean;
  readonly batteryPercent?: number;
  /** `humanReadableProductVersion`, for example `17.5.1`. */
  readonly iosVersion?: string;
  readonly activated?: boolean;
  /** Epoch milliseconds of the read these facts come from. */
  readonly readAt: number;
}

/** How many devices' jobs are in each state; counted only by `countJobs` (./counts.ts). */
export interface JobCounts {
  /** Waiting to start: queued, or counting down. */
  readonly queued: number;
  /** Running a step, or restarting between steps. */
  readonly running: number;
  /** Needs you: waiting for a person. */
  readonly waitingForOperator: number;
  /** Of those that need you, the ones held at the in-use question (the in-use banner's number). */
  readonly inUse: number;
  readonly succeeded: number;
  /** Failed, or cut off (interrupted): Retry is the way on for both. */
  readonly failed: number;
  readonly skipped: number;
  readonly cancelled: number;
  /** Every job: the sum of the states above (inUse is inside waitingForOperator). */
  readonly total: number;
}

/** The bench header: whether new devices start by themselves, with which workflow, and how the cart goes. */
export interface RunStatus {
  readonly armed: boolean;
  readonly paused: boolean;
  readonly workflowId: string;
  /** Seconds a new device waits, visibly, before its job starts while armed. */
  readonly countdownSeconds: number;
  /** Heavy steps (erase, prepare, restore, install) running at once at most. */
  readonly concurrency: number;
  /** The operator's number (Settings); `concurrency` is below it while the bench has lowered the cap. */
  readonly concurrencySetting?: number;
  /** Set when the bench lowered the cap itself (devices kept dropping off USB mid-step). */
  readonly concurrencyNote?: string;
  /** Set while the journal cannot be written (disk full, read-only folder): jobs wait before their next step. */
  readonly recordingProblem?: string;
  readonly counts: JobCounts;
  readonly devicesPerHour?: number;
  /** The cart's time left, from step times measured on this bench (main/jobs/cart-eta.ts). */
  readonly cartEtaMs?: number;
  /** Devices are on their way but a step they still have has not been timed here yet: "not known yet". */
  readonly cartEtaUnknown?: true;
}

/** Jobs and run state as one value, for the snapshot. */
export interface JobsSnapshot {
  readonly jobs: readonly JobView[];
  readonly facts: Readonly<Record<Ecid, DeviceFacts>>;
  readonly run: RunStatus;
}

/**
 * What an operator can do to one device's job. `continue` answers a wait for a person ("Continue" once the
 * Home Screen shows, "I approved it", "Retry" after Find My is off): the bench re-reads the device where it
 * can see the effect, and goes on only when the re-read shows it. `switch-to-direct`: an ADE job that ended
 * without an ADE configuration starts again as `supervise-and-enroll` (its erase sees the device at Setup
 * Assistant and skips); Mac-only, whatever `serve --allow-remote-control` opens
 * (main/server/local-only-channels.ts).
 */
export type JobAction = 'start-now' | 'cancel' | 'retry' | 'skip' | 'rerun' | 'continue' | 'switch-to-direct';

export const jobActions: readonly JobAction[] = [
  'start-now',
  'cancel',
  'retry',
  'skip',
  'rerun',
  'continue',
  'switch-to-direct',
];

/** Job actions that stay on the Mac itself even when other screens may run jobs. */
export const macOnlyJobActions: readonly JobAction[] = ['switch-to-direct'];

/** A `Record` so that a new waiting reason cannot be left out of the list below. */
const operatorReasonNames: Readonly<Record<OperatorReason, true>> = {
  'tap-trust': true,
  'approve-profile': true,
  'unlock-device': true,
  'activation-lock': true,
  'finish-setup-assistant': true,
  'reconnect-device': true,
  'mac-offline': true,
  'confirm-rerun': true,
  'in-use': true,
  'cannot-tell': true,
};

/** Every reason a job waits for a person (validators check `jobAction`'s `answers` against it). */
export const operatorReasons = Object.keys(operatorReasonNames) as readonly OperatorReason[];

/** The error code a failed job carries; same closed set as everywhere else. */
export type JobErrorCode = ErrorCode;
