/**
 * The summary of what the filters select, counted by device as the bench header counts (a device that failed
 * and then succeeded on Retry is prepared, not failed), with the attempts told apart: failed attempts, and
 * how many devices were retried and then succeeded. Median time per device, devices per hour.
 */
import type { LogSummary } from '../../preload/log-domain';
import { formatDuration, formatRate } from './log-format';

const count = (n: number) => n.toLocaleString('en-US');

export function LogSummaryView({
  summary,
  total,
}: {
  readonly summary?: LogSummary;
  readonly total: number;
}) {
  const items: [string, string][] = [
    ['Devices', count(summary?.devices ?? 0)],
    ['Prepared devices', count(summary?.prepared ?? 0)],
    ['Failed devices', count(summary?.failed ?? 0)],
    ['Attempts', count(total)],
    ['Failed attempts', count(summary?.failedAttempts ?? 0)],
    ['Retried, then succeeded', count(summary?.retriedThenSucceeded ?? 0)],
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
