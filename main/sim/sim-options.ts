/**
 * Options of the simulated world: timings, and one switch per behaviour the reference marks as unknown.
 *
 * Every *(configurable)* item of ../shared/reference/cfgutil.md §11 is a quirk here with the documented
 * default, so the app can be tested against each plausible variant of the real tool.
 */
import type { SimAttachSpec } from './generate-device';

export type SimLanguage = 'en' | 'fr' | 'de';

/** Simulated durations in seconds; defaults from §8.2, §8.3, §9 and §11.5. */
export interface SimTimings {
  /** `erase` returns this long after it is sent. */
  readonly eraseReturnSeconds: number;
  /** Erase sent → USB detach (~16–25 s, §9). */
  readonly eraseDetachSeconds: number;
  /** Detach → re-attach (~40 s, §9). */
  readonly eraseReattachSeconds: number;
  /** After re-attach, `bootedState` is Booted this long before `prepare` really works (§11.5). */
  readonly bootSettleSeconds: number;
  readonly prepareMinSeconds: number;
  readonly prepareMaxSeconds: number;
  /** `prepare --dep` takes this long to fail with 33001 (§8.3). */
  readonly depFailSeconds: number;
  /** `get`, `list`, `install-profile` and friends (§9: "a few seconds"). */
  readonly quickCommandSeconds: number;
  /** How long `pair` waits for a Trust tap before reporting "pending". */
  readonly pairWaitSeconds: number;
  /** `restart`: detach → re-attach. */
  readonly restartSeconds: number;
  /** How long a command looks for its devices when `--timeout` is not given. */
  readonly detectTimeoutSeconds: number;
}

/** The unknowns of §10/§11, each a switch. */
export interface SimQuirks {
  /** Several devices attached and no `-e`/`-f` (§2.2, §11.3). */
  readonly ambiguousTarget: 'error' | 'all';
  /** Exit code of `get` when only some properties fail (§7.2). */
  readonly partialGetExitCode: 0 | 1;
  /** Exit code when some devices succeed and some fail (§11.18). */
  readonly mixedResultsExitCode: 0 | 1;
  /** `list`/JSON output compact (cfgutil 2.20) or pretty-printed (§6.1). */
  readonly jsonStyle: 'compact' | 'pretty';
  /** Where `--progress` records go in JSON/plist mode (§6.3, §11.19). */
  readonly jsonProgress: 'stderr' | 'stdout';
  /** Whether MDM enrollment profiles install silently on supervised devices (§8.4, §11.11). */
  readonly mdmSilentOnSupervised: boolean;
  /** Broken Automation Tools: `list` returns an empty set (§1). */
  readonly brokenAutomationTools: boolean;
  /** Wi-Fi profile on an unactivated device: report 625, apply it, activate the device (§8.4). */
  readonly wifiProfileActivates: boolean;
  /** Whether an unparseable profile is refused (§11.11). */
  readonly rejectUnparseableProfiles: boolean;
  /** `objc[…]` class-clash noise on stderr of every run (§6.2). */
  readonly objcNoise: boolean;
  /** Code reported for a mid-command disconnect: the MobileDevice code or cfgutil's 603 (§7.1). */
  readonly disconnectCode: -402653052 | 603;
  /** Language of messages; codes never change (§7.1, §11.21). */
  readonly language: SimLanguage;
  readonly version: string;
  readonly build: string;
}

export interface SimWorldOptions {
  /** Seed for every generated identity and duration. Default 1. */
  readonly seed?: number;
  /** Real seconds per simulated second. Default 1; tests use 0.001–0.01. */
  readonly timeScale?: number;
  /** Devices attached at start: a count, or explicit specs. */
  readonly devices?: number | readonly SimAttachSpec[];
  /** Whether the Mac has Internet (prepare needs it, §8.3). Default true. */
  readonly online?: boolean;
  readonly timings?: Partial<SimTimings>;
  readonly quirks?: Partial<SimQuirks>;
  /** Demo helper: the simulated operator taps Trust this long after the dialog appears. */
  readonly autoTrustSeconds?: number;
  /** Demo helper: the simulated operator approves pending profiles after this long. */
  readonly autoApproveSeconds?: number;
  /** False = "Automation Tools not installed": the cfgutil file is not written (§11.1). */
  readonly toolsInstalled?: boolean;
  /** Publish the socket in the per-user discovery file so `enroll-bench sim cfgutil` finds it. */
  readonly publishDiscovery?: boolean;
}

export const defaultTimings: SimTimings = {
  eraseReturnSeconds: 3,
  eraseDetachSeconds: 22,
  eraseReattachSeconds: 40,
  bootSettleSeconds: 60,
  prepareMinSeconds: 40,
  prepareMaxSeconds: 90,
  depFailSeconds: 40,
  quickCommandSeconds: 1,
  pairWaitSeconds: 2,
  restartSeconds: 30,
  detectTimeoutSeconds: 1,
};

export const defaultQuirks: SimQuirks = {
  ambiguousTarget: 'error',
  partialGetExitCode: 0,
  mixedResultsExitCode: 1,
  jsonStyle: 'compact',
  jsonProgress: 'stderr',
  mdmSilentOnSupervised: false,
  brokenAutomationTools: false,
  wifiProfileActivates: true,
  rejectUnparseableProfiles: true,
  objcNoise: false,
  disconnectCode: -402653052,
  language: 'en',
  version: '2.20',
  build: '1001.5',
};
