/** How the log view writes times, durations and outcomes. */
import type { LogOutcome } from '../../preload/log-domain';

export const outcomeLabels: Readonly<Record<LogOutcome, string>> = {
  succeeded: 'Prepared',
  failed: 'Failed',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export function formatDuration(ms: number | undefined): string {
  if (ms === undefined) return '–';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

export function formatRate(perHour: number | undefined): string {
  return perHour === undefined ? '–' : perHour >= 10 ? perHour.toFixed(0) : perHour.toFixed(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, `2026-03-02 09:05`: the operator reads the clock on the wall, not UTC. */
export function formatWhen(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A date input's `YYYY-MM-DD` as the first or last millisecond of that local day. */
export function dayEdge(value: string, edge: 'from' | 'to'): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  return edge === 'from'
    ? new Date(year, month, day).getTime()
    : new Date(year, month, day + 1).getTime() - 1;
}
