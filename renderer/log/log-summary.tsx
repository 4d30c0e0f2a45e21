/** The summary of what the filters select: prepared, failed, median time per device, devices per hour. */
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
    ['Records', count(total)],
    ['Prepared', count(summary?.prepared ?? 0)],
    ['Failed', count(summary?.failed ?? 0)],
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
