/**
 * What the enrollment set-up area should show, decided from the bench's state alone (pure, unit-tested).
 *
 * A cart of 40 only fits 1280×800 when the set-up is one line, so the full cards are shown only when the
 * operator has to act: no profile, a refused file, a profile on its last days or past them, or no usable
 * supervision identity. Otherwise a one-line strip says everything is in order.
 */
import type { IdentitySummary, ProfileSummary } from '../../preload/domain';
import { verdictView } from './profile-format';

/** Why the full cards are open on their own; `undefined` when the strip is enough. */
export type AttentionReason =
  | 'no-profile'
  | 'profile-refused'
  | 'profile-unusable'
  | 'profile-expiring'
  | 'profile-expired'
  | 'no-identity'
  | 'identity-expired'
  | 'identity-error';

export interface SetupFacts {
  readonly profile: ProfileSummary | null;
  readonly identity: IdentitySummary | null;
  /** The last refused profile import, still on screen. */
  readonly rejected: ProfileSummary | null;
  readonly identityError: boolean;
  readonly now: number;
}

export function attentionReason(facts: SetupFacts): AttentionReason | undefined {
  const { profile, identity } = facts;
  if (facts.rejected) return 'profile-refused';
  if (!profile) return 'no-profile';
  if (profile.verdict === 'unusable') return 'profile-unusable';
  // An overridden expired profile still counts as expired: runs go on, but the operator should see why.
  if (profile.verdict === 'expired' || profile.age?.state === 'expired') return 'profile-expired';
  if (profile.age?.state === 'expiring') return 'profile-expiring';
  if (facts.identityError) return 'identity-error';
  if (!identity) return 'no-identity';
  if (identity.notAfter < facts.now) return 'identity-expired';
  return undefined;
}

/** The profile half of the strip: "Contoso Ltd · SCEP · i.manage.microsoft.com · 9 days left". */
export function profileStripParts(profile: ProfileSummary): string[] {
  const parts = [profile.organization ?? profile.displayName ?? profile.fileName];
  if (profile.variant !== 'unknown') parts.push(profile.variant.toUpperCase());
  if (profile.mdmHost) parts.push(profile.mdmHost);
  if (profile.age) parts.push(`${profile.age.daysLeft} ${profile.age.daysLeft === 1 ? 'day' : 'days'} left`);
  return parts;
}

/** "until 2036-05-01" */
export function identityUntil(identity: IdentitySummary): string {
  return `until ${new Date(identity.notAfter).toISOString().slice(0, 10)}`;
}

/** The sentence announced after a profile import, from the verdict main returned. */
export function profileImportAnnouncement(summary: ProfileSummary): string {
  const verdict = `${verdictView[summary.verdict].word}: ${summary.headline}`;
  return summary.verdict === 'unusable'
    ? `Profile not loaded: ${summary.fileName}. ${verdict}`
    : `Profile loaded: ${summary.fileName}. ${verdict}`;
}
