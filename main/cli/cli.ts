/**
 * The `enroll-bench` command line: one table of subcommands, each in its own module.
 *
 * Every command returns its exit code instead of calling `process.exit`, so tests can run it in-process.
 */
import { BenchError } from '../errors/bench-error';
import { UsageError } from './parse-flags';

type Command = (argv: readonly string[]) => Promise<number>;

const commands: Readonly<
  Record<string, { readonly summary: string; readonly load: () => Promise<Command> }>
> = {
  start: {
    summary: 'open the app (Electron; falls back to the headless server where Electron cannot run)',
    load: async () => (await import('./start-command')).runStartCommand,
  },
  sim: {
    summary:
      'simulated device world: sim world | sim cfgutil ARGS… | sim attach|detach|cart|trust|approve … (sim help)',
    load: async () => (await import('./sim-command')).runSimCommand,
  },
  serve: {
    summary: 'serve the bench UI over HTTP on 127.0.0.1 with a token (--simulate, --cfgutil PATH, --port N)',
    load: async () => (await import('./serve-command')).runServeCommand,
  },
  run: {
    summary:
      'provision attached devices: run --workflow ID|FILE [--simulate --cart N --time-scale X] [--until-idle] [--json]',
    load: async () => (await import('./run-command')).runRunCommand,
  },
  'field-check': {
    summary:
      'first real Mac: walk one device through every cfgutil step and write a report: field-check [--cfgutil PATH | --simulate] [--erase-serial SERIAL] [--record DIR]',
    load: async () => (await import('./field-check-command')).runFieldCheckCommand,
  },
  diagnostics: {
    summary:
      'diagnostics export [--out FILE]: a zip for a bug report (versions, preflight, settings, logs; no secrets)',
    load: async () => (await import('./diagnostics-command')).runDiagnosticsCommand,
  },
  profile: {
    summary:
      'the Intune enrollment profile: profile inspect FILE | profile import FILE (saves it), [--json] (exit 0 when usable)',
    load: async () => {
      const [{ runProfileCommand }, { runProfileImportCommand }] = await Promise.all([
        import('./profile-command'),
        import('./profile-import-command'),
      ]);
      return (argv) =>
        argv[0] === 'import' ? runProfileImportCommand(argv.slice(1)) : runProfileCommand(argv);
    },
  },
  identity: {
    summary:
      'the supervision identity: identity create --organization NAME | identity import FILE.p12 | identity show, [--json]',
    load: async () => (await import('./identity-command')).runIdentityCommand,
  },
  preflight: {
    summary:
      'the preflight checklist: preflight [--json] (exit 1 on any problem) | preflight clean NAME… | --all',
    load: async () => (await import('./preflight-command')).runPreflightCommand,
  },
  settings: {
    summary: 'the settings: settings show | settings set KEY VALUE|default, [--json]',
    load: async () => (await import('./settings-command')).runSettingsCommand,
  },
  workflow: {
    summary: 'workflows: workflow list | workflow show ID | workflow validate FILE, [--json]',
    load: async () => (await import('./workflow-command')).runWorkflowCommand,
  },
  log: {
    summary:
      'the bench log: log export --format csv|intune|json | log merge FILE… --out FILE | log show [--json]',
    load: async () => (await import('./log-command')).runLogCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: enroll-bench <command> [options]', '', 'commands:', ...lines].join('\n');
}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [name = 'start', ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return 0;
  }
  // Flags before any command (`enroll-bench --simulate`) mean "start with these flags".
  const command = name.startsWith('--') ? commands.start : commands[name];
  const args = name.startsWith('--') ? argv : rest;
  if (!command) {
    console.error(`enroll-bench: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (
      await command.load()
    )(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`enroll-bench: ${error.message}\n\n${usage()}`);
      return 2;
    }
    // An expected failure (a --cfgutil path that does not exist…) is explained, not dumped as a stack.
    if (error instanceof BenchError) {
      console.error(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
      return 1;
    }
    throw error;
  }
}
