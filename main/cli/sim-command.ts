/**
 * `enroll-bench sim …`: the shell door to the simulated device world.
 *
 * - `sim cfgutil [--socket PATH] <cfgutil args…>` runs one cfgutil-style command against a running world and
 *   prints exactly what cfgutil would, returning its exit code;
 * - `sim world [--devices N] [--time-scale X] [--seed S]` starts a standalone world, publishes it in the
 *   discovery file and prints its cfgutil path; runs until interrupted;
 * - `sim list|attach|detach|cart|trust|approve|ignore|unlock|lock|find-my|dep|online|language|fault …`
 *   play the operator's hand on a running world.
 */
import { sendToWorld } from '../sim/client/sim-client';
import { readDiscovery } from '../sim/discovery';
import { startSimulatedWorld } from '../sim/index';
import { parseFlags, UsageError } from './parse-flags';

const USAGE = `usage:
  enroll-bench sim world [--devices N] [--time-scale X] [--seed S]
  enroll-bench sim cfgutil [--socket PATH] <cfgutil arguments…>
  enroll-bench sim [--socket PATH] <verb> [arguments…]
verbs: list, attach [--class iPad|iPhone] [--type T] [--erased] [--paired] [--locked] [--find-my] [--dep STATE],
       detach ECID|--all, cart COUNT SECONDS, trust ECID [--deny], approve|ignore ECID [IDENTIFIER],
       unlock|lock ECID, find-my ECID on|off, dep ECID none|available|transient, online on|off,
       language en|fr|de, fault hang|garbage|crash|disconnect [--ecid E] [--command C] [--times N]`;

/** Takes a leading `--socket PATH` off the arguments. */
function takeSocket(argv: readonly string[]): { socket?: string; rest: readonly string[] } {
  if (argv[0] !== '--socket') return { rest: argv };
  const socket = argv[1];
  if (!socket) throw new UsageError('--socket needs a path');
  return { socket, rest: argv.slice(2) };
}

async function socketFor(explicit: string | undefined): Promise<string> {
  const socket = explicit ?? (await readDiscovery())?.socketPath;
  if (!socket)
    throw new UsageError(
      'no simulated world is running (start one with "enroll-bench sim world", or pass --socket PATH)',
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
  const { flags } = parseFlags(argv, { devices: 'string', 'time-scale': 'string', seed: 'string' });
  const devices = flags.devices === undefined ? 0 : Number(flags.devices);
  if (!Number.isInteger(devices) || devices < 0 || devices > 80)
    throw new UsageError('--devices must be a whole number from 0 to 80');
  const handle = await startSimulatedWorld({
    devices,
    timeScale: positiveNumber(flags['time-scale'], 'time-scale', 1),
    seed: Math.floor(positiveNumber(flags.seed, 'seed', 1)),
    publishDiscovery: true,
  });
  console.log(
    `simulated world running with ${devices} device(s)\ncfgutil: ${handle.cfgutilPath}\nsocket: ${handle.socketPath}`,
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
    console.log(USAGE);
    return verb === undefined ? 2 : 0;
  }
  if (verb === 'world') return runWorld(rest);
  const cfgutilMode = verb === 'cfgutil';
  const { socket, rest: args } = takeSocket(cfgutilMode ? rest : argv);
  const socketPath = await socketFor(socket);
  const frame = cfgutilMode
    ? { type: 'run' as const, argv: args, cwd: process.cwd() }
    : { type: 'control' as const, argv: args };
  let end;
  try {
    end = await sendToWorld(socketPath, frame, process);
  } catch {
    process.stderr.write(`enroll-bench: the simulated world at ${socketPath} is not reachable\n`);
    return 1;
  }
  if (end.kind === 'exit') return end.code;
  if (end.kind === 'crash') {
    process.stderr.write(`enroll-bench: simulated cfgutil crashed (${end.signal})\n`);
    return 134;
  }
  if (end.text)
    (end.ok ? process.stdout : process.stderr).write(end.text.endsWith('\n') ? end.text : `${end.text}\n`);
  return end.ok ? 0 : 1;
}
