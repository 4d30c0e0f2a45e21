/**
 * The supervision identity card: who the bench supervises devices as, until when, and the two ways to get an
 * identity (import Configurator's .p12 with its password, or create a new one). Presentational; the private key
 * never reaches the renderer, only the summary does (issue 4 requirement 5).
 */
import { useId, useState } from 'react';
import type { IdentitySummary } from '../../preload/domain';
import { ProfileIcon } from './profile-icon';
import { day, firstFile } from './profile-format';
import './profile-card.css';

export interface IdentityCardProps {
  readonly identity: IdentitySummary | null;
  /** The password is handed over once and cleared from the form. */
  readonly onImport: (file: File, password: string) => void;
  readonly onCreate: (organizationName: string) => void;
  /** Epoch milliseconds to judge expiry against (the shell's clock tick; keeps this component pure). */
  readonly now: number;
  readonly busy?: boolean;
  /** The last refusal in words (for example "The password is wrong"). */
  readonly error?: string;
}

export function IdentityCard({ identity, onImport, onCreate, now, busy = false, error }: IdentityCardProps) {
  const titleId = useId();
  const fileId = useId();
  const passwordId = useId();
  const orgId = useId();
  const [file, setFile] = useState<File | undefined>();
  const [password, setPassword] = useState('');
  const [organization, setOrganization] = useState('');
  const expired = identity !== null && identity.notAfter < now;
  const replaceForms = (
    <>
      <form
        className="identity-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          onImport(file, password);
          setPassword('');
        }}
      >
        <h3>Import from Apple Configurator (.p12)</h3>
        <label htmlFor={fileId}>Identity file</label>
        <input
          id={fileId}
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          onChange={(e) => setFile(firstFile(e.target.files))}
        />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" disabled={busy || !file}>
          Import identity
        </button>
      </form>
      <form
        className="identity-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (organization.trim()) onCreate(organization.trim());
        }}
      >
        <h3>Create a new organization identity</h3>
        <label htmlFor={orgId}>Organization name</label>
        <input
          id={orgId}
          value={organization}
          maxLength={64}
          onChange={(e) => setOrganization(e.target.value)}
        />
        <button type="submit" disabled={busy || organization.trim() === ''}>
          Create identity
        </button>
      </form>
    </>
  );
  return (
    <section aria-labelledby={titleId} aria-busy={busy} className="identity-card">
      <h2 id={titleId}>Supervision identity</h2>
      <div aria-live="polite">
        {identity ? (
          <p className={`identity-verdict ${expired ? 'profile-tone-error' : 'profile-tone-ready'}`}>
            <ProfileIcon name={expired ? 'stop' : 'ok'} />
            <strong>{expired ? 'Expired' : 'Ready'}:</strong> {identity.organizationName}
          </p>
        ) : (
          <p className="identity-verdict profile-tone-unknown">
            <ProfileIcon name="info" />
            <strong>No supervision identity yet.</strong> Import the one exported from Apple Configurator, or
            create a new one.
          </p>
        )}
        {error && (
          <p className="identity-error" role="alert">
            <ProfileIcon name="stop" /> {error}
          </p>
        )}
      </div>
      {identity && (
        <dl className="profile-details">
          <div className="profile-detail">
            <dt>Subject</dt>
            <dd>{identity.subject}</dd>
          </div>
          <div className="profile-detail">
            <dt>Valid until</dt>
            <dd>
              {day(identity.notAfter)}
              {expired ? ' (expired)' : ''}
            </dd>
          </div>
          <div className="profile-detail">
            <dt>SHA-256 fingerprint</dt>
            <dd className="identity-fingerprint">{identity.fingerprintSha256}</dd>
          </div>
          <div className="profile-detail">
            <dt>Source</dt>
            <dd>
              {identity.source === 'imported'
                ? 'Imported from Apple Configurator'
                : 'Created by Enroll Bench'}
            </dd>
          </div>
        </dl>
      )}
      {identity && !expired ? (
        <details className="identity-replace">
          <summary>Replace the supervision identity…</summary>
          <p>
            Devices supervised with the current identity accept silent commands only from it; to move them to
            a new one they must be erased.
          </p>
          {replaceForms}
        </details>
      ) : (
        replaceForms
      )}
    </section>
  );
}
