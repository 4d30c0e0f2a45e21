import { describe, expect, it } from 'vitest';
import { askHiddenLine, PasswordEntryCancelled, type HiddenInput } from '../../../main/cli/ask-password';

function terminal(chunks: string[]): HiddenInput & { raw: boolean[]; listening: () => boolean } {
  let listener: ((chunk: Buffer | string) => void) | undefined;
  const raw: boolean[] = [];
  return {
    isTTY: true,
    raw,
    listening: () => listener !== undefined,
    setRawMode: (mode: boolean) => raw.push(mode),
    on: (_e, l) => (listener = l),
    off: () => (listener = undefined),
    resume: () => setImmediate(() => chunks.forEach((c) => listener?.(Buffer.from(c)))),
    pause: () => undefined,
  };
}

describe('askHiddenLine', () => {
  it('collects what is typed until Return, with Backspace, and echoes nothing of it', async () => {
    const input = terminal(['se', 'cx\u007fr', 'et\r', 'ignored']);
    let written = '';
    expect(await askHiddenLine('Password: ', input, (t) => (written += t))).toBe('secret');
    expect(written).toBe('Password: \n');
    expect(input.raw).toEqual([true, false]);
    expect(input.listening()).toBe(false);
  });

  it('gives up on Ctrl-C and restores the terminal', async () => {
    const input = terminal(['abc\u0003']);
    await expect(askHiddenLine('Password: ', input, () => {})).rejects.toBeInstanceOf(PasswordEntryCancelled);
    expect(input.raw).toEqual([true, false]);
  });
});
