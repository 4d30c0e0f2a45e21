/**
 * Restore leftovers: the list of what "Clean up" would delete, then an explicit confirmation naming the
 * count, the size and the folder. Nothing is deleted before the operator presses Delete.
 */
import { useState } from 'react';
import type { CleanLeftoversOutcome, RestoreLeftovers } from '../../preload/preflight-domain';
import { formatBytes } from './format-bytes';

export interface LeftoversSectionProps {
  readonly leftovers: RestoreLeftovers;
  readonly busy: boolean;
  readonly outcome?: CleanLeftoversOutcome;
  readonly onDelete: (names: readonly string[]) => void;
}

export function LeftoversSection({ leftovers, busy, outcome, onDelete }: LeftoversSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const count = leftovers.items.length;
  const words = `${count} folder${count === 1 ? '' : 's'}, ${formatBytes(leftovers.totalBytes)}`;
  return (
    <section className="leftovers" aria-labelledby="leftovers-heading">
      <h3 id="leftovers-heading">Restore leftovers{leftovers.simulated ? ' (simulated folder)' : ''}</h3>
      {outcome && (
        <p role="status" className="leftovers-outcome">
          Deleted {outcome.deleted.length} folder{outcome.deleted.length === 1 ? '' : 's'},{' '}
          {formatBytes(outcome.freedBytes)} freed.
          {outcome.skipped.length > 0 &&
            ` ${outcome.skipped.length} kept: ${outcome.skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}.`}
        </p>
      )}
      {count === 0 ? (
        <p>Nothing to clean in cfgutil’s temporary folder.</p>
      ) : (
        <>
          <p>
            Firmware cfgutil unpacked for earlier restores and never deleted, in{' '}
            <code>{leftovers.folder}</code>. Only these folders would be deleted:
          </p>
          <table className="leftovers-table">
            <thead>
              <tr>
                <th scope="col">Folder</th>
                <th scope="col">Size</th>
                <th scope="col">Last changed</th>
              </tr>
            </thead>
            <tbody>
              {leftovers.items.map((item) => (
                <tr key={item.name}>
                  <td>
                    <code>{item.name}</code>
                  </td>
                  <td>{formatBytes(item.sizeBytes)}</td>
                  <td>{new Date(item.modifiedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {confirming ? (
            <div className="leftovers-confirm" role="group" aria-label="Confirm deleting">
              <p>Delete {words}? This cannot be undone.</p>
              <button
                type="button"
                className="danger"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  onDelete(leftovers.items.map((i) => i.name));
                }}
              >
                Delete {count} folder{count === 1 ? '' : 's'}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Keep them
              </button>
            </div>
          ) : (
            <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
              Clean up… ({words})
            </button>
          )}
        </>
      )}
    </section>
  );
}
