/**
 * Asks for a password on the terminal without echoing it: the terminal is put in raw mode, characters are
 * collected until Return, Backspace deletes, Ctrl-C or Ctrl-D gives up. Nothing typed is ever written out.
 *
 * Used only when stdin is a terminal; a script passes the password in `ENROLL_BENCH_P12_PASSWORD` instead.
 */
export interface HiddenInput {
  readonly isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  off(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export class PasswordEntryCancelled extends Error {}

const MAX_TYPED = 4096;

export function askHiddenLine(
  prompt: string,
  input: HiddenInput,
  write: (text: string) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new PasswordEntryCancelled('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (typed.length < MAX_TYPED && ch >= ' ') typed += ch;
      }
    };
    write(prompt);
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}
