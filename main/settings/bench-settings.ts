/**
 * The settings as plain values with every default applied: what the jobs area, the server and the UI take.
 *
 * Defaults: concurrency 8 heavy steps at once (issue 9 item 6), a 5-second countdown before a new device
 * starts (item 5), the Mac's own name as the station name, nothing ignored, the `supervise-and-enroll`
 * preset, sounds off (a bench in a shared office stays quiet until someone asks for sound), and notifications
 * on (a device waiting for a person is the one thing an operator across the room must not miss).
 */
import os from 'node:os';
import path from 'node:path';
import type { Workflow } from '../../preload/jobs-domain';
import { SUPERVISE_AND_ENROLL } from '../jobs/workflow/presets';
import { sanitizeText } from '../text/sanitize-text';
import { MAX_STATION_NAME, type IgnoreList, type Settings } from './settings-schema';
import { SettingsStore } from './settings-store';

export interface BenchSettings {
  readonly cfgutilPath?: string;
  /** Heavy steps (erase, prepare, restore, install) running at once at most: 1 to 64. */
  readonly concurrency: number;
  /** Seconds a new device waits, visibly, before its job starts while armed: 0 to 60. */
  readonly countdownSeconds: number;
  /** Names this bench in the log and its exports. */
  readonly stationName: string;
  /** Devices the bench never touches (the admin's own phone), normalised. */
  readonly ignore: IgnoreList;
  readonly defaultWorkflowId: string;
  readonly sounds: boolean;
  /** Notify when a device needs a person and when a cart finishes (the Mac app; the browser after opt-in). */
  readonly notify: boolean;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_COUNTDOWN_SECONDS = 5;

/**
 * `Bench-Mac.local` → `Bench-Mac`; an empty host name falls back to a plain label. The host name is outside text
 * on its way into the log and its exports, so it passes the one sanitiser.
 */
export function defaultStationName(hostName: string = os.hostname()): string {
  const name = sanitizeText(hostName.replace(/\.local\.?$/i, ''), { maxLength: MAX_STATION_NAME }).trim();
  return name.length > 0 ? name : 'Enroll Bench';
}

export function withDefaults(settings: Settings, hostName?: string): BenchSettings {
  return {
    ...(settings.cfgutilPath !== undefined ? { cfgutilPath: settings.cfgutilPath } : {}),
    concurrency: settings.concurrency ?? DEFAULT_CONCURRENCY,
    countdownSeconds: settings.countdownSeconds ?? DEFAULT_COUNTDOWN_SECONDS,
    stationName: settings.stationName ?? defaultStationName(hostName),
    ignore: settings.ignore ?? { serials: [], ecids: [] },
    defaultWorkflowId: settings.defaultWorkflowId ?? SUPERVISE_AND_ENROLL,
    sounds: settings.sounds ?? false,
    notify: settings.notify ?? true,
  };
}

export interface LoadBenchSettingsOptions {
  /** Defaults to `os.hostname()`. */
  readonly hostName?: string;
  /** When given, a default workflow that does not resolve falls back to the preset, with a problem. */
  readonly findWorkflow?: (id: string) => Promise<Workflow | undefined>;
}

/** The settings file of a data folder: `<dataDir>/settings.json`. */
export function settingsFile(dataDir: string): string {
  return path.join(dataDir, 'settings.json');
}

/**
 * Reads `<dataDir>/settings.json` into plain values. Never throws for a bad file: problems (a corrupt file
 * moved aside, a field out of range) come back as sentences for the operator, and defaults fill the gaps.
 */
export async function loadBenchSettings(
  dataDir: string,
  options: LoadBenchSettingsOptions = {},
): Promise<{ readonly settings: BenchSettings; readonly problems: readonly string[] }> {
  const loaded = await new SettingsStore(settingsFile(dataDir)).load();
  return resolveBenchSettings(loaded, options);
}

/** Applies the defaults to a loaded file, checking the default workflow when a lookup is given. */
export async function resolveBenchSettings(
  loaded: { readonly settings: Settings; readonly problems: readonly string[] },
  options: LoadBenchSettingsOptions = {},
): Promise<{ readonly settings: BenchSettings; readonly problems: readonly string[] }> {
  const settings = withDefaults(loaded.settings, options.hostName);
  const problems = [...loaded.problems];
  if (options.findWorkflow && !(await options.findWorkflow(settings.defaultWorkflowId))) {
    problems.push(
      `The default workflow "${settings.defaultWorkflowId}" does not exist or has a problem; ${SUPERVISE_AND_ENROLL} is used.`,
    );
    return { settings: { ...settings, defaultWorkflowId: SUPERVISE_AND_ENROLL }, problems };
  }
  return { settings, problems };
}
