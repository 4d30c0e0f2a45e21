/** The age line of the profile card: days left in large type, and the override form once the file expired. */
import { useState } from 'react';
import type { ProfileSummary } from '../../preload/domain';
import { ProfileIcon } from './profile-icon';
import { day, plural } from './profile-format';

export interface ProfileAgeViewProps {
  readonly summary: ProfileSummary;
  readonly onOverride: (reason: string) => void;
  readonly busy?: boolean;
}

export function ProfileAgeView({ summary, onOverride, busy = false }: ProfileAgeViewProps) {
  const [reason, setReason] = useState('');
  const age = summary.age;
  if (!age) return null;
  const old = `${plural(age.ageDays, 'day')} old`;
  if (age.state === 'expired' && summary.override) {
    return (
      <div className="profile-age profile-age-overridden">
        <p className="profile-age-big">
          <ProfileIcon name="warning" /> Expired {day(age.expiresAt)}: override in effect
        </p>
        <p>
          {old}. Overridden on {day(summary.override.at)}: “{summary.override.reason}”
        </p>
      </div>
    );
  }
  if (age.state === 'expired') {
    const submit = (event: React.FormEvent) => {
      event.preventDefault();
      if (reason.trim()) onOverride(reason.trim());
    };
    return (
      <div className="profile-age profile-age-expired">
        <p className="profile-age-big">
          <ProfileIcon name="stop" /> Expired {day(age.expiresAt)}: runs are blocked
        </p>
        <p>{old}. Download a fresh profile from Intune, or override and say why (the override is logged).</p>
        <form className="profile-override" onSubmit={submit}>
          <label htmlFor="profile-override-reason">Reason for using the expired profile</label>
          <input
            id="profile-override-reason"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" disabled={busy || reason.trim() === ''}>
            Use it anyway
          </button>
        </form>
      </div>
    );
  }
  const expiring = age.state === 'expiring';
  return (
    <div className={`profile-age ${expiring ? 'profile-age-expiring' : 'profile-age-fresh'}`}>
      <p className="profile-age-big">
        <ProfileIcon name={expiring ? 'warning' : 'ok'} /> {plural(age.daysLeft, 'day')} left
        {expiring ? `: expires ${day(age.expiresAt)}` : ''}
      </p>
      <p>{old}</p>
    </div>
  );
}
