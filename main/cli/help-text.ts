/**
 * `enroll-bench help [COMMAND]`, `COMMAND --help` and the completion scripts, all made from the one command
 * table (./command-table.ts), so what help shows, what completes and what parses are the same list.
 */
import { APP_VERSION } from '../app/app-version';
import { commandNames, commandTable, type CommandDoc, type CommandName, type FlagDoc } from './command-table';
import { exitCodeLines } from './exit-codes';

export function versionText(): string {
  return `enroll-bench ${APP_VERSION}`;
}

export function topHelp(): string {
  const width = Math.max(...commandNames.map((n) => n.length)) + 2;
  return [
    `enroll-bench ${APP_VERSION}: prepare and enroll iPhones and iPads into Intune from a Mac bench.`,
    '',
    'usage: enroll-bench COMMAND [options]      (enroll-bench help COMMAND, or COMMAND --help, for its options)',
    '',
    'commands:',
    ...commandNames.map((name) => `  ${name.padEnd(width)}${commandTable[name].summary}`),
    '',
    'options: --help, -h   this help · --version   the version',
    'The data folder is ENROLL_BENCH_DATA, or the per-user one the app uses.',
    '',
    'exit codes:',
    ...exitCodeLines.map((line) => `  ${line}`),
  ].join('\n');
}

function flagLabel(name: string, doc: FlagDoc): string {
  return doc.kind === 'string' ? `--${name} ${doc.value ?? 'VALUE'}` : `--${name}`;
}

export function commandHelp(name: CommandName): string {
  const doc: CommandDoc = commandTable[name];
  const flags = Object.entries(doc.flags);
  const width = Math.max(0, ...flags.map(([flag, f]) => flagLabel(flag, f).length)) + 2;
  return [
    `enroll-bench ${name}: ${doc.summary}`,
    '',
    'usage:',
    // A line that starts with spaces continues the one above it.
    ...doc.usage.map((line) =>
      line.startsWith(' ') ? `  ${' '.repeat(13)}${line.trimStart()}` : `  enroll-bench ${line}`,
    ),
    ...(flags.length > 0
      ? ['', 'options:', ...flags.map(([flag, f]) => `  ${flagLabel(flag, f).padEnd(width)}${f.help}`)]
      : []),
    `  ${'--help, -h'.padEnd(Math.max(width, 12))}this help`,
    ...(doc.notes ? ['', ...doc.notes] : []),
    '',
    'example:',
    `  ${doc.example}`,
  ].join('\n');
}

// ---- completion ----

/** Characters a word in the table may hold; anything else would need quoting in a shell script. */
const SAFE_WORD = /^[A-Za-z0-9._-]+$/;

function words(list: readonly string[]): string {
  for (const w of list) if (!SAFE_WORD.test(w)) throw new Error(`completion word "${w}" needs quoting`);
  return list.join(' ');
}

function valueWords(doc: FlagDoc): readonly string[] | undefined {
  return Array.isArray(doc.complete) ? (doc.complete as readonly string[]) : undefined;
}

export function bashCompletion(): string {
  const lines = [
    '# enroll-bench completion for bash. Load it with:  source <(enroll-bench completion bash)',
    '_enroll_bench() {',
    '  local cur prev cmd',
    '  cur="${COMP_WORDS[COMP_CWORD]}"',
    '  prev="${COMP_WORDS[COMP_CWORD-1]}"',
    '  cmd="${COMP_WORDS[1]}"',
    '  if [ "$COMP_CWORD" -eq 1 ]; then',
    `    COMPREPLY=($(compgen -W "${words(commandNames)} --help --version" -- "$cur"))`,
    '    return',
    '  fi',
    '  case "$cmd" in',
  ];
  for (const name of commandNames) {
    const doc: CommandDoc = commandTable[name];
    const flags = Object.entries(doc.flags);
    const subs = Object.keys(doc.subcommands ?? {});
    lines.push(`    ${name})`);
    lines.push('      case "$prev" in');
    for (const [flag, f] of flags) {
      if (f.kind !== 'string') continue;
      const values = valueWords(f);
      if (values)
        lines.push(`        --${flag}) COMPREPLY=($(compgen -W "${words(values)}" -- "$cur")); return ;;`);
      else if (f.complete === 'file')
        lines.push(`        --${flag}) COMPREPLY=($(compgen -f -- "$cur")); return ;;`);
      else lines.push(`        --${flag}) return ;;`);
    }
    lines.push('      esac');
    if (name === 'help') {
      lines.push(`      COMPREPLY=($(compgen -W "${words(commandNames)}" -- "$cur"))`);
    } else {
      const flagWords = [...flags.map(([flag]) => `--${flag}`), '--help'];
      const first =
        subs.length > 0
          ? `[ "$COMP_CWORD" -eq 2 ] && COMPREPLY=($(compgen -W "${words(subs)}" -- "$cur")) && return; `
          : '';
      lines.push(
        `      ${first}COMPREPLY=($(compgen -W "${words(flagWords)}" -- "$cur") $(compgen -f -- "$cur"))`,
      );
    }
    lines.push('      ;;');
  }
  lines.push('  esac', '}', 'complete -F _enroll_bench enroll-bench', '');
  return lines.join('\n');
}

/** zsh's _arguments wants `[help]` text without brackets or colons. */
function zshText(text: string): string {
  return text.replace(/[[\]:'\\]/g, ' ').replace(/`/g, '');
}

export function zshCompletion(): string {
  const lines = [
    '#compdef enroll-bench',
    '# enroll-bench completion for zsh. Install it with:',
    '#   enroll-bench completion zsh > "${fpath[1]}/_enroll-bench"   (then start a new shell)',
    '_enroll_bench() {',
    '  local -a commands',
    '  commands=(',
    ...commandNames.map((name) => `    '${name}:${zshText(commandTable[name].summary)}'`),
    '  )',
    '  if (( CURRENT == 2 )); then',
    "    _describe 'command' commands",
    '    return',
    '  fi',
    '  case "${words[2]}" in',
  ];
  for (const name of commandNames) {
    const doc: CommandDoc = commandTable[name];
    const specs = Object.entries(doc.flags).map(([flag, f]) => {
      const help = zshText(f.help);
      if (f.kind === 'boolean') return `'--${flag}[${help}]'`;
      const values = valueWords(f);
      const action = values ? `(${words(values)})` : f.complete === 'file' ? '_files' : ' ';
      return `'--${flag}=[${help}]:${(f.value ?? 'value').toLowerCase()}:${action}'`;
    });
    const subs = Object.keys(doc.subcommands ?? {});
    const positional =
      name === 'help'
        ? [`'1:command:(${words(commandNames)})'`]
        : subs.length > 0
          ? [`'1:subcommand:(${words(subs)})'`, "'*:argument:_files'"]
          : ["'*:argument:_files'"];
    lines.push(`    ${name})`);
    lines.push(`      words=("\${(@)words[2,-1]}"); (( CURRENT-- ))`);
    lines.push(
      `      _arguments -s ${[...specs, "'(-h --help)'{-h,--help}'[help]'", ...positional].join(' ')}`,
    );
    lines.push('      ;;');
  }
  lines.push('  esac', '}', '_enroll_bench "$@"', '');
  return lines.join('\n');
}
