/**
 * Finds the secrets inside a profile so that nothing the bench emits can contain them.
 *
 * The summary is built from an allow-list and never holds these values; this is the second fence: every
 * log entry about a profile passes through {@link redactText} with the file's secrets
 * (issue 4 requirement 4; the SCEP challenge is a one-time secret, ../shared/reference/intune.md §3.1).
 */
import type { PlistValue } from 'plist';
import { isDict } from './parse-plist';

/** Key names whose string values are secrets in Apple payloads (SCEP Challenge, Wi-Fi/VPN/PKCS#12 Password…). */
const SECRET_KEY = /challenge|password|passphrase|secret|token|psk|pin$/i;

/** Shorter strings would redact ordinary words; real challenges and passwords are longer. */
const MIN_SECRET_LENGTH = 4;

export const REDACTED = '[redacted]';

/** Every secret string value in the profile, longest first (so overlapping secrets redact fully). */
export function collectSecrets(root: PlistValue): readonly string[] {
  const found = new Set<string>();
  const walk = (value: PlistValue, depth: number): void => {
    if (depth > 64) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1);
      return;
    }
    if (!isDict(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEY.test(key) && typeof inner === 'string' && inner.length >= MIN_SECRET_LENGTH)
        found.add(inner);
      walk(inner, depth + 1);
    }
  };
  walk(root, 0);
  return [...found].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of every secret with `[redacted]`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  return out;
}
