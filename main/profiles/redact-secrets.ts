/**
 * Where the secrets of a profile are, by key path: the SCEP `Challenge`, ACME `ClientIdentifier`, Wi-Fi, VPN,
 * mail and PKCS#12 passwords, pre-shared keys, tokens (./README.md P12).
 *
 * Secrets are removed by where they are, never by searching all text for their value: summaries are built
 * field by field from an allow-list and no secret key is on it. Searching text for a secret's value hid the
 * truth when a secret happened to equal something public (a Wi-Fi password equal to the MDM host turned the
 * host and its warnings into "[redacted]"). A displayed value that equals or holds a secret is handled by
 * shown-value.ts instead: hidden or flagged, and always with a warning that says so.
 */
import type { PlistValue } from 'plist';
import { sanitizeText } from '../text/sanitize-text';
import { isDict } from './parse-plist';

/** Keys whose string values are secrets in Apple payloads. */
const SECRET_KEY =
  /challenge|password|passphrase|secret|token|psk|pin$|^clientidentifier$|sharedkey|privatekey/i;

/** Shorter strings would match ordinary words in displayed text; real challenges and passwords are longer. */
const MIN_SECRET_LENGTH = 4;
/** Deeper than any real profile; the plist budget bounds the walk anyway. */
const MAX_WALK_DEPTH = 64;

export const REDACTED = '[redacted]';

export interface ProfileSecret {
  readonly value: string;
  /** Where it is, for the operator: "Password in the com.apple.wifi.managed payload". Never the value. */
  readonly where: string;
}

/** Every secret string value in the profile, by key path; the same value found twice is listed once. */
export function collectSecrets(root: PlistValue): readonly ProfileSecret[] {
  const found = new Map<string, string>();
  const walk = (value: PlistValue, depth: number, payloadType: string | undefined): void => {
    if (depth > MAX_WALK_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, depth + 1, payloadType);
      return;
    }
    if (!isDict(value)) return;
    const type = Object.hasOwn(value, 'PayloadType') ? value.PayloadType : undefined;
    const here = typeof type === 'string' ? type : payloadType;
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEY.test(key) && typeof inner === 'string' && inner.length >= MIN_SECRET_LENGTH) {
        const payload = here ? ` in the ${sanitizeText(here, { maxLength: 60 })} payload` : '';
        if (!found.has(inner)) found.set(inner, `${sanitizeText(key, { maxLength: 60 })}${payload}`);
      }
      walk(inner, depth + 1, here);
    }
  };
  walk(root, 0, undefined);
  return [...found].map(([value, where]) => ({ value, where }));
}

/**
 * Replaces every occurrence of a secret in text that did NOT come from the file: the operator's own words (an
 * override reason), where there is no key path to go by. Profile text is never passed through this.
 */
export function redactOperatorText(text: string, secrets: readonly ProfileSecret[]): string {
  let out = text;
  for (const { value } of [...secrets].sort((a, b) => b.value.length - a.value.length))
    out = out.split(value).join(REDACTED);
  return out;
}
