/**
 * Options of the simulated world: timings, and one switch per behaviour the reference marks as unknown.
 *
 * Every *(configurable)* item of main/cfgutil/README.md §11 is a quirk here with the documented
 * default, so the app can be tested against each plausible variant of the real tool.
 */
import { SKIP_PANES } from './cfgutil/commands/prepare-flags';
import type { SimFault, SimFaultTarget } from './faults';
import type { SimAttachSpec } from './generate-device';

/** A fault armed at start; `device` picks one of the initial devices by its index. */
export interface SimStartFault {
  readonly fault: SimFault;
  readonly target?: Omit<SimFaultTarget, 'ecid'> & { readonly device?: number };
}

export type SimLanguage = 'en' | 'fr' | 'de';

/** Simulated durations in seconds; defaults from §8.2, §8.3, §9 and §11. */
export interface SimTimings {
  /** `erase` returns this long after it is sent. */
  readonly eraseReturnSeconds: number;
  /** Erase sent → USB detach (~16–25 s, §9). */
  readonly eraseDetachSeconds: number;
  /** Detach → re-attach (~40 s, §9). */
  readonly eraseReattachSeconds: number;
  /** After re-attach, `bootedState` is Booted this long before `prepare` really works (§11). */
  readonly bootSettleSeconds: number;
  readonly prepareMinSeconds: number;
  readonly prepareMaxSeconds: number;
  /** `prepare --dep` takes this long to fail with 33001 (§8.3). */
  readonly depFailSeconds: number;
  /** `list`, `pair`, `rename` and friends (§9: "a few seconds"). */
  readonly quickCommandSeconds: number;
  /** `get` costs this per property: ~11 properties take 1.8–2.1 s (§12). */
  readonly getPerPropertySeconds: number;
  /** `install-profile` (~2 s, AGREED-SIM 9). */
  readonly installProfileSeconds: number;
  /** `prepare` finished → USB detach of the reboot that follows it (§12: "MDM configuration … reboot"). */
  readonly prepareRebootDetachSeconds: number;
  /** Detach → re-attach of the reboot after `prepare` or `restart`. */
  readonly rebootReattachSeconds: number;
  /** `restore` / `update` with a cached IPSW (~11 min, §8.2). */
  readonly restoreSeconds: number;
  /** Seeded jitter: each duration is stretched by a factor in [1 − jitter, 1 + jitter]. */
  readonly jitter: number;
  /** How long `pair` waits for a Trust tap before reporting "pending". */
  readonly pairWaitSeconds: number;
  /** How long a command looks for its devices when `--timeout` is not given. */
  readonly detectTimeoutSeconds: number;
}

/** The unknowns of §10/§11, each a switch. */
export interface SimQuirks {
  /** Several devices attached and no `-e`/`-f` (§2.2, §11). */
  readonly ambiguousTarget: 'error' | 'all';
  /** Exit code of `get` when only some properties fail (§7.2). */
  readonly partialGetExitCode: 0 | 1;
  /** Exit code when some devices succeed and some fail (§11). */
  readonly mixedResultsExitCode: 0 | 1;
  /** `list`/JSON output compact (cfgutil 2.20) or pretty-printed (§6.1). */
  readonly jsonStyle: 'compact' | 'pretty';
  /** Where `--progress` records go in JSON/plist mode (§6.3, §11). */
  readonly jsonProgress: 'stderr' | 'stdout';
  /**
   * Whether MDM enrollment profiles install silently on a device supervised with the matching `-C/-K` (§8.4,
   * §11; AGREED-SIM 2 calls it `mdmInstallsSilently`, the scenario field of that name sets this).
   */
  readonly mdmSilentOnSupervised: boolean;
  /**
   * [U] After `prepare --skip-all` (every pane skipped), how many panes a person must still tap through
   * (libimobiledevice#477: `--skip-all` does not skip every screen). 0 = Setup Assistant finishes by itself.
   */
  readonly panesLeftAfterSkipAll: number;
  /**
   * [U] An MDM (direct-enrollment) profile installed before Setup Assistant is finished (memdocs: enrollment
   * needs a completed Setup Assistant): `ignored` = the command answers as usual but nothing is installed and
   * the device is not enrolled; `enrolls` = it installs as if Setup Assistant were done.
   */
  readonly installBeforeSetupDone: 'ignored' | 'enrolls';
  /**
   * [U] Whether an action reported with a bare error inside a success envelope (§6.1, §12) really happened.
   * `random` decides per run from the world's seed.
   */
  readonly bareErrorEffect: 'happened' | 'not-happened' | 'random';
  /**
   * [U] Where Activation Lock shows: at activation (`prepare` fails with "complete the activation process";
   * erase works, AGREED-SIM 7), or already at `erase` (S5's reading, §8.2).
   */
  readonly activationLockAt: 'activation' | 'erase';
  /** Broken Automation Tools: `list` returns an empty set (§1). */
  readonly brokenAutomationTools: boolean;
  /** Wi-Fi profile on an unactivated device: report 625, apply it, activate the device (§8.4). */
  readonly wifiProfileActivates: boolean;
  /** Whether an unparseable profile is refused (§11). */
  readonly rejectUnparseableProfiles: boolean;
  /** `objc[…]` class-clash noise on stderr of every run (§6.2). */
  readonly objcNoise: boolean;
  /** Code reported for a mid-command disconnect: the MobileDevice code or cfgutil's 603 (§7.1). */
  readonly disconnectCode: -402653052 | 603;
  /**
   * [U] Whether `cfgutil help prepare` lists its `--skip-*` flags in a form the bench can read. Default false:
   * the bench must then learn from a usage error naming the flag (issue 20 item 3).
   */
  readonly helpListsSkipFlags: boolean;
  /**
   * The Setup Assistant panes this cfgutil's `prepare` knows (`--skip-<pane>`); any other `--skip-*` flag is
   * a usage error naming it. Default: every pane of the one real 2.19/2.20 invocation.
   */
  readonly prepareSkipPanes: readonly string[];
  /**
   * What a `prepare` whose new configuration forbids pairing does when the caller passed no `-C/-K`: the
   * device ends supervised, but cfgutil cannot pair with it any more and reports −402653030 inside the
   * success envelope (AZTEC reads that code after prepare), or it ends cleanly. Default: the captured one.
   */
  readonly forbiddingPrepareWithoutIdentity: 'pairing-prohibited' | 'clean';
  /**
   * [U] After a `prepare --dep` that failed (33001), whether the device still takes a `prepare` without an
   * erase first (AZTEC always erased before trying again, so nobody knows). Default `needs-erase`: the next
   * `prepare` answers 612 until the device is erased.
   */
  readonly prepareAfterFailedDep: 'needs-erase' | 'works';
  /**
   * [U] What `list` shows for the UDID and name of an iPhone or iPad in Recovery/DFU: "N/A" as for a Mac in
   * DFU (captured for `iBridge2,15`), or the real values. Default "N/A": the bench cannot rely on them.
   */
  readonly recoveryListIdentity: 'n/a' | 'real';
  /** Language of messages; codes never change (§7.1, §11). */
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
  /** Demo helper: the simulated person taps through Setup Assistant this long after the device waits there. */
  readonly autoFinishSetupSeconds?: number;
  /** Faults armed when the world starts (scenarios); `device` is an index into `devices`. */
  readonly faults?: readonly SimStartFault[];
  /** False = "Automation Tools not installed": the cfgutil file is not written (§11). */
  readonly toolsInstalled?: boolean;
  /** Publish the socket in the per-user discovery file so `enroll-bench sim cfgutil` finds it. */
  readonly publishDiscovery?: boolean;
}

export const defaultTimings: SimTimings = {
  eraseReturnSeconds: 3,
  eraseDetachSeconds: 20.5,
  eraseReattachSeconds: 39,
  bootSettleSeconds: 60,
  prepareMinSeconds: 40,
  prepareMaxSeconds: 85,
  depFailSeconds: 40,
  quickCommandSeconds: 1,
  getPerPropertySeconds: 0.18,
  installProfileSeconds: 2,
  prepareRebootDetachSeconds: 5,
  rebootReattachSeconds: 30,
  restoreSeconds: 660,
  jitter: 0.2,
  pairWaitSeconds: 2,
  detectTimeoutSeconds: 1,
};

export const defaultQuirks: SimQuirks = {
  ambiguousTarget: 'error',
  partialGetExitCode: 0,
  mixedResultsExitCode: 1,
  jsonStyle: 'compact',
  jsonProgress: 'stderr',
  mdmSilentOnSupervised: false,
  panesLeftAfterSkipAll: 0,
  installBeforeSetupDone: 'ignored',
  bareErrorEffect: 'random',
  activationLockAt: 'activation',
  brokenAutomationTools: false,
  wifiProfileActivates: true,
  rejectUnparseableProfiles: true,
  objcNoise: false,
  disconnectCode: -402653052,
  helpListsSkipFlags: false,
  prepareSkipPanes: SKIP_PANES,
  forbiddingPrepareWithoutIdentity: 'pairing-prohibited',
  prepareAfterFailedDep: 'needs-erase',
  recoveryListIdentity: 'n/a',
  language: 'en',
  version: '2.20',
  build: '1001.5',
};
