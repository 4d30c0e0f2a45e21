/**
 * Results, as balenaEtcher shows them: the counts, the devices that failed (port, serial, error, fix),
 * Retry failed, and the way to the log's export.
 */
import { useMemo } from 'react';
import { useBench } from '../state/bench-store';
import { failedRows, isCartDone, tallyJobs } from './results';
import { CountItem } from '../ui/count-item';
import { StatusIcon } from '../ui/status-icon';
import { IntuneResults } from '../intune/intune-results';

export interface ResultsViewProps {
  readonly onRetryFailed: () => void;
  readonly onOpenLog: () => void;
}

export function ResultsView({ onRetryFailed, onOpenLog }: ResultsViewProps) {
  const jobs = useBench((s) => s.jobs);
  const devices = useBench((s) => s.devices);
  const done = useBench(isCartDone);
  const tally = useMemo(() => tallyJobs(Object.values(jobs)), [jobs]);
  const rows = useMemo(() => failedRows(jobs, devices), [jobs, devices]);
  return (
    <section className="results" aria-labelledby="results-title">
      <h2 id="results-title">
        {done ? 'Cart finished' : tally.active > 0 ? 'Cart in progress' : 'No cart yet'}
      </h2>
      <ul className="results-counts" aria-label="Results">
        <CountItem tone="count-done" icon="check" count={tally.done} word="done" />
        <CountItem
          tone={tally.failed > 0 ? 'count-failed' : undefined}
          icon="cross"
          count={tally.failed}
          word="failed"
        />
        <CountItem count={tally.skipped} word="skipped" />
        <CountItem count={tally.cancelled} word="cancelled" />
        {tally.active > 0 && (
          <CountItem tone="count-busy" icon="spinner" count={tally.active} word="still going" />
        )}
      </ul>
      <div className="results-actions">
        <button type="button" onClick={onRetryFailed} disabled={rows.length === 0}>
          Retry failed
        </button>
        <div className="results-export" aria-label="Export">
          <button type="button" onClick={onOpenLog}>
            Export the log…
          </button>
        </div>
      </div>
      {rows.length > 0 ? (
        <table className="results-failed">
          <caption>Devices that failed</caption>
          <thead>
            <tr>
              <th scope="col">Port</th>
              <th scope="col">Serial</th>
              <th scope="col">Error</th>
              <th scope="col">Fix</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ job, device }) => (
              <tr key={job.ecid}>
                <td>{device?.portLabel ?? 'Unplugged'}</td>
                <td className="mono">{job.serialNumber ?? device?.serialNumber ?? job.ecid}</td>
                <td>{job.error?.title ?? (job.phase === 'interrupted' ? 'Interrupted' : 'Failed')}</td>
                <td>
                  {job.error?.detail ?? 'Retry; if it fails again, restart the device and plug it in again.'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="results-none">No device failed.</p>
      )}
      <IntuneResults />
    </section>
  );
}

/** On the bench tab, once the cart is done: one line with the outcome and the way to the details. */
export function CartDoneStrip({
  onShowResults,
  onRetryFailed,
}: {
  onShowResults: () => void;
  onRetryFailed: () => void;
}) {
  const done = useBench(isCartDone);
  const jobs = useBench((s) => s.jobs);
  const tally = useMemo(() => tallyJobs(Object.values(jobs)), [jobs]);
  if (!done) return null;
  return (
    <div className={`cart-done${tally.failed > 0 ? ' with-failures' : ''}`} role="status">
      <StatusIcon name={tally.failed > 0 ? 'warning' : 'check'} />
      <strong>Cart finished:</strong> {tally.done} done, {tally.failed} failed.
      <button type="button" onClick={onShowResults}>
        See results
      </button>
      {tally.failed > 0 && (
        <button type="button" onClick={onRetryFailed}>
          Retry failed
        </button>
      )}
    </div>
  );
}
