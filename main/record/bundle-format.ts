/**
 * The shape of a recording bundle: a folder holding `manifest.json` (written once, atomically, when recording
 * starts) and `exchanges-000001.jsonl`… (one cfgutil exchange per line, appended as each run ends).
 *
 * Everything in a bundle has already been through the pseudonymiser and the secret filter (see README.md):
 * what is on disk may be attached to a public bug report.
 */

export const BUNDLE_FORMAT = 'enroll-bench-recording';
export const BUNDLE_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';
export const EXCHANGES_PREFIX = 'exchanges';

export interface BundleManifest {
  readonly format: typeof BUNDLE_FORMAT;
  readonly version: typeof BUNDLE_VERSION;
  readonly createdAt: string;
  readonly appVersion: string;
  /** What recorded it: `run`, `serve`, `field-check`… */
  readonly recordedBy: string;
  /** `process.platform` of the recording machine (`darwin` for a field report). */
  readonly platform: string;
  /** True unless `--record-raw` kept the real serials, ECIDs, UDIDs and names. */
  readonly pseudonymised: boolean;
  /** The cfgutil binary's file name only (`cfgutil`), never its folder. */
  readonly cfgutilName: string;
}

/** One cfgutil process: what was asked and what came back, as the bench saw it. */
export interface RecordedExchange {
  /** 1-based position in the bundle. */
  readonly seq: number;
  /** Milliseconds since the bundle was started, when the run began. */
  readonly startedAtMs: number;
  readonly durationMs: number;
  /** The arguments after the binary (`-e`, `--format`, the command…), file paths as `<file:NAME sha256:…>`. */
  readonly args: readonly string[];
  /** The cfgutil command (`list`, `get`, `prepare`…), or `?` when none could be found. */
  readonly command: string;
  /** The one `-e` device, in cfgutil's spelling, when there is one. */
  readonly ecid?: string;
  /** Extra environment the bench passed, secrets removed. */
  readonly env?: Readonly<Record<string, string>>;
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number | null;
  readonly signal: string | null;
  readonly outcome: 'exited' | 'timed-out' | 'cancelled' | 'output-too-large' | 'start-failed';
}

/** Commands cfgutil knows, so the command word can be told from option values in argv. */
const COMMANDS = new Set([
  'list',
  'get',
  'pair',
  'unpair',
  'erase',
  'prepare',
  'install-profile',
  'remove-profile',
  'rename',
  'restart',
  'shut-down',
  'version',
  'help',
  'activate',
  'install-app',
  'remove-app',
  'restore',
  'update',
  'backup',
  'exec',
  'syslog',
  'get-icon-layout',
  'set-icon-layout',
  'get-unlock-token',
  'clear-passcode',
  'add-tags',
  'remove-tags',
  'get-app-config',
  'install-doc',
  'remove-doc',
  'get-doc',
  'revive',
  'set-wallpaper',
  'wake',
  'sleep',
]);

/** Global options that take a value (the value is not the command). */
const VALUED_OPTIONS = new Set([
  '-e',
  '--ecid',
  '-f',
  '--format',
  '-C',
  '--certificate',
  '-K',
  '--private-key',
  '-U',
  '--cfgutil-path',
]);

/** The command word and the `-e` device of a cfgutil argv (without the binary). */
export function commandOf(args: readonly string[]): { readonly command: string; readonly ecid?: string } {
  let ecid: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '-e' || arg === '--ecid') {
      ecid = args[i + 1];
      i += 1;
      continue;
    }
    if (VALUED_OPTIONS.has(arg)) {
      i += 1;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (COMMANDS.has(arg)) return { command: arg, ...(ecid === undefined ? {} : { ecid }) };
  }
  return { command: '?', ...(ecid === undefined ? {} : { ecid }) };
}
