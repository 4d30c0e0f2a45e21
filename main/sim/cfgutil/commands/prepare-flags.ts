/**
 * The flags `prepare` accepts (§8.3 of main/cfgutil/README.md).
 *
 * Anything else is an error, in particular any MDM-URL flag: none is known to exist, and the app must not
 * come to rely on one.
 */

/**
 * The `--skip-*` panes from one real 2.19/2.20 invocation (§8.3), without the `--skip-` prefix.
 *
 * Deliberately not imported from the driver's own list (main/cfgutil/prepare-options.ts): the simulator stands
 * in for Apple's tool, so a pane the driver invents must be refused here, as real cfgutil would refuse it.
 */
export const SKIP_PANES: readonly string[] = [
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
];

export interface PrepareFlags {
  readonly dep: boolean;
  readonly supervised: boolean;
  readonly name?: string;
  readonly hostCert?: string;
  readonly language?: string;
  readonly locale?: string;
  readonly forbidPairing: boolean;
  /** Panes skipped, expanded from `--skip-all`. */
  readonly skip: readonly string[];
}

const VALUE_FLAGS = new Set(['--name', '--host-cert', '--language', '--locale']);

/** Parses `prepare` arguments; a string is the usage error. */
export function parsePrepareFlags(
  args: readonly string[],
  knownPanes: readonly string[] = SKIP_PANES,
): PrepareFlags | string {
  const values = new Map<string, string>();
  const skip = new Set<string>();
  let dep = false;
  let supervised = false;
  let forbidPairing = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (VALUE_FLAGS.has(arg)) {
      const value = args[++i];
      if (value === undefined || value === '') return `option ${arg} requires a value`;
      values.set(arg, value);
    } else if (arg === '--dep') dep = true;
    else if (arg === '--supervised') supervised = true;
    else if (arg === '--forbid-pairing') forbidPairing = true;
    else if (arg === '--skip-all') knownPanes.forEach((p) => skip.add(p));
    else if (arg.startsWith('--skip-') && knownPanes.includes(arg.slice(7))) skip.add(arg.slice(7));
    else return `unrecognized option "${arg}" for prepare`;
  }
  return {
    dep,
    supervised,
    name: values.get('--name'),
    hostCert: values.get('--host-cert'),
    language: values.get('--language'),
    locale: values.get('--locale'),
    forbidPairing,
    skip: [...skip],
  };
}
