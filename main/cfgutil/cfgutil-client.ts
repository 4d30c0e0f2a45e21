/**
 * The typed cfgutil client: one method per command the bench uses, over the spawn, parse and error layers.
 *
 * Services receive a `CfgutilClient`, so tests can hand them a fake. The real client always passes
 * `--format JSON` and, for device commands, exactly one `-e <ECID>` (one process per device), adds `-C/-K`
 * whenever the caller holds the supervision identity (a device prepared with pairing forbidden answers only
 * to it), and bounds every command with a per-command timeout. Success resolves with a typed value; failure
 * rejects with a `CfgutilError` whose `info.code` is one of ours. It sends no device command to an ECID its
 * last `list` showed as not a bench device (a Mac in DFU, an Apple TV, a device in Recovery), and sends
 * `prepare` only the `--skip-*` flags this cfgutil lists. README.md in this folder has the commands, output
 * shapes and error codes with their sources.
 */
import type { Ecid } from '../../preload/domain';
import { CfgutilError, cfgutilError } from './cfgutil-error';
import type { DevicePropertyName } from './device-properties';
import { isDevicePropertyName } from './device-properties';
import { benchDeviceKind } from './bench-device-kind';
import { normalizeEcid } from './ecid';
import { interpretRun } from './interpret-run';
import { parseStdout } from './parse-output';
import {
  describeDroppedFlags,
  droppedByUsageError,
  keepListedFlags,
  listedPrepareFlags,
  paneKeysOf,
  prepareFlagReport,
  recordDropped,
} from './prepare-flag-support';
import { type PrepareOptions, checkPrepareOptions, prepareArgs } from './prepare-options';
import {
  type CfgutilVersion,
  type GetResult,
  type ListedDevice,
  readGet,
  readList,
  readVersion,
} from './read-results';
import { processCfgutilRunner } from './recording/process-runner';
import { type CfgutilRun, type CfgutilRunner, runCfgutil } from './run-cfgutil';

export type { CfgutilVersion, GetResult, ListedDevice } from './read-results';
export type { PrepareOptions, SkipPane } from './prepare-options';
export type {
  ConfigurationProfile,
  DeviceProperties,
  DevicePropertyName,
  InstalledApp,
} from './device-properties';

/**
 * The supervising organization's identity as two DER files (Configurator's exported PKCS#12 converted, §1).
 * Passed as `-C certPath -K keyPath`.
 */
export interface SupervisionIdentity {
  readonly certPath: string;
  readonly keyPath: string;
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** Overrides the command's default timeout. */
  readonly timeoutMs?: number;
}

export interface IdentityOptions extends CallOptions {
  /** Adds `-C/-K`: on a device we supervise, pairs without the Trust prompt and installs profiles silently. */
  readonly identity?: SupervisionIdentity;
}

export interface EraseOptions extends IdentityOptions {
  /** `--esim`: also remove the eSIM. */
  readonly esim?: boolean;
}

/** `installed`, or `awaiting-user-approval` after 625: the profile waits on the device for a person (§8.4). */
export type InstallProfileOutcome = 'installed' | 'awaiting-user-approval';

export interface CfgutilClient {
  /** `list`: attached devices; works unpaired. An empty list can also mean broken Automation Tools (§1). */
  list(options?: CallOptions): Promise<ListedDevice[]>;
  /**
   * `get`: typed values, plus an `ErrorInfo` for every requested property without a valid value. Pass the
   * identity for a device we supervise: one prepared with pairing forbidden pairs only with its holder.
   */
  get<P extends DevicePropertyName>(
    ecid: Ecid,
    properties: readonly P[],
    options?: IdentityOptions,
  ): Promise<GetResult<P>>;
  /** `pair`: fails with `trust-pending` / `trust-denied` / `pairing-prohibited` (§8.1). */
  pair(ecid: Ecid, options?: IdentityOptions): Promise<void>;
  unpair(ecid: Ecid, options?: CallOptions): Promise<void>;
  /** `erase`: returns once sent; the device then detaches and re-attaches Unactivated (§8.2). */
  erase(ecid: Ecid, options?: EraseOptions): Promise<void>;
  /**
   * `prepare` on a freshly erased device, with the identity whose certificate is the host certificate, so the
   * device it supervises (pairing forbidden or not) still talks to this Mac afterwards.
   */
  prepare(ecid: Ecid, prepare: PrepareOptions, options?: IdentityOptions): Promise<void>;
  /** `install-profile <absolute path>` (§8.4). */
  installProfile(ecid: Ecid, profilePath: string, options?: IdentityOptions): Promise<InstallProfileOutcome>;
  /** `remove-profile <identifier or absolute path>`; `no-such-profile` when it is not installed (§3). */
  removeProfile(ecid: Ecid, identifierOrPath: string, options?: IdentityOptions): Promise<void>;
  /** `rename <name>`; `set-prohibited` when a profile forbids it (§7.1). */
  rename(ecid: Ecid, name: string, options?: CallOptions): Promise<void>;
  /** `restart` (supervised only, so normally with the identity). */
  restart(ecid: Ecid, options?: IdentityOptions): Promise<void>;
  /** `shut-down` (supervised only, so normally with the identity). */
  shutDown(ecid: Ecid, options?: IdentityOptions): Promise<void>;
  version(options?: CallOptions): Promise<CfgutilVersion>;
  /**
   * The Setup Assistant pane keys this cfgutil's `help prepare` lists (read once per path, bounded in time and
   * size), or undefined when it lists none. Optional so a test's fake client may leave it out.
   */
  skipPaneKeys?(): Promise<readonly string[] | undefined>;
}

/** The commands the client runs, for timeouts and logging. */
export type ClientCommand =
  | 'list'
  | 'get'
  | 'pair'
  | 'unpair'
  | 'erase'
  | 'prepare'
  | 'install-profile'
  | 'remove-profile'
  | 'rename'
  | 'restart'
  | 'shut-down'
  | 'version';

/**
 * Default limits per command. `get`/`list` answer in seconds (§9); `pair` waits on the Trust dialog; `erase`
 * returns soon after sending (§8.2); `prepare` takes 40–90 s and up to ~3.5 min with DEP (§8.3).
 */
export const DEFAULT_TIMEOUTS_MS: Readonly<Record<ClientCommand, number>> = {
  list: 30_000,
  get: 45_000,
  pair: 90_000,
  unpair: 30_000,
  erase: 180_000,
  prepare: 600_000,
  'install-profile': 120_000,
  'remove-profile': 60_000,
  rename: 30_000,
  restart: 60_000,
  'shut-down': 60_000,
  version: 15_000,
};

export interface CfgutilClientOptions {
  /** Absolute path from `locateCfgutil` (or the simulator). */
  readonly cfgutilPath: string;
  /** Defaults to `runCfgutil`; tests may pass another. */
  readonly runner?: CfgutilRunner;
  /** Extra environment for the child, on top of the allow-list. */
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutsMs?: Partial<Record<ClientCommand, number>>;
  /** Called with every finished run (argv, exit code, duration, output) for the bench log. */
  readonly onRun?: (run: CfgutilRun, command: ClientCommand, ecid: Ecid | undefined) => void;
  /** A sentence for the diagnostics log: a prepare option this cfgutil does not know was left out. */
  readonly onNotice?: (text: string) => void;
}

function invalid(detail: string): never {
  throw cfgutilError('invalid-request', { about: detail });
}

function deviceEcid(ecid: Ecid): Ecid {
  return normalizeEcid(ecid) ?? invalid(`"${String(ecid)}" is not a device ECID.`);
}

/** An argument that follows the subcommand: never empty, never able to pass for an option. */
function plainArgument(value: string, what: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.startsWith('-') || value.includes('\0')) {
    invalid(`The ${what} must not be empty or start with "-".`);
  }
  return value;
}

function absolutePath(value: string, what: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.includes('\0'))
    invalid(`The ${what} must be an absolute path.`);
  return value;
}

function identityArgs(identity: SupervisionIdentity | undefined): string[] {
  if (!identity) return [];
  return [
    '-C',
    absolutePath(identity.certPath, 'supervision certificate'),
    '-K',
    absolutePath(identity.keyPath, 'supervision key'),
  ];
}

/** The real client. `list()` and `ListedDevice` are what the device watcher depends on. */
export function createCfgutilClient(options: CfgutilClientOptions): CfgutilClient {
  const runner = options.runner ?? processCfgutilRunner(runCfgutil);
  /** ECIDs the last `list` showed as not bench devices, with the reason shown for them. */
  let notBench = new Map<Ecid, string>();

  function benchTarget(ecid: Ecid): Ecid {
    const target = deviceEcid(ecid);
    const label = notBench.get(target);
    if (label !== undefined)
      invalid(`${target} is listed as "${label}": the bench sends it no command beyond list.`);
    return target;
  }

  function noticeDropped(): void {
    const text = describeDroppedFlags(prepareFlagReport(options.cfgutilPath));
    if (text !== undefined) options.onNotice?.(text);
  }

  async function prepareOnce(target: Ecid, args: readonly string[], call: IdentityOptions): Promise<void> {
    interpretRun(await run('prepare', target, args, call, identityArgs(call.identity)), { ecid: target });
  }

  async function run(
    command: ClientCommand,
    ecid: Ecid | undefined,
    args: readonly string[],
    call: CallOptions = {},
    global: readonly string[] = [],
  ) {
    const argv = [
      ...global,
      ...(ecid === undefined ? [] : ['-e', ecid]),
      '--format',
      'JSON',
      command,
      ...args,
    ];
    const result = await runner(options.cfgutilPath, argv, {
      timeoutMs: call.timeoutMs ?? options.timeoutsMs?.[command] ?? DEFAULT_TIMEOUTS_MS[command],
      label: ecid === undefined ? command : `${command} ${ecid}`,
      ...(call.signal === undefined ? {} : { signal: call.signal }),
      ...(options.env === undefined ? {} : { env: options.env }),
    });
    options.onRun?.(result, command, ecid);
    return result;
  }

  async function action(
    command: ClientCommand,
    ecid: Ecid,
    args: readonly string[],
    call: IdentityOptions = {},
  ): Promise<void> {
    const target = benchTarget(ecid);
    interpretRun(await run(command, target, args, call, identityArgs(call.identity)), { ecid: target });
  }

  return {
    async list(call) {
      const result = interpretRun(await run('list', undefined, [], call));
      const listed = result.kind === 'output' ? readList(result.envelope) : [];
      const next = new Map<Ecid, string>();
      for (const device of listed) {
        const kind = benchDeviceKind(device);
        if (kind.kind !== 'bench') next.set(device.ecid, kind.label);
      }
      notBench = next;
      return listed;
    },
    async get(ecid, properties, call = {}) {
      const target = benchTarget(ecid);
      const wanted = [...new Set(properties)];
      if (wanted.length === 0) invalid('Ask for at least one property.');
      const unknown = wanted.find((p) => !isDevicePropertyName(p));
      if (unknown !== undefined) invalid(`"${String(unknown)}" is not a property the bench reads.`);
      const result = interpretRun(await run('get', target, wanted, call, identityArgs(call.identity)), {
        ecid: target,
      });
      if (result.kind !== 'output') return { values: {}, errors: {} };
      const { envelope } = result;
      if (!envelope.outputs.has(target) && !envelope.propertyErrors.has(target)) {
        throw cfgutilError('output-unparseable', {
          ecid: target,
          originalMessage: `the reply does not mention ${target}`,
        });
      }
      return readGet(envelope, target, wanted);
    },
    pair: (ecid, call) => action('pair', ecid, [], call),
    unpair: (ecid, call) => action('unpair', ecid, [], call),
    erase: (ecid, call) => action('erase', ecid, call?.esim ? ['--esim'] : [], call),
    async prepare(ecid, prepare, call = {}) {
      const problem = checkPrepareOptions(prepare);
      if (problem !== undefined) invalid(problem);
      const target = benchTarget(ecid);
      const listed = await listedPrepareFlags(options.cfgutilPath, runner, options.env);
      const args = keepListedFlags(options.cfgutilPath, prepareArgs(prepare), listed);
      noticeDropped();
      try {
        await prepareOnce(target, args, call);
      } catch (error) {
        // A usage error naming a flag we sent: this cfgutil does not know it. Nothing was done; once without it.
        const flag = error instanceof CfgutilError ? droppedByUsageError(error.run, args) : undefined;
        if (flag === undefined) throw error;
        recordDropped(options.cfgutilPath, flag);
        noticeDropped();
        await prepareOnce(
          target,
          args.filter((arg) => arg !== flag),
          call,
        );
      }
    },
    async installProfile(ecid, profilePath, call = {}) {
      const target = benchTarget(ecid);
      const path = absolutePath(profilePath, 'profile');
      const result = await run('install-profile', target, [path], call, identityArgs(call.identity));
      const outcome = interpretRun(result, { ecid: target, expectedCodes: ['needs-user-approval'] });
      return outcome.kind === 'expected' ? 'awaiting-user-approval' : 'installed';
    },
    removeProfile: async (ecid, identifierOrPath, call) =>
      action('remove-profile', ecid, [plainArgument(identifierOrPath, 'profile identifier')], call),
    rename: async (ecid, name, call) => action('rename', ecid, [plainArgument(name, 'device name')], call),
    restart: (ecid, call) => action('restart', ecid, [], call),
    shutDown: (ecid, call) => action('shut-down', ecid, [], call),
    skipPaneKeys: async () => paneKeysOf(await listedPrepareFlags(options.cfgutilPath, runner, options.env)),
    async version(call) {
      const result = await run('version', undefined, [], call);
      // `version` may print plain text even with --format JSON (§10 item 9): a clean exit is read either way.
      if (result.outcome === 'exited' && result.exitCode === 0) {
        const parsed = parseStdout(result.stdout);
        if (parsed.kind === 'output') return readVersion(parsed, result.stdout);
        if (parsed.kind === 'unparseable' && result.stdout.trim() !== '')
          return readVersion(undefined, result.stdout);
      }
      const interpreted = interpretRun(result);
      return readVersion(interpreted.kind === 'output' ? interpreted.envelope : undefined, result.stdout);
    },
  };
}
