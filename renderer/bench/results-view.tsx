/**
 * Results, as balenaEtcher shows them: the counts, the devices that failed (port, serial, error, fix),
 * Retry failed, and the way to the log's export.
 */
import { useMemo } from 'react';
import { useBench } from '../state/bench-store';
import { activeCount } from '../../preload/counts';
import { failedRows, isCartDone, useJobCounts } from './results';
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
  const counts = useJobCounts();
  const going = activeCount(counts);
  const rows = useMemo(() => failedRows(jobs, devices), [jobs, devices]);
  return (
    <section className="results" aria-labelledby="results-title">
      <h2 id="results-title">{done ? 'Cart finished' : going > 0 ? 'Cart in progress' : 'No cart yet'}</h2>
      <ul className="results-counts" aria-label="Results">
        <CountItem tone="count-done" icon="check" count={counts.succeeded} word="done" />
        <CountItem
          tone={counts.failed > 0 ? 'count-failed' : undefined}
          icon="cross"
          count={counts.failed}
          word="failed"
        />
        <CountItem count={counts.skipped} word="skipped" />
        <CountItem count={counts.cancelled} word="cancelled" />
        {going > 0 && <CountItem tone="count-busy" icon="spinner" count={going} word="still going" />}
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
  const counts = useJobCounts();
  if (!done) return null;
  return (
    <div className={`cart-done${counts.failed > 0 ? ' with-failures' : ''}`} role="status">
      <StatusIcon name={counts.failed > 0 ? 'warning' : 'check'} />
      <strong>Cart finished:</strong> {counts.succeeded} done, {counts.failed} failed.
      <button type="button" onClick={onShowResults}>
        See results
      </button>
      {counts.failed > 0 && (
        <button type="button" onClick={onRetryFailed}>
          Retry failed
        </button>
      )}
    </div>
  );
}
