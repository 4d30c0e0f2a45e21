/**
 * Typed options for `cfgutil prepare`, and their translation to flags.
 *
 * Every flag is one the reference shows in real use (main/cfgutil/README.md §8.3): `--dep`,
 * `--supervised`, `--name`, `--host-cert`, `--language`, `--locale` (not `--region`), `--forbid-pairing`, the
 * `--skip-*` panes of one real 2.19/2.20 invocation, and `--skip-all`. There is deliberately no MDM-URL option:
 * no such cfgutil flag is known (§8.3, §10 item 1).
 */

/** The Setup Assistant panes cfgutil can skip, from the full §8.3 list (without the `--skip-` prefix). */
export const SKIP_PANES = [
  'accessibility-appearance',
  'action-button',
  'android',
  'app-store',
  'appearance',
  'apple-intelligence',
  'appleid',
  'applepay',
  'camera-controls',
  'diagnostics',
  'dictation-setup',
  'feature-highlights',
  'home-button',
  'imessage-and-facetime',
  'intended-user',
  'keyboard-setup',
  'language',
  'location',
  'multitasking',
  'passcode',
  'phone-number-permission',
  'preferred-language-setup',
  'privacy',
  'region',
  'restore',
  'restore-completed',
  'safety',
  'screen-saver',
  'screentime',
  'sim-setup',
  'siri',
  'software-update',
  'tap-to-setup',
  'terms-of-address',
  'touchid',
  'true-tone',
  'tv-home-screen-sync',
  'tv-provider',
  'update-completed',
  'watch-migration',
  'web-content-filtering',
  'welcome',
  'where-is-this-apple-tv',
  'zoom',
] as const;

/**
 * A pane key as cfgutil spells it after `--skip-`: lower-case words joined by dashes. Newer cfgutils add keys the
 * list above lacks, so a well-formed key is accepted; one this cfgutil does not list is left out of `prepare`
 * and named by preflight (./prepare-flag-support.ts). The form alone keeps option injection out.
 */
export const PANE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_PANE_KEY = 60;

export function isPaneKey(key: string): boolean {
  return key.length <= MAX_PANE_KEY && PANE_KEY.test(key) && key !== 'all';
}

/** A known pane or one a newer cfgutil lists (see {@link isPaneKey}). */
export type SkipPane = string;

export interface PrepareOptions {
  /** `--dep`: use the device's Automated Device Enrollment configuration from Apple Business Manager. */
  readonly dep?: boolean;
  /** `--supervised`. */
  readonly supervised?: boolean;
  /** `--name <organization>`: the supervising organization's name. */
  readonly name?: string;
  /** `--host-cert <path>`: absolute path of the DER certificate of the host allowed to pair. */
  readonly hostCert?: string;
  /** `--language <code>`, for example `en`. */
  readonly language?: string;
  /** `--locale <code>`, for example `en_US`. */
  readonly locale?: string;
  /** `--skip-<pane>` for each pane. */
  readonly skip?: readonly SkipPane[];
  /** `--skip-all` (reported not to skip every screen in practice, §8.3). */
  readonly skipAll?: boolean;
  /** `--forbid-pairing`: the prepared device refuses to pair with other hosts. */
  readonly forbidPairing?: boolean;
}

/** Language and locale codes: letters, digits, `_` and `-`, never starting with `-` (no option injection). */
const CODE = /^[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{1,8})*$/;

/** Why the options are unusable, or undefined when they are fine. */
export function checkPrepareOptions(options: PrepareOptions): string | undefined {
  if (options.name !== undefined && (options.name.trim() === '' || options.name.startsWith('-'))) {
    return 'The organization name must not be empty or start with "-".';
  }
  if (options.hostCert !== undefined && !options.hostCert.startsWith('/')) {
    return 'The host certificate must be given as an absolute path.';
  }
  if (options.language !== undefined && !CODE.test(options.language))
    return 'The language code is not valid.';
  if (options.locale !== undefined && !CODE.test(options.locale)) return 'The locale code is not valid.';
  const unknown = options.skip?.find((pane) => !isPaneKey(pane));
  if (unknown !== undefined) return `"${unknown}" is not a Setup Assistant pane cfgutil can skip.`;
  return undefined;
}

/** The `prepare` arguments (after the subcommand name) for valid options. */
export function prepareArgs(options: PrepareOptions): string[] {
  const args: string[] = [];
  if (options.dep) args.push('--dep');
  if (options.supervised) args.push('--supervised');
  if (options.name !== undefined) args.push('--name', options.name);
  if (options.hostCert !== undefined) args.push('--host-cert', options.hostCert);
  if (options.language !== undefined) args.push('--language', options.language);
  if (options.locale !== undefined) args.push('--locale', options.locale);
  if (options.skipAll) args.push('--skip-all');
  for (const pane of new Set(options.skip ?? [])) args.push(`--skip-${pane}`);
  if (options.forbidPairing) args.push('--forbid-pairing');
  return args;
}
