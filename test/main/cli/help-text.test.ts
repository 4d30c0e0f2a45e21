import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commandNames, commandTable, flagSpec, type CommandDoc } from '../../../main/cli/command-table';
import { bashCompletion, commandHelp, topHelp, zshCompletion } from '../../../main/cli/help-text';
import { zshComplete } from './zsh-complete';

describe('help from the command table', () => {
  it('lists every flag of every command, with its help, and one example', () => {
    for (const name of commandNames) {
      const doc: CommandDoc = commandTable[name];
      const help = commandHelp(name);
      for (const [flag, f] of Object.entries(doc.flags)) {
        expect(help).toContain(`--${flag}`);
        expect(help).toContain(f.help);
      }
      expect(help).toMatch(new RegExp(`example:\\n {2}enroll-bench ${name}\\b`));
      expect(doc.example.startsWith(`enroll-bench ${name}`)).toBe(true);
    }
    expect(topHelp()).toContain('--version');
  });

  it('gives each subcommand only flags the command lists', () => {
    for (const name of commandNames) {
      const doc: CommandDoc = commandTable[name];
      for (const [sub, flags] of Object.entries(doc.subcommands ?? {})) {
        for (const flag of flags) expect(Object.keys(doc.flags), `${name} ${sub}`).toContain(flag);
        expect(Object.keys(flagSpec(name, sub)).sort()).toEqual([...flags].sort());
      }
    }
  });
});

describe('completion scripts', () => {
  it('bash: valid syntax, and it completes commands, a command’s flags and a flag’s values', () => {
    const script = bashCompletion();
    execFileSync('bash', ['-n'], { input: script });
    const complete = (line: string): string[] => {
      const words = line.split(' ');
      const program = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _enroll_bench; printf '%s\\n' "\${COMPREPLY[@]}"`;
      return execFileSync('bash', ['-c', program], { cwd: '/', encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    };
    expect(complete('enroll-bench pre')).toEqual(['preflight']);
    expect(complete('enroll-bench run --until')).toEqual(['--until-idle']);
    expect(complete('enroll-bench log export --format ')).toEqual(['csv', 'intune', 'json']);
    expect(complete('enroll-bench workflow ')).toEqual(['list', 'show', 'validate', 'panes']);
  });

  it('zsh: names every command and every flag, and only words that need no quoting', () => {
    const script = zshCompletion();
    expect(script.startsWith('#compdef enroll-bench')).toBe(true);
    for (const name of commandNames) {
      expect(script).toContain(`    ${name})`);
      for (const flag of Object.keys(commandTable[name].flags)) expect(script).toContain(`'--${flag}`);
    }
    // Quotes are balanced on every line: no help text broke out of its single quotes.
    for (const line of script.split('\n')) expect((line.match(/'/g) ?? []).length % 2).toBe(0);
  });

  it('zsh: valid syntax, and a real interactive zsh completes commands, flags, values and subcommands', () => {
    const script = zshCompletion();
    execFileSync('zsh', ['-n'], { input: script });
    expect(zshComplete(script, 'enroll-bench pre')).toEqual({ line: 'enroll-bench preflight', listed: [] });
    expect(zshComplete(script, 'enroll-bench run --until').line).toBe('enroll-bench run --until-idle');
    expect(zshComplete(script, 'enroll-bench jobs retry --all-f').line).toBe(
      'enroll-bench jobs retry --all-failed',
    );
    expect(zshComplete(script, 'enroll-bench log export --format ').listed).toEqual([
      'csv',
      'intune',
      'json',
    ]);
    expect(zshComplete(script, 'enroll-bench workflow ').listed).toEqual([
      'list',
      'panes',
      'show',
      'validate',
    ]);
  });
});
