/**
 * The set-up area folded to one line, once the profile is ready and a supervision identity exists:
 * "✓ Profile ready · Contoso Ltd · SCEP · i.manage.microsoft.com · 9 days left | ✓ Supervision · Contoso IT ·
 * until 2036-05-01 | Change…". Icon, word and colour together; details give way before the state words do.
 */
import { TRAINING_LABEL, type IdentitySummary, type ProfileSummary } from '../../preload/domain';
import { identityUntil, profileStripParts } from './setup-view';
import { ProfileIcon } from './profile-icon';

export interface SetupStripProps {
  readonly profile: ProfileSummary;
  readonly identity: IdentitySummary;
  readonly onExpand: () => void;
  readonly expandRef?: React.Ref<HTMLButtonElement>;
}

export function SetupStrip({ profile, identity, onExpand, expandRef }: SetupStripProps) {
  const warned = profile.verdict !== 'ready';
  const parts = profileStripParts(profile);
  const daysLeft = profile.age ? parts.pop() : undefined;
  return (
    <div className="setup-strip">
      <p
        className={`setup-strip-item ${warned ? 'profile-tone-attention' : 'profile-tone-ready'}`}
        title={profile.headline}
      >
        <ProfileIcon name={warned ? 'warning' : 'ok'} />
        <strong className="setup-strip-word">
          {warned ? 'Profile ready, with warnings' : 'Profile ready'}
        </strong>
        {profile.training && <strong className="profile-training-mark">{TRAINING_LABEL}</strong>}
        {daysLeft && <strong className="setup-strip-days">· {daysLeft}</strong>}
        <span className="setup-strip-detail">· {parts.join(' · ')}</span>
      </p>
      <p
        className="setup-strip-item profile-tone-ready"
        title={`${identity.subject}, ${identityUntil(identity)}`}
      >
        <ProfileIcon name="ok" />
        <strong className="setup-strip-word">Supervision</strong>
        <span className="setup-strip-detail setup-strip-org">· {identity.organizationName}</span>
        <span className="setup-strip-detail setup-strip-until">· {identityUntil(identity)}</span>
      </p>
      <button type="button" ref={expandRef} aria-expanded="false" onClick={onExpand}>
        Change…
      </button>
    </div>
  );
}
