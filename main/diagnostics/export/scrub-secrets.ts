/**
 * The last filter before anything enters a diagnostics archive: known secrets (the stored profile's SCEP
 * challenge and passwords, anything under a secret-named setting) are replaced wherever they appear, and so is
 * anything shaped like one (private keys, `token=…`, `password: …`, bearer credentials), even if it was never
 * known to be a secret.
 */
import { filterText } from '../../record/secret-filter';

export const SCRUBBED = '[removed]';
const SECRET_KEY = /pass|secret|token|key|auth|credential|cookie|challenge/i;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function scrubText(text: string, known: readonly string[]): string {
  let out = filterText(text);
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...known].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(escapeRegExp(secret), 'g'), SCRUBBED);
  return out
    .replace(/([?&](?:token|key|secret|sig|code)=)[^&\s"']+/gi, `$1${SCRUBBED}`)
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, `$1 ${SCRUBBED}`)
    .replace(/enroll-bench\.token\.[A-Za-z0-9._~-]+/g, `enroll-bench.token.${SCRUBBED}`);
}

/** A JSON value with every secret-named key's value removed (at any depth), and every string scrubbed. */
export function scrubJson(value: unknown, known: readonly string[], depth = 0): unknown {
  if (depth > 32) return SCRUBBED;
  if (typeof value === 'string') return scrubText(value, known);
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, known, depth + 1));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? SCRUBBED : scrubJson(v, known, depth + 1),
      ]),
    );
  return value;
}

/** Every string under a secret-named key (so it can be scrubbed from other files too). */
export function secretValues(value: unknown, depth = 0, underSecret = false): string[] {
  if (depth > 32) return [];
  if (typeof value === 'string') return underSecret ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => secretValues(v, depth + 1, underSecret));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) =>
      secretValues(v, depth + 1, underSecret || SECRET_KEY.test(k)),
    );
  return [];
}
