/**
 * Drives a real interactive zsh (through its zpty module) with our completion script installed, types a line,
 * presses Tab, and reads back what zsh made of it: the completed line, and the candidates it listed when
 * more than one fits. The completion test runs the script as an operator's shell would, not as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ZshCompletion {
  /** The command line after Tab. */
  readonly line: string;
  /** The words zsh listed under the prompt (empty when Tab completed one word in place). */
  readonly listed: readonly string[];
}

const DRIVER = String.raw`
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "bindkey -e; PS1='>'; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D; enroll-bench() { :; }"
zpty -w z "zstyle ':completion:*' list-prompt ''; zstyle ':completion:*' menu no"
zpty -w -n z "$2"$'\t'
sleep 0.5
zpty -w -n z $'\C-a print -r -- "<<<"\C-e">>>"\C-m'
sleep 0.5
out=''
while zpty -r -t z chunk; do out+="$chunk"; done
print -r -- "$out"
zpty -d z
`;

// Terminal control characters are what this parser reads: the escapes, the bell, backspace, carriage return.
/* eslint-disable no-control-regex */
const ESCAPES = /\x1b\[[0-9;?]*[A-Za-z]/g;
const BELL_BACKSPACE_RETURN = /[\x07\x08\r]/g;
/* eslint-enable no-control-regex */

export function zshComplete(script: string, typed: string): ZshCompletion {
  const dir = mkdtempSync(path.join(tmpdir(), 'eb-zsh-'));
  writeFileSync(path.join(dir, '_enroll-bench'), script);
  writeFileSync(path.join(dir, 'driver.zsh'), DRIVER);
  const raw = execFileSync('zsh', ['-f', path.join(dir, 'driver.zsh'), dir, typed], {
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, TERM: 'xterm', HOME: dir },
  });
  const text = raw.replace(ESCAPES, '');
  const printed = [...text.replace(BELL_BACKSPACE_RETURN, '').matchAll(/^<<<(.*)>>>$/gm)].pop();
  if (!printed) throw new Error(`zsh printed no completed line for "${typed}":\n${text}`);
  // When more than one word fits, zsh rings the bell and lists them on the next line, up to the carriage
  // return that starts redrawing the prompt.
  const bell = text.indexOf('\x07');
  const listing =
    bell < 0
      ? ''
      : (text
          .slice(bell + 1)
          .replace(/^\s*\n/, '')
          .split('\r')[0] ?? '');
  const listed = listing.split(/\s+/).filter((word) => /^[\w-]+$/.test(word));
  return { line: printed[1]?.trimEnd() ?? '', listed: [...new Set(listed)].sort() };
}
