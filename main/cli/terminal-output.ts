/**
 * Every line the CLI writes goes through here, and from here through the one sanitiser
 * (main/text/sanitize-text.ts): a serial, a device name or a file name with an escape sequence, a bidi
 * override or a C1 control must not repaint the operator's terminal or forge a line.
 *
 * Text is cut at its line breaks first, each line is sanitised on its own (no length cap: the content is
 * what the command means to print, a CSV export or a JSON report), and the breaks are put back exactly
 * (`\n` or `\r\n`), so JSON stays JSON and a CSV keeps its Windows line ends.
 */
import { sanitizeText } from '../text/sanitize-text';

/** Higher than any line the CLI prints; the sanitiser's default cap is for one-line messages. */
const NO_CAP = Number.MAX_SAFE_INTEGER;

export function terminalSafe(text: string): string {
  let result = '';
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const crlf = newline !== -1 && end > start && text.charCodeAt(end - 1) === 13;
    const line = text.slice(start, crlf ? end - 1 : end);
    result += line === '' ? '' : sanitizeText(line, { maxLength: NO_CAP });
    if (newline === -1) return result;
    result += crlf ? '\r\n' : '\n';
    start = newline + 1;
  }
}

export interface OutputStream {
  write(text: string): unknown;
}

/** A writer that prints whole lines (adds the newline), like console.log, but sanitised. */
export function lineWriter(stream: OutputStream): (text: string) => void {
  return (text) => void stream.write(`${terminalSafe(text)}\n`);
}

/** A writer for text that carries its own line breaks (an export, a file's content), sanitised. */
export function textWriter(stream: OutputStream): (text: string) => void {
  return (text) => void stream.write(terminalSafe(text));
}

/** The process's standard streams, as the commands' default io uses them. */
export const stdoutLine = lineWriter(process.stdout);
export const stderrLine = lineWriter(process.stderr);
export const stdoutText = textWriter(process.stdout);
export const stderrText = textWriter(process.stderr);
