/**
 * The Intune enrollment profile card: verdict, the summary items, age and days left, every finding, and the
 * ways to load a file (choose or drop). Presentational: the app shell reads the file and calls `importProfile`.
 *
 * Readable from a metre away (large type, icons plus words, never colour alone) and announced to screen
 * readers through a live region (issue 4 requirement 4).
 */
import { useId, useState } from 'react';
import { TRAINING_LABEL, type ProfileSummary } from '../../preload/domain';
import { ProfileAgeView } from './profile-age-view';
import { DROPPED_TEXT_NAME, pastedFile } from './use-window-paste';
import { ProfileIcon } from './profile-icon';
import { day, firstFile, severityView, verdictView } from './profile-format';
import './profile-card.css';

export interface ProfileCardProps {
  /** The current profile, or null before the first import. */
  readonly summary: ProfileSummary | null;
  /** The last dropped file that was refused (it did not replace `summary`), so the operator sees why. */
  readonly rejected?: ProfileSummary | null;
  readonly onChooseFile: (file: File) => void;
  readonly onOverride: (reason: string) => void;
  /** Offered only on the simulated bench: load the generated training profile. */
  readonly onUseTraining?: () => void;
  readonly busy?: boolean;
}

function signedBy(s: ProfileSummary): string {
  if (!s.signer) return 'Not signed';
  const sig = s.signer.signatureValid ? 'signature valid' : 'signature does NOT match';
  const cert =
    s.signer.notAfter < s.evaluatedAt
      ? `certificate expired ${day(s.signer.notAfter)}`
      : `certificate valid until ${day(s.signer.notAfter)}`;
  return `${s.signer.subject} (${sig}; ${cert})`;
}

function Findings({ summary }: { readonly summary: ProfileSummary }) {
  return (
    <ul className="profile-findings">
      {summary.findings.map((f) => (
        <li key={`${f.code}-${f.message}`} className={`profile-finding profile-finding-${f.severity}`}>
          <ProfileIcon name={severityView[f.severity].icon} />
          <span className="profile-finding-word">{severityView[f.severity].word}:</span> {f.message}
        </li>
      ))}
    </ul>
  );
}

function Verdict({ summary, label }: { readonly summary: ProfileSummary; readonly label?: string }) {
  const view = verdictView[summary.verdict];
  return (
    <p className={`profile-verdict profile-tone-${view.tone}`}>
      <ProfileIcon name={view.icon} />
      <strong>{label ?? view.word}</strong>: <span>{summary.headline}</span>
    </p>
  );
}

function Details({ summary }: { readonly summary: ProfileSummary }) {
  const rows: [string, string | undefined][] = [
    ['Organization', summary.organization],
    ['Display name', summary.displayName],
    ['MDM host', summary.mdmHost],
    ['Type', summary.variant === 'unknown' ? undefined : summary.variant.toUpperCase()],
    ['Signed by', signedBy(summary)],
    ['Verification looks for', summary.payloadIdentifier],
    [
      'Source',
      summary.origin
        ? `From Intune: ${summary.origin.profileName}, fetched ${new Date(summary.origin.fetchedAt).toLocaleString()}`
        : undefined,
    ],
    ['File', `${summary.fileName}, imported ${day(summary.importedAt)}`],
  ];
  return (
    <dl className="profile-details">
      {rows
        .filter((r): r is [string, string] => r[1] !== undefined)
        .map(([term, value]) => (
          <div key={term} className="profile-detail">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

export function ProfileCard({
  summary,
  rejected,
  onChooseFile,
  onOverride,
  onUseTraining,
  busy = false,
}: ProfileCardProps) {
  const titleId = useId();
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: React.DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = pastedFile(event.dataTransfer, DROPPED_TEXT_NAME);
    if (file) onChooseFile(file);
  };
  return (
    <section
      aria-labelledby={titleId}
      aria-busy={busy}
      className={`profile-card${dragging ? ' profile-dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h2 id={titleId}>Intune enrollment profile</h2>
      {summary?.training && <p className="profile-training-mark">{TRAINING_LABEL}</p>}
      <div aria-live="polite" className="profile-live">
        {rejected && (
          <div className="profile-rejected">
            <Verdict summary={rejected} label={`Not loaded: ${rejected.fileName}`} />
            <Findings summary={rejected} />
          </div>
        )}
        {summary ? (
          <Verdict summary={summary} />
        ) : (
          <p className="profile-verdict profile-tone-unknown">
            <ProfileIcon name="info" />
            <strong>No profile yet.</strong> Drop the .mobileconfig downloaded from Intune (Export Profile ›
            Direct enrollment) here, or choose it.
          </p>
        )}
      </div>
      {summary && (
        <>
          <ProfileAgeView summary={summary} onOverride={onOverride} busy={busy} />
          <Details summary={summary} />
          <h3>Findings</h3>
          <Findings summary={summary} />
        </>
      )}
      <div className="profile-choose">
        <label htmlFor={inputId} className="profile-choose-label">
          {summary ? 'Load a different profile…' : 'Choose profile file…'}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".mobileconfig,application/x-apple-aspen-config"
          disabled={busy}
          onChange={(e) => {
            const file = firstFile(e.target.files);
            if (file) onChooseFile(file);
            e.target.value = '';
          }}
        />
        {onUseTraining && !summary?.training && (
          <button type="button" className="profile-training-button" disabled={busy} onClick={onUseTraining}>
            Use training profile
          </button>
        )}
      </div>
      {onUseTraining && !summary?.training && (
        <p className="hint profile-training-hint">
          No Intune tenant? The training profile lets you run the simulated cart; it is refused with real
          cfgutil.
        </p>
      )}
    </section>
  );
}
