import { describe, expect, it } from 'vitest';
import {
  attentionReason,
  identityUntil,
  profileImportAnnouncement,
  profileStripParts,
  type SetupFacts,
} from '../../../renderer/setup/setup-view';
import { identitySummary, NOW, profileSummary, refusedSummary } from '../setup-fixtures';

const facts = (extra: Partial<SetupFacts> = {}): SetupFacts => ({
  profile: profileSummary(),
  identity: identitySummary(),
  rejected: null,
  identityError: false,
  now: NOW,
  ...extra,
});

describe('attentionReason', () => {
  it('folds to the strip only when the profile is fresh and a valid identity exists', () => {
    expect(attentionReason(facts())).toBeUndefined();
  });

  it('opens the cards when the operator has to act', () => {
    expect(attentionReason(facts({ profile: null }))).toBe('no-profile');
    expect(attentionReason(facts({ rejected: refusedSummary() }))).toBe('profile-refused');
    expect(attentionReason(facts({ profile: refusedSummary() }))).toBe('profile-unusable');
    expect(attentionReason(facts({ profile: profileSummary({}, 2) }))).toBe('profile-expiring');
    expect(attentionReason(facts({ profile: profileSummary({}, 0) }))).toBe('profile-expired');
    expect(attentionReason(facts({ identity: null }))).toBe('no-identity');
    expect(attentionReason(facts({ identity: identitySummary({ notAfter: NOW - 1 }) }))).toBe(
      'identity-expired',
    );
    expect(attentionReason(facts({ identityError: true }))).toBe('identity-error');
  });

  it('keeps an overridden expired profile open: runs go on, but the reason stays in view', () => {
    const overridden = profileSummary(
      { verdict: 'ready-with-warnings', override: { reason: 'outage', at: NOW } },
      0,
    );
    expect(attentionReason(facts({ profile: overridden }))).toBe('profile-expired');
  });

  it('day 11 is still fresh, day 12 is expiring', () => {
    expect(attentionReason(facts({ profile: profileSummary({}, 3) }))).toBeUndefined();
    expect(attentionReason(facts({ profile: profileSummary({}, 2) }))).toBe('profile-expiring');
  });
});

describe('strip wording', () => {
  it('names organisation, variant, MDM host and days left', () => {
    expect(profileStripParts(profileSummary())).toEqual([
      'Contoso Ltd',
      'SCEP',
      'i.manage.microsoft.com',
      '9 days left',
    ]);
    expect(
      profileStripParts(
        profileSummary({ organization: undefined, variant: 'unknown', mdmHost: undefined }, 1),
      ),
    ).toEqual(['Contoso iPad enrollment', '1 day left']);
  });

  it('says until when the identity is valid, and announces verdicts by file name', () => {
    expect(identityUntil(identitySummary())).toBe('until 2036-05-01');
    expect(profileImportAnnouncement(refusedSummary('x.pdf'))).toBe(
      'Profile not loaded: x.pdf. Refused: This is a PDF document, not an enrollment profile.',
    );
    expect(profileImportAnnouncement(profileSummary())).toBe(
      'Profile loaded: Contoso.mobileconfig. Ready: 9 days left.',
    );
  });
});
