/** `enroll-bench log show` for a person: where the log is, the summary, the sessions and the latest records. */
import type { LogPage, LogRecord, LogSummary } from '../../preload/log-domain';

export interface LogSummaryView {
  readonly journalDir: string;
  readonly files: number;
  readonly total: number;
  readonly summary: LogSummary;
  readonly sessions: LogPage['sessions'];
  readonly warnings: readonly string[];
  readonly latest: readonly LogRecord[];
}

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60
    ? `${seconds} s`
    : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** "Enrolled in Intune 14:32", "Intune: not seen", … ; "Intune: not checked" for older records. */
export function intuneLabel(r: LogRecord): string {
  const c = r.intune;
  if (!c || c.state === 'not-checked')
    return c?.push === 'failed' ? 'Intune: push failed (queued)' : 'Intune: not checked';
  if (c.state === 'enrolled')
    return `Enrolled in Intune${c.enrolledAt === undefined ? '' : ` ${when(c.enrolledAt).slice(11)}`}`;
  return `Intune: ${c.state.replace(/-/g, ' ')}`;
}

export function formatLogSummary(view: LogSummaryView): string {
  const { summary } = view;
  const lines = [
    `Bench log: ${view.journalDir} (${view.files} journal ${view.files === 1 ? 'file' : 'files'})`,
    `Devices: ${summary.devices} (prepared ${summary.prepared}, failed ${summary.failed}, skipped ${summary.skipped}, cancelled ${summary.cancelled})`,
    `Records: ${view.total} attempts (${summary.failedAttempts} failed; ${summary.retriedThenSucceeded} ${summary.retriedThenSucceeded === 1 ? 'device' : 'devices'} retried and then succeeded)`,
    `Median time per device: ${summary.medianDurationMs === undefined ? '–' : formatDuration(summary.medianDurationMs)}`,
    `Devices per hour: ${summary.devicesPerHour === undefined ? '–' : summary.devicesPerHour.toFixed(1)}`,
    `Sessions: ${view.sessions.length}${view.sessions[0] ? ` (latest ${view.sessions[0].sessionId}, started ${when(view.sessions[0].startedAt)} UTC)` : ''}`,
    ...view.warnings.map((w) => `Warning: ${w}`),
  ];
  if (view.latest.length > 0) {
    lines.push('', 'Latest:');
    for (const r of view.latest) {
      lines.push(
        `  ${when(r.finishedAt)}  ${r.outcome.padEnd(11)} ${(r.serialNumber ?? '(no serial)').padEnd(14)} ${r.finalName ?? ''}  [${r.stationName}]${r.outcome === 'succeeded' ? `  ${intuneLabel(r)}` : ''}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
