/**
 * How the simulated `cfgutil` answers one command line, inside the world (the real process is spawned only by
 * main/cfgutil/run-cfgutil.ts; this is the other side of that pipe): parse, select devices, honour busy flags and
 * armed faults, run the subcommand per device in parallel, write the output, pick the exit code.
 *
 * Never throws on bad input: argv comes from a socket, so every problem becomes cfgutil-style stderr and a
 * non-zero exit (§11.2).
 */
import { formatCfgutilEcid } from '../../cfgutil/ecid';
import type { SimDevice } from '../device-model';
import { giveBackFault, takeFault, type ArmedFault } from '../faults';
import { plainMessage, simError } from '../messages';
import { SimAbortError } from '../sim-clock';
import type { SimWorld } from '../sim-world';
import { findDeviceCommand } from './command-registry';
import type {
  DeviceCommand,
  DeviceOutcome,
  DeviceResult,
  DeviceRun,
  OutputSink,
  RunContext,
} from './command-types';
import { fail } from './command-types';
import { requestedProperties } from './commands/get';
import { parseExecArgs, runExec } from './exec';
import { helpText, versionText } from './commands/help';
import { writeList } from './commands/list';
import { parseArgv, type GlobalOptions } from './parse-argv';
import { selectDevices } from './select-devices';
import { serialize } from './serialize';
import { writeResults } from './write-results';

/** How a run ends: an exit code, or death by a signal (crash fault). */
export type RunEnd =
  { readonly kind: 'exit'; readonly code: number } | { readonly kind: 'crash'; readonly signal: string };

export interface CfgutilRequest {
  readonly argv: readonly string[];
  readonly cwd: string;
  /** The folder holding the simulated `cfgutil`, put on `PATH` for `exec` hooks (§11.14). */
  readonly toolDir?: string;
}

const exit = (code: number): RunEnd => ({ kind: 'exit', code });

// The class-clash warning seen on real Macs (§6.2); the app must ignore it.
const OBJC_NOISE =
  'objc[4242]: Class AMSupportURLConnectionDelegate is implemented in both /usr/lib/libauthinstall.dylib and ' +
  '/System/Library/PrivateFrameworks/MobileDevice.framework/Versions/A/MobileDevice. One of the two will be used. Which one is undefined.\n';

/** Real progress lines fill 80 columns: `<label> [****…]  100%` (README.md in main/cfgutil, "Text output"). */
export const PROGRESS_COLUMNS = 80;

export function progressLine(label: string, percent: number): string {
  // The bar is sized for "  100%"; a smaller figure is printed as is, so that line is a column shorter.
  const width = Math.max(10, PROGRESS_COLUMNS - label.length - ' ['.length - ']'.length - '  100%'.length);
  const share = Math.min(100, Math.max(0, Math.round(percent)));
  const stars = Math.floor((width * share) / 100);
  const bar = stars >= width ? '*'.repeat(width) : `${'*'.repeat(stars)}>${' '.repeat(width - stars - 1)}`;
  return `${label} [${bar}]  ${share}%`;
}

function usageError(sink: OutputSink, message: string): RunEnd {
  sink.stderr(`cfgutil: error: ${message}\n`);
  return exit(1);
}

function contextFor(
  world: SimWorld,
  request: CfgutilRequest,
  options: GlobalOptions,
  command: string,
  sink: OutputSink,
  signal: AbortSignal,
): RunContext {
  const language = world.quirks.language;
  return {
    world,
    options,
    cwd: request.cwd,
    signal,
    language,
    error: (id) => simError(id, language),
    sleep: (seconds) => world.clock.sleep(seconds, signal),
    progress(device, step, of, text) {
      if (options.format === 'text') {
        const label =
          step === 1 ? `${text} [${step}/${of}]` : `Step ${step} of ${of}: ${text} [${step}/${of}]`;
        sink.stdout(`${progressLine(label, 100)}\n`);
      } else if (options.progress) {
        const record = {
          Type: 'Progress',
          Command: command,
          ECID: formatCfgutilEcid(device.ecid),
          Step: step,
          StepCount: of,
          Message: text,
        };
        const line = `${JSON.stringify(record)}\n`;
        if (world.quirks.jsonProgress === 'stdout') sink.stdout(line);
        else sink.stderr(line);
      }
    },
  };
}

/** Runs the action, or not, and reports a bare error inside the success envelope either way (§6.1, §12). */
async function bareErrorRun(
  device: SimDevice,
  run: DeviceRun,
  ctx: RunContext,
  fault: Extract<ArmedFault['fault'], { kind: 'bare-error' }>,
): Promise<DeviceOutcome> {
  const happened = fault.happened ?? ctx.world.bareErrorHappened();
  if (happened) await run(device, ctx);
  else await ctx.sleep(ctx.world.timings.quickCommandSeconds);
  return { ok: true, output: {}, bareError: ctx.error(fault.error ?? 'disconnected') };
}

async function runOnDevice(
  ecid: bigint,
  command: DeviceCommand,
  run: DeviceRun,
  ctx: RunContext,
  fault: ArmedFault | undefined,
): Promise<DeviceResult> {
  const { world } = ctx;
  // A refusal before the device answers leaves an armed fault for the next real run.
  const refused = (outcome: DeviceOutcome): DeviceOutcome => {
    if (fault) giveBackFault(world.faults, fault);
    return outcome;
  };
  const device: SimDevice | undefined = world.attachedDevice(ecid);
  if (!device)
    return {
      ecid: formatCfgutilEcid(ecid),
      name: 'Unknown device',
      outcome: refused(fail(ctx.error('disconnected'))),
    };
  const release = world.tryAcquire(ecid, 'cfgutil');
  if (!release)
    return { ecid: formatCfgutilEcid(ecid), name: device.name, outcome: refused(fail(ctx.error('busy'))) };
  // Taken by the device (attached, not busy): the world's witness of what was sent to it.
  world.commands.note(ecid, command.name);
  let outcome: DeviceOutcome;
  try {
    if (device.bootedState !== 'Booted' && !command.worksInRecovery) {
      await ctx.sleep(world.timings.quickCommandSeconds * 0.5);
      outcome = refused(fail(ctx.error('wrongMode')));
    } else if (command.mutates && world.isSettling(ecid)) {
      // Booted again, but not yet accepting changes (§8.2: AZTEC sleeps 70 s; AGREED-SIM 4).
      await ctx.sleep(world.timings.quickCommandSeconds * 0.5);
      outcome = refused(fail(ctx.error('busy')));
    } else if (fault?.fault.kind === 'bare-error') {
      outcome = await bareErrorRun(device, run, ctx, fault.fault);
    } else if (fault?.fault.kind === 'disconnect') {
      const { effectApplied, reattachAfterSeconds } = fault.fault;
      if (effectApplied) await run(device, ctx);
      else await ctx.sleep(world.timings.quickCommandSeconds * 0.5);
      world.unplug(ecid);
      if (reattachAfterSeconds !== undefined)
        world.clock.schedule(
          reattachAfterSeconds,
          () => void world.attach({ ecid: formatCfgutilEcid(ecid) }),
        );
      outcome = fail(ctx.error(world.quirks.disconnectCode === 603 ? 'deviceStateUnknown' : 'disconnected'));
    } else if (fault?.fault.kind === 'error') {
      await ctx.sleep(world.timings.quickCommandSeconds);
      outcome = fail(ctx.error(fault.fault.error));
    } else {
      outcome = await run(device, ctx);
    }
  } catch (error) {
    // Killed mid-command (abort), or a simulator bug: report a generic state error rather than crash.
    outcome = fail(ctx.error(error instanceof SimAbortError ? 'disconnected' : 'deviceStateUnknown'));
  } finally {
    release();
  }
  return { ecid: formatCfgutilEcid(ecid), name: device.name, outcome };
}

async function runDeviceCommand(
  world: SimWorld,
  request: CfgutilRequest,
  options: GlobalOptions,
  command: DeviceCommand,
  args: readonly string[],
  sink: OutputSink,
  signal: AbortSignal,
): Promise<RunEnd> {
  const run = command.bind(args, options, world);
  if (typeof run === 'string') return usageError(sink, run);
  const selection = await selectDevices(world, options, signal);
  if (selection.kind !== 'devices') {
    return usageError(
      sink,
      plainMessage(selection.kind === 'none' ? 'noDevices' : 'ambiguous', world.quirks.language),
    );
  }
  const armed = takeFault(world.faults, command.name, selection.ecids);
  const special = await specialFault(armed, sink, signal);
  if (special) return special;
  const ctx = contextFor(world, request, options, command.name, sink, signal);
  const target = armed?.ecid ?? selection.ecids[0];
  const results = await Promise.all(
    selection.ecids.map((e) => runOnDevice(e, command, run, ctx, e === target ? armed : undefined)),
  );
  const order = command.layout === 'get' ? requestedProperties(args) : undefined;
  return exit(
    writeResults(
      sink,
      command,
      results.map((r) => ({ ...r, order })),
      options.format,
      world.quirks,
    ),
  );
}

/** Faults that replace the whole run: hang until killed, garbage on stdout, or a crash. */
async function specialFault(
  armed: ArmedFault | undefined,
  sink: OutputSink,
  signal: AbortSignal,
): Promise<RunEnd | undefined> {
  switch (armed?.fault.kind) {
    case 'hang':
      await new Promise<void>((resolve) =>
        signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true }),
      );
      return exit(1);
    case 'garbage':
      sink.stdout('\u0000\u001b[2J{"Command":"li\u00ff\u00fe#### MobileDevice: AMDeviceConnect ###\n');
      return exit(0);
    case 'crash':
      return { kind: 'crash', signal: armed.fault.signal ?? 'SIGABRT' };
    case 'disconnect':
    case 'error':
    case 'bare-error':
    case undefined:
      return undefined;
  }
}

export async function answerCommand(
  world: SimWorld,
  request: CfgutilRequest,
  sink: OutputSink,
  signal: AbortSignal,
): Promise<RunEnd> {
  const { quirks } = world;
  if (quirks.objcNoise) sink.stderr(OBJC_NOISE);
  const parsed = parseArgv(request.argv);
  if (!parsed.ok) return usageError(sink, parsed.message);
  const { options, command, args } = parsed.invocation;
  if (command === undefined) {
    sink.stderr(helpText() ?? '');
    return exit(1);
  }
  if (command === 'help' || command === 'usage') {
    const text = helpText(args[0], quirks);
    if (text === undefined) return usageError(sink, `unknown command "${args[0] ?? ''}"`);
    sink.stdout(text);
    return exit(0);
  }
  if (command === 'version') {
    if (options.format === 'text') sink.stdout(versionText(quirks.version, quirks.build));
    else
      sink.stdout(
        serialize(
          {
            Command: 'version',
            Output: { version: quirks.version, build: quirks.build },
            Type: 'CommandOutput',
            Devices: [],
          },
          options.format,
          quirks.jsonStyle,
        ),
      );
    return exit(0);
  }
  if (command === 'exec') {
    const hooks = parseExecArgs(args);
    if (typeof hooks === 'string') return usageError(sink, hooks);
    await runExec(world, hooks, request.cwd, request.toolDir ?? request.cwd, signal);
    return exit(0);
  }
  if (command === 'list') {
    const special = await specialFault(takeFault(world.faults, 'list', world.attachedEcids()), sink, signal);
    if (special) return special;
    await world.clock.sleep(world.timings.quickCommandSeconds * 0.3, signal);
    return exit(writeList(world, options.format, sink));
  }
  const deviceCommand = findDeviceCommand(command);
  if (!deviceCommand) return usageError(sink, `unknown command "${command}"`);
  return runDeviceCommand(world, request, options, deviceCommand, args, sink, signal);
}
