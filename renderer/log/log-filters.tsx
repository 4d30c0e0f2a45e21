/** Search by serial or name, the date range, the session and the outcome. */
import type { LogOutcome, LogPage } from '../../preload/log-domain';
import { formatWhen, outcomeLabels } from './log-format';

export interface LogFilterValues {
  readonly search: string;
  readonly fromDay: string;
  readonly toDay: string;
  readonly sessionId: string;
  readonly outcome: LogOutcome | 'all';
}

export const emptyFilters: LogFilterValues = {
  search: '',
  fromDay: '',
  toDay: '',
  sessionId: '',
  outcome: 'all',
};

export interface LogFiltersProps {
  readonly values: LogFilterValues;
  readonly sessions: LogPage['sessions'];
  readonly onChange: (values: LogFilterValues) => void;
}

export function LogFilters({ values, sessions, onChange }: LogFiltersProps) {
  const set = <K extends keyof LogFilterValues>(key: K, value: LogFilterValues[K]) =>
    onChange({ ...values, [key]: value });
  return (
    <form
      className="log-filters"
      role="search"
      aria-label="Filter the log"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        Serial or name
        <input
          type="search"
          value={values.search}
          placeholder="F7TLWCLBX196 or CART-A-01"
          maxLength={200}
          onChange={(e) => set('search', e.target.value)}
        />
      </label>
      <label>
        From
        <input type="date" value={values.fromDay} onChange={(e) => set('fromDay', e.target.value)} />
      </label>
      <label>
        To
        <input type="date" value={values.toDay} onChange={(e) => set('toDay', e.target.value)} />
      </label>
      <label>
        Session
        <select value={values.sessionId} onChange={(e) => set('sessionId', e.target.value)}>
          <option value="">All sessions</option>
          {sessions.map((s) => (
            <option key={s.sessionId} value={s.sessionId}>
              Started {formatWhen(s.startedAt)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Outcome
        <select value={values.outcome} onChange={(e) => set('outcome', e.target.value as LogOutcome | 'all')}>
          <option value="all">All outcomes</option>
          {(Object.keys(outcomeLabels) as LogOutcome[]).map((o) => (
            <option key={o} value={o}>
              {outcomeLabels[o]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
