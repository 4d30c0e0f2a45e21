/**
 * Which `prepare --skip-*` flags this cfgutil knows (issue 20 item 3). Apple adds and renames Setup Assistant
 * panes with each Configurator release, and an unknown option makes `prepare` refuse to run at all. So the
 * bench reads `cfgutil help prepare` once per cfgutil path and sends only the `--skip-*` flags it lists; if the
 * help lists none (its layout is not public), the flags go as asked and a usage error that names one of them
 * drops it and retries once (`droppedByUsageError`). Everything learned is kept per path for the diagnostics
 * log and preflight (`prepareFlagReport`). README.md in this folder, "prepare flags", has the sources.
 */
import type { CfgutilRun, CfgutilRunner } from './run-cfgutil';

/** What one cfgutil path is known to accept. `listed` undefined: its help named no `--skip-*` flag. */
export interface PrepareFlagReport {
  readonly cfgutilPath: string;
  readonly listed?: ReadonlySet<string>;
  /** Flags the workflow asked for that this cfgutil does not list, or refused with a usage error. */
  readonly dropped: ReadonlySet<string>;
}

export const MAX_HELP_BYTES = 256 * 1024;

const SKIP_FLAG = /--skip-[a-z0-9]+(?:-[a-z0-9]+)*/g;

/** Every `--skip-*` flag a help text names; undefined when it names none. */
export function skipFlagsInHelp(text: string): ReadonlySet<string> | undefined {
  const found = new Set(text.match(SKIP_FLAG) ?? []);
  return found.size === 0 ? undefined : found;
}

interface Learned {
  listed: Promise<ReadonlySet<string> | undefined>;
  settled?: ReadonlySet<string> | undefined;
  readonly dropped: Set<string>;
}

const byPath = new Map<string, Learned>();

/** Reads `help prepare` once per path (a failed read is not retried until `forgetPrepareFlags`). */
export function listedPrepareFlags(
  cfgutilPath: string,
  runner: CfgutilRunner,
  env?: Readonly<Record<string, string>>,
): Promise<ReadonlySet<string> | undefined> {
  const known = byPath.get(cfgutilPath);
  if (known) return known.listed;
  const learned: Learned = { listed: Promise.resolve(undefined), dropped: new Set() };
  learned.listed = runner(cfgutilPath, ['help', 'prepare'], {
    timeoutMs: 15_000,
    // A help text is a few kilobytes; anything far larger is not one, and is not kept.
    maxOutputBytes: MAX_HELP_BYTES,
    label: 'help prepare',
    ...(env === undefined ? {} : { env }),
  })
    .then((run) => skipFlagsInHelp(`${run.stdout}\n${run.stderr}`))
    .catch(() => undefined)
    .then((listed) => {
      learned.settled = listed;
      return listed;
    });
  byPath.set(cfgutilPath, learned);
  return learned.listed;
}

/** The pane keys (`appleid`, not `--skip-appleid`; never `all`) a listed set names. */
export function paneKeysOf(listed: ReadonlySet<string> | undefined): string[] | undefined {
  if (listed === undefined) return undefined;
  return [...listed].map((flag) => flag.slice('--skip-'.length)).filter((key) => key !== 'all');
}

/** Splits `args` into what this cfgutil lists and what it does not; unlisted flags are recorded as dropped. */
export function keepListedFlags(
  cfgutilPath: string,
  args: readonly string[],
  listed: ReadonlySet<string> | undefined,
): string[] {
  if (listed === undefined) return [...args];
  const learned = byPath.get(cfgutilPath);
  return args.filter((arg) => {
    if (!arg.startsWith('--skip-') || listed.has(arg)) return true;
    learned?.dropped.add(arg);
    return false;
  });
}

/**
 * The `--skip-*` flag a failed run's usage error names, if the run printed no envelope (a usage error stops
 * cfgutil before it talks to a device, so nothing was done). Matched against the flags actually sent.
 */
export function droppedByUsageError(
  run: CfgutilRun | undefined,
  sent: readonly string[],
): string | undefined {
  if (!run || run.outcome !== 'exited' || run.exitCode === 0 || run.stdout.trim().startsWith('{'))
    return undefined;
  const named = new Set(`${run.stderr}\n${run.stdout}`.match(SKIP_FLAG) ?? []);
  return sent.find((arg) => arg.startsWith('--skip-') && named.has(arg));
}

export function recordDropped(cfgutilPath: string, flag: string): void {
  byPath.get(cfgutilPath)?.dropped.add(flag);
}

/** What is known about `cfgutilPath` (undefined before the first prepare asked). */
export function prepareFlagReport(cfgutilPath: string): PrepareFlagReport | undefined {
  const learned = byPath.get(cfgutilPath);
  if (!learned) return undefined;
  return {
    cfgutilPath,
    ...(learned.settled === undefined ? {} : { listed: learned.settled }),
    dropped: new Set(learned.dropped),
  };
}

/** One sentence for the diagnostics log and preflight; undefined when nothing was dropped. */
export function describeDroppedFlags(report: PrepareFlagReport | undefined): string | undefined {
  if (!report || report.dropped.size === 0) return undefined;
  const flags = [...report.dropped].sort().join(' ');
  return `This cfgutil does not know ${report.dropped.size === 1 ? 'the prepare option' : 'these prepare options'} ${flags}: prepare runs without ${report.dropped.size === 1 ? 'it' : 'them'}, so the matching Setup Assistant screens may show on the device.`;
}

/** Forgets a path (a different cfgutil was installed there, or a test starts afresh). */
export function forgetPrepareFlags(cfgutilPath?: string): void {
  if (cfgutilPath === undefined) byPath.clear();
  else byPath.delete(cfgutilPath);
}
