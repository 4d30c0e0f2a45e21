/**
 * The summary of what the filters select, counted by device as the bench header counts (a device that failed
 * and then succeeded on Retry is prepared, not failed), with the attempts told apart: median time per device,
 * devices per hour.
 */
import type { LogSummary } from '../../preload/log-domain';
import { formatDuration, formatRate } from './log-format';

const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** "1 device (3 failed attempts; 2 devices retried and then succeeded)", or just "0 devices". */
export function failedWords(summary: LogSummary | undefined): string {
  const failed = plural(summary?.failed ?? 0, 'device');
  const attempts = summary?.failedAttempts ?? 0;
  if (!summary || attempts === 0) return failed;
  const retried = summary.retriedThenSucceeded;
  const after = retried > 0 ? `; ${plural(retried, 'device')} retried and then succeeded` : '';
  return `${failed} (${plural(attempts, 'failed attempt')}${after})`;
}

export function LogSummaryView({
  summary,
  total,
}: {
  readonly summary?: LogSummary;
  readonly total: number;
}) {
  const items: [string, string][] = [
    ['Attempts', count(total)],
    ['Devices', count(summary?.devices ?? 0)],
    ['Prepared', plural(summary?.prepared ?? 0, 'device')],
    ['Failed', failedWords(summary)],
    ['Median time per device', formatDuration(summary?.medianDurationMs)],
    ['Devices per hour', formatRate(summary?.devicesPerHour)],
  ];
  return (
    <dl className="log-summary" aria-label="Summary">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
