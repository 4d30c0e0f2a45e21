/**
 * The summary as plain text for a terminal: the card's items, then every finding with its severity in words
 * (not colour alone), so `enroll-bench profile inspect` reads the same as the window (issue 4 requirement 6).
 */
import type { ProfileFindingSeverity, ProfileSummary, ProfileVerdict } from '../../preload/domain';
import { sanitizeText } from '../text/sanitize-text';

/** The summary is sanitised already; this fence keeps any text that skipped it from acting on a terminal. */
const line = (text: string): string => sanitizeText(text, { maxLength: 2000 });

const VERDICT_WORDS: Readonly<Record<ProfileVerdict, string>> = {
  ready: 'READY',
  'ready-with-warnings': 'READY WITH WARNINGS',
  expired: 'EXPIRED',
  unusable: 'REFUSED',
};

const SEVERITY_WORDS: Readonly<Record<ProfileFindingSeverity, string>> = {
  error: 'ERROR  ',
  warning: 'WARNING',
  info: 'OK     ',
};

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function signerLine(s: ProfileSummary): string {
  if (!s.signer) return s.fileKind === 'signed-profile' ? 'signature could not be read' : 'not signed';
  const sig = s.signer.signatureValid ? 'signature valid' : 'SIGNATURE DOES NOT MATCH';
  const cert =
    s.signer.notAfter < s.evaluatedAt
      ? `certificate EXPIRED ${day(s.signer.notAfter)}`
      : `certificate valid until ${day(s.signer.notAfter)}`;
  return `${s.signer.subject} (${sig}; ${cert})`;
}

function ageLine(s: ProfileSummary): string | undefined {
  if (!s.age) return undefined;
  const left =
    s.age.state === 'expired'
      ? `expired ${day(s.age.expiresAt)}${s.age.overridden ? ' (override recorded)' : ''}`
      : `${s.age.daysLeft} days left`;
  return `${s.age.ageDays} days old, ${left}`;
}

export function formatProfileSummary(s: ProfileSummary): string {
  const rows: [string, string | undefined][] = [
    ['Verdict', `${VERDICT_WORDS[s.verdict]}: ${s.headline}`],
    ['File', `${s.fileName} (${s.fileKind}, ${s.sizeBytes} bytes)`],
    [
      'Source',
      s.origin
        ? `From Intune: ${s.origin.profileName}, fetched ${new Date(s.origin.fetchedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`
        : undefined,
    ],
    ['Organization', s.organization],
    ['Display name', s.displayName],
    ['MDM host', s.mdmHost],
    ['Type', s.variant === 'unknown' ? undefined : s.variant.toUpperCase()],
    ['Signed by', s.age ? signerLine(s) : undefined],
    ['Age', ageLine(s)],
    ['Verify looks for', s.payloadIdentifier],
    ['SHA-256', s.sha256],
  ];
  const lines = rows
    .filter((r): r is [string, string] => r[1] !== undefined)
    .map(([k, v]) => `${`${k}:`.padEnd(18)}${line(v)}`);
  lines.push('', 'Findings:');
  for (const f of s.findings) lines.push(`  ${SEVERITY_WORDS[f.severity]}  ${line(f.message)}  [${f.code}]`);
  return lines.join('\n');
}
