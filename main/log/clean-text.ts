/**
 * The one sanitiser for text read from a journal or a log file before it reaches a terminal, a spreadsheet or
 * the UI: control characters (a terminal escape, a newline that would split a row) and bidirectional overrides
 * (which make a serial read backwards) become spaces, and every known secret becomes `[redacted]`.
 */
import { redactText } from '../profiles/redact-secrets';

// C0 and C1 controls, DEL, and the Unicode bidi embedding, override and isolate characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text.replace(UNSAFE, ' ');
}

/** `cleanText`, then every secret redacted; cheap when no secret occurs (the usual case). */
export function safeText(text: string, secrets: readonly string[]): string {
  const clean = cleanText(text);
  return secrets.some((s) => clean.includes(s)) ? redactText(clean, secrets) : clean;
}
