/**
 * The bench log screen: every finished job, searchable and filtered, its summary, and the exports (CSV of the
 * records, Intune's Apple Configurator serials file, JSON), downloaded as the files main returns.
 *
 * Talks to main only through the two log channels of the `BenchApi` it is given, and follows its
 * `logChanged` event: a job that ends shows without pressing Refresh, with the search, filters and scroll kept.
 */
import { useEffect, useMemo, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import type { LogExportFormat } from '../../preload/log-domain';
import { downloadFiles, type DownloadableFile } from './download-files';
import { dayEdge } from './log-format';
import { emptyFilters, LogFilters, type LogFilterValues } from './log-filters';
import { LogList } from './log-list';
import { LogSummaryView } from './log-summary';
import { useLogPages, type LogFilter } from './use-log-pages';
import './log-view.css';

export interface LogViewProps {
  readonly api: Pick<BenchApi, 'queryLog' | 'exportLog' | 'on'>;
  /** Where exported files go; the browser's download by default (tests pass their own). */
  readonly download?: (files: readonly DownloadableFile[]) => void;
}

const SEARCH_DELAY_MS = 250;

const exportButtons: readonly { readonly format: LogExportFormat; readonly label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'intune', label: 'Export Intune file' },
  { format: 'json', label: 'Export JSON' },
];

function toFilter(values: LogFilterValues, search: string): LogFilter {
  const from = dayEdge(values.fromDay, 'from');
  const to = dayEdge(values.toDay, 'to');
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(values.sessionId ? { sessionId: values.sessionId } : {}),
    outcome: values.outcome,
  };
}

export function LogView({ api, download = downloadFiles }: LogViewProps) {
  const [values, setValues] = useState(emptyFilters);
  const [search, setSearch] = useState('');
  const [revision, setRevision] = useState(0);
  const [live, setLive] = useState(0);
  const [status, setStatus] = useState<{ readonly text: string; readonly error: boolean }>();
  const [exporting, setExporting] = useState<LogExportFormat>();

  // Typing a serial should not query on every key press.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(values.search), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values.search]);

  // Main coalesces the event (at most one a second); each one re-reads the pages in view.
  useEffect(() => api.on('logChanged', () => setLive((n) => n + 1)), [api]);

  const filter = useMemo(() => toFilter(values, search), [values, search]);
  const pages = useLogPages(api, filter, revision, live);
  const total = pages.first?.total ?? 0;

  const exportAs = (format: LogExportFormat) => {
    setExporting(format);
    setStatus(undefined);
    // The Intune file is for devices that were prepared, whatever the outcome filter shows.
    const outcome = format === 'intune' && filter.outcome === 'all' ? 'succeeded' : filter.outcome;
    // The filters as the view shows them, search included: what is exported is what is listed.
    void api
      .exportLog({
        format,
        ...(filter.search !== undefined ? { search: filter.search } : {}),
        ...(filter.from !== undefined ? { from: filter.from } : {}),
        ...(filter.to !== undefined ? { to: filter.to } : {}),
        ...(filter.sessionId !== undefined ? { sessionId: filter.sessionId } : {}),
        ...(outcome ? { outcome } : {}),
      })
      .then((result) => {
        setExporting(undefined);
        if (!result.ok)
          return setStatus({ text: `${result.error.title}. ${result.error.detail}`, error: true });
        if (result.value.files.length === 0) return setStatus({ text: 'Nothing to export.', error: false });
        download(result.value.files);
        const names = result.value.files.map((f) => f.fileName).join(', ');
        setStatus({
          text: `Saved ${result.value.files.length === 1 ? names : `${result.value.files.length} files: ${names}`}.`,
          error: false,
        });
      });
  };

  return (
    <section className="log-view" aria-label="Bench log">
      <header className="log-view-head">
        <h2>Bench log</h2>
        <LogSummaryView summary={pages.first?.summary} total={total} />
      </header>
      <div className="log-controls">
        <LogFilters values={values} sessions={pages.sessions} onChange={setValues} />
        <div className="log-actions" role="group" aria-label="Export">
          {exportButtons.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              disabled={exporting !== undefined}
              onClick={() => exportAs(format)}
            >
              {exporting === format ? 'Exporting…' : label}
            </button>
          ))}
          <button type="button" className="secondary" onClick={() => setRevision((r) => r + 1)}>
            Refresh
          </button>
        </div>
      </div>
      <p className="log-note">
        A job that ends appears here by itself. Exports hold what the list shows: the search and every filter.
        The Intune file lists prepared devices.
      </p>
      <div role="status" aria-live="polite" className={status?.error ? 'log-status error' : 'log-status'}>
        {status?.text}
      </div>
      {pages.error && (
        <p className="log-error" role="alert">
          {pages.error.title}. {pages.error.detail}
        </p>
      )}
      {pages.first?.warnings.map((w) => (
        <p key={w} className="log-warning">
          {w}
        </p>
      ))}
      {pages.first && total === 0 ? (
        <p className="log-empty">
          {filter.search || values.fromDay || values.toDay || values.sessionId || values.outcome !== 'all'
            ? 'No records match these filters.'
            : 'No device has finished on this bench yet. Every finished job appears here.'}
        </p>
      ) : (
        <LogList total={total} recordAt={pages.recordAt} ensure={pages.ensure} grown={pages.grown} />
      )}
    </section>
  );
}
