/**
 * The operator's side of `field-check`: questions on the terminal, answers one line each.
 *
 * Answers are read from a line stream, so a test scripts them on stdin exactly as a person would type them.
 * The end of input answers "no" to everything: a closed stdin never erases a device.
 */
import { createInterface } from 'node:readline';

export interface FieldIo {
  /** Prints `question` and resolves with the next line, or undefined once input has ended. */
  ask(question: string): Promise<string | undefined>;
  say(text: string): void;
}

export function lineIo(
  input: NodeJS.ReadableStream,
  output: (text: string) => void,
): FieldIo & { close(): void } {
  const lines: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  const reader = createInterface({ input, terminal: false });
  reader.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  reader.on('close', () => {
    ended = true;
    for (const next of waiting.splice(0)) next(undefined);
  });
  return {
    say: output,
    close: () => reader.close(),
    ask(question) {
      output(question);
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
