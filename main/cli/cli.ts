/**
 * The `enroll-bench` command line. The commands, their flags, help and completion come from one table
 * (./command-table.ts); each command lives in its own module, loaded only when run.
 *
 * Every command returns its exit code (./exit-codes.ts) instead of calling `process.exit`, so tests can run
 * it in-process. Whatever a command throws ends here in words: a usage error names the fix, a bench error its
 * title and detail, anything else one sentence with the details in the diagnostics log, never a stack trace.
 */
import { defaultDataDir } from '../storage/data-dir';
import { BenchError } from '../errors/bench-error';
import { BenchCannotRun } from './cannot-run';
import { commandNames, isCommandName, type CommandName } from './command-table';
import { EXIT } from './exit-codes';
import { bashCompletion, commandHelp, topHelp, versionText, zshCompletion } from './help-text';
import { closest, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';
import { DataFolderInUse } from '../storage/data-folder-lock';
import { reportUnexpected } from './unexpected-error';

type Command = (argv: readonly string[]) => Promise<number>;

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const processIo: CliIo = { out: stdoutLine, err: stderrLine, env: process.env };

const loaders: Readonly<Record<Exclude<CommandName, 'help' | 'completion'>, () => Promise<Command>>> = {
  start: async () => (await import('./start-command')).runStartCommand,
  serve: async () => (await import('./serve-command')).runServeCommand,
  run: async () => (await import('./run-command')).runRunCommand,
  status: async () => (await import('./remote-commands')).runStatusCommand,
  jobs: async () => (await import('./remote-commands')).runJobsCommand,
  arm: async () => (await import('./remote-commands')).runArmCommand(true),
  disarm: async () => (await import('./remote-commands')).runArmCommand(false),
  profile: async () => {
    const [{ runProfileCommand }, { runProfileImportCommand }] = await Promise.all([
      import('./profile-command'),
      import('./profile-import-command'),
    ]);
    const { runProfileTrainingCommand } = await import('./profile-import-command');
    return (argv) =>
      argv[0] === 'import'
        ? runProfileImportCommand(argv.slice(1))
        : argv[0] === 'training'
          ? runProfileTrainingCommand(argv.slice(1))
          : runProfileCommand(argv);
  },
  identity: async () => (await import('./identity-command')).runIdentityCommand,
  preflight: async () => (await import('./preflight-command')).runPreflightCommand,
  settings: async () => (await import('./settings-command')).runSettingsCommand,
  workflow: async () => (await import('./workflow-command')).runWorkflowCommand,
  log: async () => {
    const [{ runLogCommand }, { runLogTailCommand }] = await Promise.all([
      import('./log-command'),
      import('./remote-commands'),
    ]);
    return (argv) => (argv[0] === 'tail' ? runLogTailCommand(argv.slice(1)) : runLogCommand(argv));
  },
  sim: async () => (await import('./sim-command')).runSimCommand,
  intune: async () => (await import('./intune-command')).runIntuneCommand,
  'field-check': async () => (await import('./field-check-command')).runFieldCheckCommand,
  diagnostics: async () => (await import('./diagnostics-command')).runDiagnosticsCommand,
};

/** `--help` or `-h` among a command's own arguments (not after `--`, which passes words through). */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function unknownCommand(name: string, io: CliIo): number {
  const near = closest(name, commandNames);
  io.err(`enroll-bench: unknown command "${name}"${near ? ` (did you mean "${near}"?)` : ''}.`);
  io.err('Run "enroll-bench help" for the list of commands.');
  return EXIT.usage;
}

function helpCommand(argv: readonly string[], io: CliIo): number {
  const [name, ...extra] = argv;
  if (name === undefined) {
    io.out(topHelp());
    return EXIT.ok;
  }
  if (extra.length > 0 || !isCommandName(name)) return unknownCommand(name, io);
  io.out(commandHelp(name));
  return EXIT.ok;
}

function completionCommand(argv: readonly string[], io: CliIo): number {
  const [shell, ...extra] = argv;
  if (extra.length === 0 && (shell === 'zsh' || shell === 'bash')) {
    io.out(shell === 'zsh' ? zshCompletion() : bashCompletion());
    return EXIT.ok;
  }
  io.err('enroll-bench: completion takes one shell: zsh or bash.');
  io.err(commandHelp('completion'));
  return EXIT.usage;
}

export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [first, ...rest] = argv;
  // Bare `enroll-bench` shows what it can do; `npm start` says `start` explicitly.
  if (first === undefined || first === '--help' || first === '-h') return helpCommand([], io);
  if (first === '--version' || first === '-V') {
    io.out(versionText());
    return EXIT.ok;
  }
  // Flags before any command (`enroll-bench --simulate`) mean "start with these flags", as they always have.
  const name = first.startsWith('--') ? 'start' : first;
  const args = first.startsWith('--') ? argv : rest;
  if (!isCommandName(name)) return unknownCommand(name, io);
  if (name === 'help') return helpCommand(args, io);
  if (asksForHelp(args) && name !== 'sim') {
    io.out(commandHelp(name));
    return EXIT.ok;
  }
  if (name === 'completion') return completionCommand(args, io);
  try {
    return await (
      await loaders[name]()
    )(args);
  } catch (error) {
    return explain(error, name, io);
  }
}

async function explain(error: unknown, name: CommandName, io: CliIo): Promise<number> {
  if (error instanceof UsageError) {
    io.err(`enroll-bench ${name}: ${error.message}`);
    io.err(`Run "enroll-bench help ${name}" for its options and an example.`);
    return EXIT.usage;
  }
  if (error instanceof BenchCannotRun) {
    io.err(`enroll-bench: ${error.sentence}`);
    return EXIT.cannotRun;
  }
  // An expected failure (a --cfgutil path that does not exist…) is explained, not dumped as a stack.
  if (error instanceof BenchError) {
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    const noEngine = error.code === 'cfgutil-missing' || error.code === 'cfgutil-not-executable';
    return noEngine || error instanceof DataFolderInUse ? EXIT.cannotRun : EXIT.failed;
  }
  return reportUnexpected(error, defaultDataDir(io.env), io.err);
}

/**
 * For the `enroll-bench` executable: also catches what escapes every await (an error thrown in a timer or
 * an event handler), so even that ends in a sentence and exit code 4, never a stack trace.
 */
export async function runCliProcess(argv: readonly string[]): Promise<number> {
  const last = (error: unknown) => {
    void reportUnexpected(error, defaultDataDir(processIo.env), processIo.err).then((code) =>
      process.exit(code),
    );
  };
  process.on('uncaughtException', last);
  process.on('unhandledRejection', last);
  return runCli(argv);
}
