/**
 * Flags shared by the Electron app and `enroll-bench start|serve`: which engine, where cfgutil is, and
 * where the headless server listens.
 */
import { appFlagDocs, recordFlagDocs, specOf } from './command-table';
import { recordFlagsFrom, type RecordFlags } from '../record/record-flags';
import { type ParsedArgs, parseFlags, parsePort, UsageError } from '../text/parse-flags';

/** The flags themselves, with their help, are in the command table. */
export const appFlagSpec = specOf(appFlagDocs);

export interface AppFlags {
  readonly simulate: boolean;
  readonly cfgutilFlag?: string;
  readonly serve: boolean;
  readonly port: number;
  readonly hostname: string;
  /** Speed of the simulated world's clock (1 = real time, 0.1 = ten times faster). */
  readonly timeScale?: number;
  /** `serve --allow-remote-control`: other screens may run jobs too (main/server/local-only-channels.ts). */
  readonly allowRemoteControl?: boolean;
  /** The simulated world's starting cart: a shipped scenario name or a JSON file (main/sim/scenario.ts). */
  readonly scenario?: string;
  /** `--simulate --fake-intune`: Settings › Intune talks to a fake Intune on loopback (main/sim/intune/). */
  readonly fakeIntune?: boolean;
}

export const DEFAULT_PORT = 4820;

/** Strict: an unknown flag is a usage error that names it. */
export function parseAppFlags(argv: readonly string[]): AppFlags {
  return appFlagsFrom(parseFlags(argv, appFlagSpec));
}

/**
 * The app's flags out of a parse made with `appFlagSpec` or a superset of it (`serve` adds `--record` and
 * `--replay`), so a command with more flags still reads them in one parse.
 */
export function appFlagsFrom({ flags, positional }: ParsedArgs<typeof appFlagSpec>): AppFlags {
  if (positional.length > 1)
    throw new UsageError(`unexpected argument "${positional[1]}" (give one profile file at most)`);
  const timeScale = flags['time-scale'] === undefined ? undefined : Number(flags['time-scale']);
  if (timeScale !== undefined && !(timeScale > 0 && timeScale <= 1000)) {
    throw new UsageError('--time-scale must be a number above 0 and at most 1000 (1 = real time)');
  }
  if (flags['fake-intune'] && !flags.simulate) {
    throw new UsageError('--fake-intune needs --simulate (it replaces Intune with a local fake)');
  }
  return {
    simulate: flags.simulate ?? false,
    ...(flags['fake-intune'] ? { fakeIntune: true } : {}),
    serve: flags.serve ?? false,
    port: parsePort(flags.port, DEFAULT_PORT),
    hostname: flags.host ?? '127.0.0.1',
    ...(flags.cfgutil ? { cfgutilFlag: flags.cfgutil } : {}),
    ...(timeScale !== undefined ? { timeScale } : {}),
    ...(flags['allow-remote-control'] ? { allowRemoteControl: true } : {}),
    ...(flags.scenario !== undefined ? { scenario: flags.scenario } : {}),
    ...(positional[0] !== undefined ? { profileFile: positional[0] } : {}),
  };
}

/** The app's flags with `--record`, `--record-raw` and `--replay` (`start`, and the Electron process). */
export const appRecordFlagSpec = specOf({ ...appFlagDocs, ...recordFlagDocs });

/** `start`: strict, like every command; the record flags are checked with the app's in one parse. */
export function parseStartFlags(argv: readonly string[]): { app: AppFlags; record: RecordFlags } {
  const parsed = parseFlags(argv, appRecordFlagSpec);
  const app = appFlagsFrom(parsed);
  const record = recordFlagsFrom(parsed.flags);
  checkReplayAlone(app, record);
  return { app, record };
}

/** A replay bundle is the cfgutil: it cannot also be the simulator or another cfgutil. */
export function checkReplayAlone(app: AppFlags, record: RecordFlags): void {
  if (record.replay && (app.simulate || app.cfgutilFlag))
    throw new UsageError('--replay answers as cfgutil: give it without --simulate or --cfgutil');
}

/**
 * Lenient, for the Electron process: Electron and macOS add arguments of their own (`-psn_…`,
 * `--inspect…`, the app path), so only the app's flags, their values and a `.mobileconfig` path are kept.
 */
export function parseElectronFlags(argv: readonly string[]): { app: AppFlags; record: RecordFlags } {
  const own: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = arg.startsWith('--') ? (arg.slice(2).split('=')[0] ?? '') : '';
    if (!arg.startsWith('-') && /\.mobileconfig$/i.test(arg)) {
      own.push(arg);
      continue;
    }
    if (!Object.hasOwn(appRecordFlagSpec, name)) continue;
    own.push(arg);
    const takesValue =
      appRecordFlagSpec[name as keyof typeof appRecordFlagSpec] === 'string' && !arg.includes('=');
    if (takesValue && argv[i + 1] !== undefined) own.push(argv[++i] ?? '');
  }
  return parseStartFlags(own);
}
