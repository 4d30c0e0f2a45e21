/**
 * `enroll-bench sim …`: the shell door to the simulated device world.
 *
 * - `sim cfgutil [--socket PATH] <cfgutil args…>` runs one cfgutil-style command against a running world and
 *   prints exactly what cfgutil would, returning its exit code;
 * - `sim world [--devices N | --scenario NAME|FILE] [--time-scale X] [--seed S]` starts a standalone world,
 *   publishes it in the discovery file of this bench (its data folder) and prints its cfgutil path; runs until
 *   interrupted;
 * - `sim list|attach|detach|cart|trust|approve|ignore|unlock|lock|find-my|dep|online|language|fault|
 *   finish-setup|power-on|flap|switch|unreadable …` play the operator's hand on a running world; `sim commands
 *   ECID` lists the commands that reached a device.
 *
 * Which world: `--socket PATH`, else the one published for `--bench DIR` (a data folder), else for this
 * process's data folder (`ENROLL_BENCH_DATA`), so two benches on one machine never answer for each other.
 */
import { sendToWorld } from '../sim/client/sim-client';
import { benchOf, discoveryFilePath, readDiscovery } from '../sim/discovery';
import { loadScenario, scenarioWorldOptions, startSimulatedWorld, type SimWorldOptions } from '../sim/index';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine, stdoutText, stderrText } from './terminal-output';

const USAGE = `usage:
  enroll-bench sim world [--devices N | --scenario clean-cart|messy-cart|FILE] [--time-scale X] [--seed S] [--bench DIR]
  enroll-bench sim cfgutil [--socket PATH | --bench DIR] <cfgutil arguments…>
  enroll-bench sim replay BUNDLE   (a cfgutil answering from a --record folder; prints its path)
  enroll-bench sim [--socket PATH | --bench DIR] <verb> [arguments…]
verbs: list, attach [--class iPad|iPhone] [--type T] [--erased] [--paired] [--locked] [--find-my] [--dep STATE] [--name NAME]
         [--unreadable PROPERTY],
       detach ECID|--all, cart COUNT SECONDS, trust ECID [--deny], approve|ignore ECID [IDENTIFIER],
       unlock|lock ECID, find-my ECID on|off, dep ECID none|available|transient, online on|off,
       language en|fr|de, finish-setup ECID, power-on ECID, flap ECID [N], unreadable ECID PROPERTY on|off,
       commands ECID (the cfgutil commands that reached the device, oldest first),
       switch mdmInstallsSilently|panesLeftAfterSkipAll|installBeforeSetupDone|bareErrorEffect|activationLockAt VALUE,
       fault hang|garbage|crash|disconnect|bare-error|error [--code C] [--happened yes|no] [--ecid E] [--command C] [--times N]
--bench DIR names the bench by its data folder (default: ENROLL_BENCH_DATA or the platform's data folder).`;

interface Target {
  readonly socket?: string;
  readonly bench?: string;
}

/** Takes leading `--socket PATH` / `--bench DIR` off the arguments. */
function takeTarget(argv: readonly string[]): { target: Target; rest: readonly string[] } {
  let rest = argv;
  const target: { socket?: string; bench?: string } = {};
  while (rest[0] === '--socket' || rest[0] === '--bench') {
    const value = rest[1];
    if (!value) throw new UsageError(`${rest[0]} needs a path`);
    if (rest[0] === '--socket') target.socket = value;
    else target.bench = value;
    rest = rest.slice(2);
  }
  return { target, rest };
}

async function socketFor(target: Target): Promise<string> {
  if (target.socket) return target.socket;
  const bench = target.bench ?? benchOf();
  const socket = (await readDiscovery(discoveryFilePath(process.env, bench)))?.socketPath;
  if (!socket)
    throw new UsageError(
      `no simulated world is running for the bench at ${bench} (start one with "enroll-bench sim world", or pass --socket PATH or --bench DIR)`,
    );
  return socket;
}

function positiveNumber(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`--${name} must be a positive number, not "${text}"`);
  return value;
}

async function runWorld(argv: readonly string[]): Promise<number> {
  const { flags } = parseFlags(argv, flagSpec('sim', 'world'));
  if (flags.devices !== undefined && flags.scenario !== undefined)
    throw new UsageError('give --devices or --scenario, not both');
  const devices = flags.devices === undefined ? 0 : Number(flags.devices);
  if (!Number.isInteger(devices) || devices < 0 || devices > 40)
    throw new UsageError('--devices must be a whole number from 0 to 40');
  const base: SimWorldOptions =
    flags.scenario === undefined ? { devices } : scenarioWorldOptions(await loadScenario(flags.scenario));
  const handle = await startSimulatedWorld({
    ...base,
    timeScale: positiveNumber(flags['time-scale'], 'time-scale', 1),
    ...(flags.seed !== undefined || base.seed === undefined
      ? { seed: Math.floor(positiveNumber(flags.seed, 'seed', 1)) }
      : {}),
    publishDiscovery: true,
    ...(flags.bench !== undefined ? { bench: flags.bench } : {}),
  });
  // Counted from the start options: a flapping port may be off USB at this very moment.
  const count = typeof base.devices === 'number' ? base.devices : (base.devices ?? []).length;
  if (handle.discovery && !handle.discovery.ok)
    stderrLine(`enroll-bench: this world is not published: ${handle.discovery.reason}`);
  stdoutLine(
    `simulated world running with ${count} device(s)\ncfgutil: ${handle.cfgutilPath}\nsocket: ${handle.socketPath}`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await handle.close();
  return 0;
}

export async function runSimCommand(argv: readonly string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === undefined || verb === '--help' || verb === 'help') {
    stdoutLine(USAGE);
    return verb === undefined ? 2 : 0;
  }
  if (verb === 'world') return runWorld(rest);
  if (verb === 'replay') return (await import('./sim-replay-command')).runSimReplay(rest);
  const cfgutilMode = verb === 'cfgutil';
  const { target, rest: args } = takeTarget(cfgutilMode ? rest : argv);
  const socketPath = await socketFor(target);
  const frame = cfgutilMode
    ? { type: 'run' as const, argv: args, cwd: process.cwd() }
    : { type: 'control' as const, argv: args };
  let end;
  try {
    end = await sendToWorld(socketPath, frame, process);
  } catch {
    stderrLine(`enroll-bench: the simulated world at ${socketPath} is not reachable`);
    return 1;
  }
  if (end.kind === 'exit') return end.code;
  if (end.kind === 'crash') {
    stderrLine(`enroll-bench: simulated cfgutil crashed (${end.signal})`);
    return 134;
  }
  if (end.text) (end.ok ? stdoutText : stderrText)(end.text.endsWith('\n') ? end.text : `${end.text}\n`);
  return end.ok ? 0 : 1;
}
