/**
 * The preflight panel's and the settings panel's vocabulary (issue 12 items 3 and 5), shared by main, preload
 * and renderer. Pure types and constants: the sandboxed preload and the browser renderer compile this file.
 */

/** `problem`: the bench cannot do its work until this is fixed; `warning`: it can, but look. */
export type PreflightStatus = 'ok' | 'warning' | 'problem';

export type PreflightCheckId =
  | 'cfgutil-found'
  | 'cfgutil-version'
  | 'cfgutil-signature'
  | 'automation-tools'
  | 'supervision-identity'
  | 'enrollment-profile'
  | 'disk-data-folder'
  | 'disk-cfgutil-temp'
  | 'restore-leftovers'
  | 'mac-online';

/** One line of the checklist: what was checked, what was found, and what to do about it. */
export interface PreflightCheck {
  readonly id: PreflightCheckId;
  /** Short name of the check, for example "Supervision identity". */
  readonly title: string;
  readonly status: PreflightStatus;
  /** One plain sentence saying what was found, for example "Valid until 3 March 2027 (92 days)." */
  readonly sentence: string;
  /** What to do, when there is something to do. */
  readonly fix?: string;
}

/** A folder cfgutil left behind after unpacking a restore's firmware (5 GB or more each). */
export interface RestoreLeftover {
  /** The folder's name inside cfgutil's temporary folder (a GUID). */
  readonly name: string;
  readonly sizeBytes: number;
  /** Epoch milliseconds of its last change. */
  readonly modifiedAt: number;
}

/** What a clean-up would delete: only these folders, only inside {@link folder}. */
export interface RestoreLeftovers {
  /** cfgutil's temporary folder (in simulation, a stand-in inside the data folder). */
  readonly folder: string;
  readonly simulated: boolean;
  readonly items: readonly RestoreLeftover[];
  readonly totalBytes: number;
  /** The listing stopped at its bound (entries or time); sizes are then at least what is shown. */
  readonly incomplete: boolean;
}

export interface PreflightReport {
  /** Epoch milliseconds. */
  readonly checkedAt: number;
  /** The worst status of all checks. */
  readonly overall: PreflightStatus;
  readonly checks: readonly PreflightCheck[];
  /** What "Clean up" would delete; null when cfgutil's temporary folder was not found. */
  readonly leftovers: RestoreLeftovers | null;
}

export interface CleanLeftoversOutcome {
  readonly deleted: readonly string[];
  readonly freedBytes: number;
  /** Names asked for that were not deleted, each with the reason (gone, in use, not a leftover). */
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

// ---- Settings (issue 12 item 3) ----

/** The settings the panel edits. The cfgutil path is not among them: it is chosen on the preflight screen. */
export type EditableSettingName =
  'concurrency' | 'countdownSeconds' | 'stationName' | 'ignore' | 'defaultWorkflowId' | 'sounds' | 'notify';

export const editableSettingNames: readonly EditableSettingName[] = [
  'concurrency',
  'countdownSeconds',
  'stationName',
  'ignore',
  'defaultWorkflowId',
  'sounds',
  'notify',
];

export interface IgnoreListView {
  readonly serials: readonly string[];
  readonly ecids: readonly string[];
}

/** The settings with every default applied, as the bench uses them. */
export interface BenchSettingsView {
  readonly cfgutilPath?: string;
  readonly concurrency: number;
  readonly countdownSeconds: number;
  readonly stationName: string;
  readonly ignore: IgnoreListView;
  readonly defaultWorkflowId: string;
  readonly sounds: boolean;
  readonly notify: boolean;
}

export interface SettingsView {
  readonly settings: BenchSettingsView;
  /** Fields the file sets (the others follow their default). */
  readonly changed: readonly EditableSettingName[];
  readonly limits: {
    readonly concurrency: { readonly min: number; readonly max: number };
    readonly countdownSeconds: { readonly min: number; readonly max: number };
    readonly stationNameMax: number;
  };
  /** The workflows a default may name. */
  readonly workflows: readonly { readonly id: string; readonly name: string }[];
  /** Problems met reading the file (a bad field ignored, a corrupt file moved aside). */
  readonly problems: readonly string[];
  readonly file: string;
}

/** A patch: a field set to null goes back to its default; a field left out is not changed. */
export type SettingsPatchView = {
  readonly concurrency?: number | null;
  readonly countdownSeconds?: number | null;
  readonly stationName?: string | null;
  readonly ignore?: IgnoreListView | null;
  readonly defaultWorkflowId?: string | null;
  readonly sounds?: boolean | null;
  readonly notify?: boolean | null;
};

/** One field the bench refused, with the reason in words, for the message beside that field. */
export interface SettingsFieldError {
  readonly field: EditableSettingName;
  readonly message: string;
}

/** A refused save is an expected answer, so it travels as data: nothing was written. */
export type SaveSettingsOutcome =
  | { readonly saved: true; readonly view: SettingsView }
  | { readonly saved: false; readonly errors: readonly SettingsFieldError[] };
