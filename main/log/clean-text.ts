/**
 * Text read from a journal or a log file, on its way to a terminal, a spreadsheet or the UI: it passes the one
 * sanitiser (main/text/sanitize-text.ts: control and bidi characters made visible, never acted on), capped by
 * the schema's own limit for that field, and every known secret becomes `[redacted]`.
 */
import { REDACTED } from '../profiles/redact-secrets';
import { sanitizeText } from '../text/sanitize-text';

export function cleanText(text: string, maxLength: number): string {
  return sanitizeText(text, { maxLength });
}

/**
 * Replaces every occurrence of a known secret. Journal text (an error message) has no key path to go by, so
 * this is the one place, besides the operator's override reason, where secrets are found by value.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** `cleanText`, then every secret redacted; cheap when no secret occurs (the usual case). */
export function safeText(text: string, secrets: readonly string[], maxLength = 1000): string {
  const clean = cleanText(text, maxLength);
  return secrets.some((s) => clean.includes(s)) ? redactText(clean, secrets) : clean;
}
