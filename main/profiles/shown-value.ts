/**
 * Every value from a profile on its way into a summary or a finding: sanitised (main/text/sanitize-text.ts),
 * and checked against the file's secrets by value, field by field.
 *
 * Descriptive fields (display name, organization, identifier, payload types, signer names, file name) that
 * equal a secret are shown as "(same as a secret in this file)"; a secret inside one is replaced the same way.
 * Hosts are the truth the operator must see (a wrong MDM host is the most important warning), so they are always
 * shown. Either way the reuse is recorded and becomes a warning: a secret that also appears in a public field is
 * no longer secret, and the operator should know.
 */
import type { ProfileFinding } from '../../preload/domain';
import { sanitizeText } from '../text/sanitize-text';
import type { ProfileSecret } from './redact-secrets';

export const SAME_AS_SECRET = '(same as a secret in this file)';

export interface ShownValues {
  /** A descriptive value, with any secret in it replaced by {@link SAME_AS_SECRET}. */
  readonly text: (value: string | undefined, field: string) => string | undefined;
  /** A host or other value that is shown whatever it holds. */
  readonly truth: (value: string | undefined, field: string) => string | undefined;
  /** The warning about secrets that appear in displayed fields, once every value has been shown. */
  readonly reuseFinding: () => ProfileFinding | undefined;
}

export function createShownValues(secrets: readonly ProfileSecret[]): ShownValues {
  const longestFirst = [...secrets].sort((a, b) => b.value.length - a.value.length);
  const reused = new Map<string, Set<string>>();
  const note = (secret: ProfileSecret, field: string): void => {
    const fields = reused.get(secret.where) ?? new Set<string>();
    fields.add(field);
    reused.set(secret.where, fields);
  };
  const inside = (value: string): ProfileSecret[] => longestFirst.filter((s) => value.includes(s.value));

  return {
    text(value, field) {
      if (value === undefined) return undefined;
      let out = value;
      for (const secret of inside(value)) {
        note(secret, field);
        out = out.split(secret.value).join(SAME_AS_SECRET);
      }
      const clean = sanitizeText(out).trim();
      return clean === '' ? undefined : clean;
    },
    truth(value, field) {
      if (value === undefined) return undefined;
      for (const secret of inside(value)) note(secret, field);
      const clean = sanitizeText(value).trim();
      return clean === '' ? undefined : clean;
    },
    reuseFinding() {
      if (reused.size === 0) return undefined;
      const parts = [...reused]
        .slice(0, 5)
        .map(([where, fields]) => `the ${where} also appears as the ${[...fields].join(' and the ')}`);
      const more = reused.size > 5 ? ` (and ${reused.size - 5} more)` : '';
      return {
        severity: 'warning',
        code: 'secret-reused',
        message: sanitizeText(
          `A secret in this file is not secret: ${parts.join('; ')}${more}. Anyone who sees the profile's details can read it. ` +
            'Check with whoever made the profile in Intune; the bench can still install it.',
          { maxLength: 1200 },
        ),
      };
    },
  };
}
