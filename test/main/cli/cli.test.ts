import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli/cli';
import { commandNames } from '../../../main/cli/command-table';
import { EXIT } from '../../../main/cli/exit-codes';
import { APP_VERSION } from '../../../main/app/app-version';
import { runCliChild } from './cli-child';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-'));
  dirs.push(dir);
  return dir;
}

function capture(env: NodeJS.ProcessEnv = {}): { out: string[]; err: string[]; io: CliIo } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t) => out.push(t), err: (t) => err.push(t), env } };
}

describe('runCli conventions', () => {
  it('prints the help for bare enroll-bench, help, --help and -h: every command and the exit codes', async () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) {
      const { out, io } = capture();
      expect(await runCli(argv, io)).toBe(EXIT.ok);
      const text = out.join('\n');
      for (const command of commandNames) expect(text).toMatch(new RegExp(`^  ${command} `, 'm'));
      expect(text).toMatch(/exit codes:[\s\S]*\n {2}4 {2}the bench could not run/);
    }
  });

  it('prints each command’s help for help COMMAND, COMMAND --help and COMMAND -h, even among other flags', async () => {
    for (const argv of [
      ['help', 'run'],
      ['run', '--help'],
      ['run', '--simulate', '-h'],
    ]) {
      const { out, io } = capture();
      expect(await runCli(argv, io)).toBe(EXIT.ok);
      const text = out.join('\n');
      expect(text).toContain('enroll-bench run --workflow');
      expect(text).toMatch(/--until-idle\s+end once/);
      expect(text).toMatch(/example:\n {2}enroll-bench run /);
    }
  });

  it('prints the version for --version', async () => {
    const { out, io } = capture();
    expect(await runCli(['--version'], io)).toBe(EXIT.ok);
    expect(out).toEqual([`enroll-bench ${APP_VERSION}`]);
  });

  it('names the closest known option and command, exit 2', async () => {
    const { err, io } = capture();
    expect(await runCli(['run', '--until-idel'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/unknown option --until-idel \(did you mean --until-idle\?\)/);
    expect(err.join('\n')).toContain('enroll-bench help run');
    expect(await runCli(['prefligth'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/unknown command "prefligth" \(did you mean "preflight"\?\)/);
    expect(await runCli(['serve', '--bogus'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/unknown option --bogus$/m);
  });

  it('accepts for a subcommand only the flags the table gives it', async () => {
    const { err, io } = capture({ ENROLL_BENCH_DATA: await dataDir() });
    expect(await runCli(['log', 'show', '--out', 'x.csv'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/unknown option --out/);
  });

  it('the field kit comes from the table: field-check, diagnostics, sim replay, --record/--replay on run and serve', async () => {
    const help = async (argv: string[]) => {
      const { out, io } = capture();
      expect(await runCli(argv, io)).toBe(EXIT.ok);
      return out.join('\n');
    };
    for (const command of ['run', 'serve'])
      for (const flag of ['--record DIR', '--record-raw', '--replay BUNDLE'])
        expect(await help(['help', command])).toContain(flag);
    expect(await help(['field-check', '--help'])).toMatch(/--erase-serial SERIAL[\s\S]*--record DIR/);
    expect(await help(['help', 'diagnostics'])).toMatch(/diagnostics export[\s\S]*--lines N/);
    expect(await help(['help', 'sim'])).toContain('sim replay BUNDLE');
    expect(await help(['completion', 'zsh'])).toMatch(/field-check[\s\S]*diagnostics/);
    // One parse: the record flags are checked with the command's own, before anything runs.
    const { err, io } = capture({ ENROLL_BENCH_DATA: await dataDir() });
    expect(await runCli(['run', '--simulate', '--workflow', 'x', '--record-raw'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/--record-raw needs --record DIR/);
    expect(await runCli(['diagnostics', 'export', '--record', 'x'], io)).toBe(EXIT.usage);
    expect(await runCli(['diagnostics', 'send'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/unknown subcommand "send"/);
    expect(await runCli(['start', '--record-raw'], io)).toBe(EXIT.usage);
    expect(await runCli(['start', '--simulate', '--replay', 'x'], io)).toBe(EXIT.usage);
  });

  it('prints completion scripts for zsh and bash, and refuses another shell', async () => {
    for (const shell of ['zsh', 'bash']) {
      const { out, io } = capture();
      expect(await runCli(['completion', shell], io)).toBe(EXIT.ok);
      expect(out.join('\n')).toContain('enroll-bench');
    }
    const { err, io } = capture();
    expect(await runCli(['completion', 'fish'], io)).toBe(EXIT.usage);
    expect(err.join('\n')).toMatch(/zsh or bash/);
  });

  it('explains a --cfgutil path that does not exist without a stack trace: exit 4, the bench could not run', async () => {
    const { err, io } = capture({ ENROLL_BENCH_DATA: await dataDir() });
    expect(await runCli(['serve', '--cfgutil', '/no/such/cfgutil', '--port', '0'], io)).toBe(EXIT.cannotRun);
    expect(err.join('\n')).toContain('/no/such/cfgutil');
    expect(err.join('\n')).not.toMatch(/\n\s+at /);
  });
});

describe('the enroll-bench process', () => {
  it('prints the help for bare enroll-bench and exits 0 (it does not start a server)', async () => {
    const result = await runCliChild([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: enroll-bench COMMAND/m);
    expect(result.stderr).toBe('');
  }, 60_000);

  it('answers run --help, and names the closest option for a typo with exit 2', async () => {
    const help = await runCliChild(['run', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--workflow ID\|FILE/);
    const typo = await runCliChild(['run', '--jsno']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean --json\?/);
  }, 60_000);

  it('never lets outside text act on the terminal: an escape sequence in an argument comes out visible', async () => {
    const hostile = 'F9FX\u001b[2J\u001b]0;pwned\u0007\u202eQ0A1';
    for (const argv of [[hostile], ['workflow', 'show', hostile], ['run', `--${hostile}`]]) {
      const result = await runCliChild(argv);
      // eslint-disable-next-line no-control-regex -- the point of the test
      expect(result.stdout + result.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
      expect(result.stderr).toContain('F9FX');
    }
  }, 60_000);

  it('ends a read-only data folder in one sentence and exit 4, with the details in a file it names', async () => {
    // A data folder under a regular file cannot be created (ENOTDIR), whoever runs the test (root included).
    const parent = await dataDir();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(parent, 'file'), 'x');
    const result = await runCliChild(
      ['run', '--simulate', '--workflow', 'supervise-and-enroll', '--until-idle'],
      { ENROLL_BENCH_DATA: path.join(parent, 'file', 'data') },
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/cannot be written: part of its path is a file, not a folder/);
    expect(result.stderr).toMatch(/Details are in \S+/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
