/**
 * The supervision identity and the Intune profile lines: valid, with the identity's expiry and the profile's
 * age. Both judged at `now`, from the summaries the profile area already computes (main/profiles/, main/identity/).
 */
import type { IdentitySummary, ProfileSummary } from '../../preload/domain';
import type { PreflightCheck } from '../../preload/preflight-domain';
import { sanitizeText } from '../text/sanitize-text';
import { check } from './preflight-check';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A month's notice: enough to export or create a new identity and re-supervise before it runs out. */
export const IDENTITY_WARNING_DAYS = 30;

function day(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function days(count: number): string {
  return `${count} day${count === 1 ? '' : 's'}`;
}

export function identityCheck(identity: IdentitySummary | null, now: number): PreflightCheck {
  const title = 'Supervision identity';
  if (!identity) {
    return check(
      'supervision-identity',
      title,
      'problem',
      'No supervision identity: devices cannot be supervised.',
      "Import the identity exported from Apple Configurator (.p12), or create one for your organization with the set-up card's Create button.",
    );
  }
  const who = sanitizeText(identity.organizationName, { maxLength: 80 });
  if (identity.notBefore > now) {
    return check(
      'supervision-identity',
      title,
      'problem',
      `The identity of ${who} is not valid before ${day(identity.notBefore)}.`,
      "Check the Mac's date and time (System Settings ▸ General ▸ Date & Time).",
    );
  }
  const left = Math.floor((identity.notAfter - now) / DAY_MS);
  if (identity.notAfter <= now) {
    return check(
      'supervision-identity',
      title,
      'problem',
      `The identity of ${who} expired on ${day(identity.notAfter)}.`,
      'Create or import a new identity. Devices supervised with the old one must be erased to be supervised again.',
    );
  }
  if (left < IDENTITY_WARNING_DAYS) {
    return check(
      'supervision-identity',
      title,
      'warning',
      `The identity of ${who} expires on ${day(identity.notAfter)} (${days(left)} left).`,
      'Plan a new identity before then: devices keep their supervisor, so the new one applies to the next erase.',
    );
  }
  return check(
    'supervision-identity',
    title,
    'ok',
    `${who}, valid until ${day(identity.notAfter)} (${days(left)} left).`,
  );
}

const PROFILE_FIX =
  'In the Intune admin center export the Apple Configurator profile again (Download profile, direct enrollment) and import it.';

export function profileCheck(profile: ProfileSummary | null): PreflightCheck {
  const title = 'Enrollment profile';
  if (!profile) {
    return check(
      'enrollment-profile',
      title,
      'problem',
      'No Intune enrollment profile has been imported.',
      PROFILE_FIX,
    );
  }
  const name = sanitizeText(profile.displayName ?? profile.fileName, { maxLength: 80 });
  const age = profile.age
    ? `${days(profile.age.ageDays)} old, ${profile.age.daysLeft > 0 ? `${days(profile.age.daysLeft)} left` : 'expired'}`
    : 'age unknown';
  switch (profile.verdict) {
    case 'unusable':
      return check(
        'enrollment-profile',
        title,
        'problem',
        `${name} cannot be used: ${profile.headline}`,
        PROFILE_FIX,
      );
    case 'expired':
      return profile.age?.overridden
        ? check(
            'enrollment-profile',
            title,
            'warning',
            `${name} is ${age}; runs go on because an operator overrode its age.`,
            PROFILE_FIX,
          )
        : check('enrollment-profile', title, 'problem', `${name} is ${age}: runs cannot start.`, PROFILE_FIX);
    case 'ready-with-warnings':
      return check(
        'enrollment-profile',
        title,
        'warning',
        `${name} (${age}): ${profile.headline}`,
        'Read the profile card’s notes.',
      );
    case 'ready':
      if (profile.age && profile.age.state !== 'fresh') {
        return check('enrollment-profile', title, 'warning', `${name} is ${age}.`, PROFILE_FIX);
      }
      return check('enrollment-profile', title, 'ok', `${name}, ${age}.`);
  }
}
