/**
 * The bench log's Intune columns (issue 25): pushed at, push result, enrolled at, enrollment type, state. They
 * live in their own append-only journal (../intune/enrollment/enrollment-journal.ts) and are joined to the
 * job records by serial when the log is read, so no record is ever rewritten. A record whose serial the
 * journal does not know reads "not checked" (every record written before this feature).
 */
import type { LogIntuneColumns, LogIntuneState, LogRecord } from '../../preload/log-domain';
import { EnrollmentJournal, type IntuneColumns } from '../intune/enrollment/enrollment-journal';

export const LOG_INTUNE_STATES: readonly LogIntuneState[] = [
  'enrolled',
  'several',
  'not-yet-seen',
  'not-seen',
  'not-checked',
];

/** `log show --intune STATE`: one of the states, or `not-enrolled` (any prepared device not enrolled). */
export type IntuneFilter = LogIntuneState | 'not-enrolled';

export function isIntuneFilter(text: string): text is IntuneFilter {
  return text === 'not-enrolled' || (LOG_INTUNE_STATES as readonly string[]).includes(text);
}

export function toLogColumns(c: IntuneColumns | undefined): LogIntuneColumns | undefined {
  if (!c) return undefined;
  return {
    state: c.enrollment ?? 'not-checked',
    ...(c.push ? { push: c.push } : {}),
    ...(c.pushedAt === undefined ? {} : { pushedAt: c.pushedAt }),
    ...(c.pushWhy ? { pushWhy: c.pushWhy } : {}),
    ...(c.enrolledAt === undefined ? {} : { enrolledAt: c.enrolledAt }),
    ...(c.enrollmentType ? { enrollmentType: c.enrollmentType } : {}),
    ...(c.supervised === undefined ? {} : { supervised: c.supervised }),
  };
}

export function intuneStateOf(record: LogRecord): LogIntuneState {
  return record.intune?.state ?? 'not-checked';
}

/** Keeps records matching `filter`; `not-enrolled` means prepared devices Intune does not (yet) show as one. */
export function intuneTest(filter: IntuneFilter | undefined): (record: LogRecord) => boolean {
  if (!filter) return () => true;
  if (filter === 'not-enrolled') return (r) => r.outcome === 'succeeded' && intuneStateOf(r) !== 'enrolled';
  return (r) => intuneStateOf(r) === filter;
}

export function withIntune<T extends LogRecord>(
  records: readonly T[],
  columns: ReadonlyMap<string, IntuneColumns>,
): T[] {
  return records.map((r) => {
    const joined = r.serialNumber
      ? toLogColumns(columns.get(r.serialNumber.trim().toUpperCase()))
      : undefined;
    return joined ? { ...r, intune: joined } : r;
  });
}

/** The data folder's Intune columns by serial (empty when serial push and checks never ran). */
export async function readIntuneColumns(dataDir: string): Promise<ReadonlyMap<string, IntuneColumns>> {
  return (await new EnrollmentJournal(dataDir).read()).columns;
}
