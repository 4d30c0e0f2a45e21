/**
 * People's names for the Setup Assistant panes `prepare --skip-<key>` can skip, and the groups the workflow
 * editor shows them in. Keys stay cfgutil's (that is what a workflow saves and what is sent); only the words
 * shown change. A key a newer cfgutil lists that this table lacks gets a name made from the key and goes to
 * "Other", so nothing cfgutil offers is ever hidden. README.md in this folder, "Skip panes", has the sources.
 */
import type { SkipPaneCatalogue, SkipPaneGroup } from '../../preload/jobs-domain';
import { isPaneKey, SKIP_PANES } from './prepare-options';

export const PANE_GROUPS = [
  'Welcome and language',
  'Accounts and privacy',
  'Features',
  'Device-specific',
  'After restore/update',
  'Other',
] as const;
export type PaneGroup = (typeof PANE_GROUPS)[number];

/** Known keys: the name Apple's Setup Assistant shows (or the nearest plain words) and the group. */
export const PANE_NAMES: Readonly<Record<string, { readonly name: string; readonly group: PaneGroup }>> = {
  welcome: { name: 'Welcome (Get Started)', group: 'Welcome and language' },
  language: { name: 'Language', group: 'Welcome and language' },
  region: { name: 'Country or Region', group: 'Welcome and language' },
  'preferred-language-setup': { name: 'Preferred Languages', group: 'Welcome and language' },
  'keyboard-setup': { name: 'Keyboards', group: 'Welcome and language' },
  'dictation-setup': { name: 'Dictation', group: 'Welcome and language' },
  'terms-of-address': { name: 'Terms of Address', group: 'Welcome and language' },
  'accessibility-appearance': { name: 'Accessibility Appearance', group: 'Welcome and language' },
  'tap-to-setup': { name: 'Quick Start (Tap to Set Up)', group: 'Welcome and language' },
  zoom: { name: 'Display Zoom', group: 'Welcome and language' },
  appleid: { name: 'Apple Account', group: 'Accounts and privacy' },
  tos: { name: 'Terms and Conditions', group: 'Accounts and privacy' },
  passcode: { name: 'Passcode', group: 'Accounts and privacy' },
  touchid: { name: 'Touch ID / Face ID', group: 'Accounts and privacy' },
  location: { name: 'Location Services', group: 'Accounts and privacy' },
  privacy: { name: 'Data & Privacy', group: 'Accounts and privacy' },
  diagnostics: { name: 'Analytics (Diagnostics)', group: 'Accounts and privacy' },
  screentime: { name: 'Screen Time', group: 'Accounts and privacy' },
  safety: { name: 'Safety', group: 'Accounts and privacy' },
  'intended-user': { name: 'Who Will Use This Device', group: 'Accounts and privacy' },
  'web-content-filtering': { name: 'Web Content Filtering', group: 'Accounts and privacy' },
  'phone-number-permission': { name: 'Phone Number Permission', group: 'Accounts and privacy' },
  siri: { name: 'Siri', group: 'Features' },
  applepay: { name: 'Apple Pay', group: 'Features' },
  'imessage-and-facetime': { name: 'iMessage and FaceTime', group: 'Features' },
  'app-store': { name: 'App Store', group: 'Features' },
  'apple-intelligence': { name: 'Apple Intelligence', group: 'Features' },
  'feature-highlights': { name: 'Feature Highlights', group: 'Features' },
  appearance: { name: 'Appearance (Light or Dark)', group: 'Features' },
  'true-tone': { name: 'True Tone Display', group: 'Features' },
  'software-update': { name: 'Software Update', group: 'Features' },
  android: { name: 'Move from Android', group: 'Features' },
  'watch-migration': { name: 'Apple Watch Migration', group: 'Features' },
  'home-button': { name: 'Home Button', group: 'Device-specific' },
  'action-button': { name: 'Action Button', group: 'Device-specific' },
  'camera-controls': { name: 'Camera Control', group: 'Device-specific' },
  'sim-setup': { name: 'SIM Setup (cellular)', group: 'Device-specific' },
  multitasking: { name: 'Multitasking (iPad)', group: 'Device-specific' },
  'screen-saver': { name: 'Screen Saver (Apple TV)', group: 'Device-specific' },
  'tv-home-screen-sync': { name: 'Home Screen Sync (Apple TV)', group: 'Device-specific' },
  'tv-provider': { name: 'TV Provider (Apple TV)', group: 'Device-specific' },
  'where-is-this-apple-tv': { name: 'Where Is This Apple TV? (Apple TV)', group: 'Device-specific' },
  restore: { name: 'Apps & Data (Restore)', group: 'After restore/update' },
  'restore-completed': { name: 'Restore Completed', group: 'After restore/update' },
  'update-completed': { name: 'Update Completed', group: 'After restore/update' },
};

/** `new-pane-x` → "New pane x": a readable name for a key this table does not know. */
export function derivedPaneName(key: string): string {
  const words = key.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function paneName(key: string): string {
  return Object.hasOwn(PANE_NAMES, key) ? (PANE_NAMES[key]?.name ?? key) : derivedPaneName(key);
}

const ORDER = Object.keys(PANE_NAMES);
/** Known keys in Setup Assistant's order (as the table lists them); others after them, by key. */
function tableOrder(key: string): number {
  const at = ORDER.indexOf(key);
  return at < 0 ? ORDER.length : at;
}

const KNOWN_LIST = 'this is the list known from Apple Configurator 2.19–2.20';
/** Why the known list is offered: the cfgutil's help named no pane, or no cfgutil is in use to ask. */
export const KNOWN_LIST_NOTES = {
  'help-lists-none':
    `This cfgutil's help does not list the panes it can skip, so ${KNOWN_LIST}. ` +
    'A pane this cfgutil does not know is left out when it prepares, and preflight names it.',
  'no-cfgutil': `No cfgutil is in use to ask which panes it can skip, so ${KNOWN_LIST}.`,
} as const;
export type KnownListReason = keyof typeof KNOWN_LIST_NOTES;

/**
 * The checklist for one cfgutil: `listed` are the keys its `help prepare` names (without `--skip-` and
 * without `all`), or undefined when it named none; then the known list is offered and `note` says why.
 */
export function skipPaneCatalogue(
  listed: readonly string[] | undefined,
  why: KnownListReason = 'help-lists-none',
): SkipPaneCatalogue {
  const keys = listed === undefined ? [...SKIP_PANES] : [...new Set(listed.filter(isPaneKey))];
  const groups: SkipPaneGroup[] = [];
  for (const title of PANE_GROUPS) {
    const panes = keys
      .filter((key) => (Object.hasOwn(PANE_NAMES, key) ? PANE_NAMES[key]?.group : 'Other') === title)
      .sort((a, b) => tableOrder(a) - tableOrder(b) || a.localeCompare(b))
      .map((key) => ({ key, name: paneName(key) }));
    if (panes.length > 0) groups.push({ title, panes });
  }
  return listed === undefined
    ? { source: 'known-list', note: KNOWN_LIST_NOTES[why], groups }
    : { source: 'cfgutil', groups };
}

/** Every key a catalogue offers. */
export function catalogueKeys(catalogue: SkipPaneCatalogue): ReadonlySet<string> {
  return new Set(catalogue.groups.flatMap((group) => group.panes.map((pane) => pane.key)));
}

/** What the catalogue needs of the engine's client (./cfgutil-client.ts). */
export interface SkipPaneSource {
  skipPaneKeys?(): Promise<readonly string[] | undefined>;
}

/**
 * The checklist for the cfgutil in use: its own list when `help prepare` names panes, otherwise (no engine, a
 * help that names none or only `--skip-all`, a failed read) the known list with the note saying so.
 */
export async function readSkipPaneCatalogue(source: SkipPaneSource | undefined): Promise<SkipPaneCatalogue> {
  if (!source?.skipPaneKeys) return skipPaneCatalogue(undefined, 'no-cfgutil');
  let listed: readonly string[] | undefined;
  try {
    listed = await source.skipPaneKeys();
  } catch {
    listed = undefined;
  }
  return skipPaneCatalogue(listed === undefined || listed.length === 0 ? undefined : listed);
}
