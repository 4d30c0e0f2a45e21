/**
 * Builds the `ProfileSummary` the UI, CLI and log see, from an allow-list of fields.
 *
 * Nothing is spread from a payload dictionary: each field is picked by name, capped in length and passed through
 * the file's own secrets once more, so the SCEP challenge or a password cannot ride along even if an author put
 * it in an odd place (issue 4 requirement 4; ./README.md P14).
 */
import { TRAINING_PROFILE_IDENTIFIER } from '../../preload/domain';
import type { ProfileFinding, ProfileOverride, ProfileSummary, ProfileVerdict } from '../../preload/domain';
import { checkProfile } from './check-profile';
import type { LoadedProfile, LoadFailure, LoadResult } from './load-profile';
import { ageFinding, computeAge } from './profile-age';
import { sanitizeText } from '../text/sanitize-text';
import { createShownValues, type ShownValues } from './shown-value';

export interface SummaryContext {
  readonly fileName: string;
  readonly importedAt: number;
  readonly fileModifiedAt?: number;
  readonly override?: ProfileOverride;
  readonly now: number;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;
/** A finding is our sentence around quoted values that are already capped; this is the last fence. */
const MAX_FINDING = 1500;

function firstSentence(message: string): string {
  const end = message.indexOf('. ');
  return end === -1 ? message : message.slice(0, end + 1);
}

function sortFindings(findings: readonly ProfileFinding[]): ProfileFinding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

function verdictOf(findings: readonly ProfileFinding[]): ProfileVerdict {
  if (findings.some((f) => f.severity === 'error' && f.code !== 'age-expired')) return 'unusable';
  if (findings.some((f) => f.code === 'age-expired')) return 'expired';
  return findings.some((f) => f.severity === 'warning') ? 'ready-with-warnings' : 'ready';
}

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * One sentence after the verdict word, which every reader (card, strip, CLI) prints in front of it:
 * "Ready" + "14 days left.", "Refused" + "This is a PDF document, not an enrollment profile."
 */
function headline(
  verdict: ProfileVerdict,
  findings: readonly ProfileFinding[],
  daysLeft: number,
  expiresAt: number,
): string {
  const days = `${daysLeft} day${daysLeft === 1 ? '' : 's'} left`;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  switch (verdict) {
    case 'ready':
      return `${capitalized(days)}.`;
    case 'ready-with-warnings':
      return `${capitalized(days)}; ${warnings} warning${warnings === 1 ? '' : 's'} to read.`;
    case 'expired':
      return `Since ${new Date(expiresAt).toISOString().slice(0, 10)}. Download a fresh profile, or override.`;
    case 'unusable': {
      const first = findings.find((f) => f.severity === 'error');
      return first ? firstSentence(first.message) : 'This file cannot be used.';
    }
  }
}

function base(
  result: LoadResult,
  ctx: SummaryContext,
  shown: ShownValues,
): Pick<
  ProfileSummary,
  'fileName' | 'sizeBytes' | 'sha256' | 'fileKind' | 'importedAt' | 'fileModifiedAt' | 'evaluatedAt'
> {
  return {
    fileName: shown.text(ctx.fileName, 'file name') ?? 'unnamed file',
    sizeBytes: result.bytes.length,
    sha256: result.sha256,
    fileKind: result.fileKind,
    importedAt: ctx.importedAt,
    fileModifiedAt: ctx.fileModifiedAt,
    evaluatedAt: ctx.now,
  };
}

function summarizeFailure(failure: LoadFailure, ctx: SummaryContext): ProfileSummary {
  const findings = [failure.finding];
  return {
    ...base(failure, ctx, createShownValues([])),
    variant: 'unknown',
    verdict: 'unusable',
    headline: headline('unusable', findings, 0, 0),
    findings,
  };
}

function summarizeLoaded(loaded: LoadedProfile, ctx: SummaryContext): ProfileSummary {
  const shown = createShownValues(loaded.secrets);
  const check = checkProfile(loaded, ctx.now, shown);
  const age = computeAge({
    importedAt: ctx.importedAt,
    fileModifiedAt: ctx.fileModifiedAt,
    signingTime: loaded.signer?.signingTime,
    now: ctx.now,
    override: ctx.override,
  });
  // Every displayed value is shown before the reuse warning is taken, so the warning covers all of them.
  const signer = loaded.signer && {
    ...loaded.signer,
    subject: shown.text(loaded.signer.subject, 'signer name') ?? '(no name)',
    issuer: shown.text(loaded.signer.issuer, 'signer issuer') ?? '(no name)',
  };
  const fields = {
    ...base(loaded, ctx, shown),
    organization: shown.text(loaded.model.organization, 'organization'),
    displayName: shown.text(loaded.model.displayName, 'display name'),
    payloadIdentifier: shown.text(loaded.model.identifier, 'profile identifier'),
    mdmHost: shown.truth(check.mdmHost, 'MDM host'),
  };
  const reuse = shown.reuseFinding();
  const findings = sortFindings([
    ...check.findings,
    ...(reuse ? [reuse] : []),
    ageFinding(age, ctx.override),
  ]);
  const verdict = verdictOf(findings);
  return {
    ...fields,
    ...(loaded.model.identifier === TRAINING_PROFILE_IDENTIFIER ? { training: true as const } : {}),
    variant: check.variant,
    signer,
    age,
    override: age.overridden ? ctx.override : undefined,
    verdict,
    headline: headline(verdict, findings, age.daysLeft, age.expiresAt),
    findings: findings.map((f) => ({ ...f, message: sanitizeText(f.message, { maxLength: MAX_FINDING }) })),
  };
}

/** The summary of any load result at `ctx.now`. */
export function summarizeProfile(result: LoadResult, ctx: SummaryContext): ProfileSummary {
  return result.ok ? summarizeLoaded(result, ctx) : summarizeFailure(result, ctx);
}
