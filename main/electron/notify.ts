/**
 * Native message boxes for what happens outside the window: problems met while starting, and a profile
 * handed over by Finder ("Open With") or the command line that the bench refused. The window shows accepted
 * profiles itself; a refusal would otherwise only reach the log.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { ProfileSummary } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';

export function warnAboutStartupProblems(window: BrowserWindow, problems: readonly string[]): void {
  if (problems.length === 0) return;
  void dialog.showMessageBox(window, {
    type: 'warning',
    message: 'Enroll Bench started, but something needs your attention',
    detail: problems.join('\n\n'),
  });
}

/** Says why a profile opened from Finder or the command line cannot be used; silent when it can. */
export function reportOpenedProfile(window: BrowserWindow, outcome: ProfileSummary | unknown): void {
  const summary = isSummary(outcome) ? outcome : undefined;
  if (summary && summary.verdict !== 'unusable' && summary.verdict !== 'expired') return;
  const detail = summary
    ? [
        summary.headline,
        ...summary.findings.filter((f) => f.severity === 'error').map((f) => f.message),
      ].join('\n\n')
    : outcome instanceof BenchError
      ? `${outcome.info.title}. ${outcome.info.detail}`
      : 'The file could not be opened. The bench log has the details.';
  void dialog.showMessageBox(window, {
    type: 'error',
    message: summary
      ? `${summary.fileName} cannot be used for enrollment`
      : 'The profile could not be opened',
    detail,
  });
}

function isSummary(value: unknown): value is ProfileSummary {
  return typeof value === 'object' && value !== null && 'verdict' in value && 'fileName' in value;
}
