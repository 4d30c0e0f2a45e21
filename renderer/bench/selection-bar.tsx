/**
 * Selecting several devices on a cart of 7 or more. The toolbar's Select menu picks all needing you, all
 * failed, or none (./grid-toolbar.tsx keeps a 40-device cart on one 1280×800 screen, so it is a menu, not
 * three buttons). The selection bar, in the grid's dock below the cards while something is selected, says how
 * many are selected and offers each bulk action that at least one selected card offers now, with how many it
 * acts on ("Retry 3"). A bulk action acts on exactly those (./grid-selection.ts), one device at a time through
 * the same channel as the card's button, with the phase the card showed, so main checks each again; what it
 * refuses is said here in words and on the card. Cancelling several asks once first.
 */
import { useContext, useState } from 'react';
import type { Ecid } from '../../preload/domain';
import type { JobPhase } from '../../preload/jobs-domain';
import { useBench } from '../state/bench-store';
import { benchDevices } from '../state/bench-devices';
import { CardActionsContext } from './card-actions';
import { stateOf } from './grid-finder';
import { bulkOffer, bulkTargets, noSelection, selectAll, type BulkAction } from './grid-selection';
import { actionWords } from './job-status';
import { GridSelectingContext, useSelection } from './selection-store';

export interface SelectionBarProps {
  /** The devices the grid shows now, in its order: what "select all" picks from, and a range's order. */
  readonly shown: readonly Ecid[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function SelectionBar({ shown }: SelectionBarProps) {
  const selection = useSelection();
  const store = useContext(GridSelectingContext)?.store;
  const run = useContext(CardActionsContext).runJobAction;
  const jobs = useBench((s) => s.jobs);
  const devices = useBench(benchDevices);
  const armed = useBench((s) => s.run?.armed);
  const [confirming, setConfirming] = useState<{
    readonly targets: readonly Ecid[];
    readonly seen: Readonly<Record<Ecid, JobPhase | undefined>>;
  }>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  if (!store) return null;

  const count = selection.selected.size;
  const hidden = [...selection.selected].filter((ecid) => !shown.includes(ecid)).length;
  const offers = run ? bulkOffer(selection, jobs, armed) : [];

  const who = (ecid: Ecid): string => {
    const device = devices.find((d) => d.ecid === ecid);
    const name = device?.serialNumber ?? jobs[ecid]?.serialNumber ?? ecid;
    return device?.portLabel ? `${device.portLabel} (${name})` : name;
  };

  const act = async (
    action: BulkAction,
    targets: readonly Ecid[],
    seen: Readonly<Record<Ecid, JobPhase | undefined>>,
  ): Promise<void> => {
    if (!run) return;
    setConfirming(undefined);
    setBusy(true);
    const refused: string[] = [];
    for (const ecid of targets) {
      // The phase the card showed when the button was pressed: main refuses if the job has moved on since.
      const result = await run(ecid, action, seen[ecid]);
      if (!result.ok) refused.push(`${who(ecid)}: ${result.error.title}. ${result.error.detail}`);
    }
    setBusy(false);
    const word = actionWords[action];
    const left = count - targets.length;
    setMessage(
      [
        `${word}: ${targets.length - refused.length} done.`,
        refused.length > 0 ? `${refused.length} refused: ${refused.join(' ')}` : '',
        left > 0 ? `${plural(left, 'selected device')} left as they are: no ${word} on their card now.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };

  const start = (action: BulkAction): void => {
    const targets = bulkTargets(selection, jobs, action, armed, shown);
    const seen = Object.fromEntries(targets.map((ecid) => [ecid, jobs[ecid]?.phase]));
    if (action === 'cancel' && targets.length > 1) setConfirming({ targets, seen });
    else void act(action, targets, seen);
  };

  if (count === 0 && !message && !confirming) return null;
  return (
    <div className="selection-bar" role="group" aria-label="Selected devices">
      <p className="selection-count" aria-live="polite">
        {count === 0 ? 'None selected' : `${count} selected`}
        {hidden > 0 ? ` (${hidden} not shown)` : ''}
      </p>
      {confirming ? (
        <p className="selection-confirm" role="alert">
          Cancel the jobs of {plural(confirming.targets.length, 'device')}?{' '}
          <button
            type="button"
            className="bulk-cancel"
            onClick={() => void act('cancel', confirming.targets, confirming.seen)}
          >
            Cancel {plural(confirming.targets.length, 'job')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(undefined)}>
            Keep them
          </button>
        </p>
      ) : (
        offers.map(({ action, count: n }) => (
          <button
            key={action}
            type="button"
            className={`bulk-action bulk-${action}`}
            disabled={busy}
            onClick={() => start(action)}
            aria-label={`${actionWords[action]} ${plural(n, 'selected device')}`}
          >
            {actionWords[action]} {n}
          </button>
        ))
      )}
      <button
        type="button"
        onClick={() => {
          store.set(noSelection);
          setConfirming(undefined);
          setMessage(undefined);
        }}
      >
        {count === 0 ? 'Close' : 'Clear selection'}
      </button>
      {message && (
        <p className="selection-result" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

/** The toolbar's Select menu: all needing you, all failed (of the devices shown), or none. */
export function SelectMenu({ shown }: SelectionBarProps) {
  const store = useContext(GridSelectingContext)?.store;
  const jobs = useBench((s) => s.jobs);
  if (!store) return null;
  const needing = shown.filter((ecid) => stateOf(jobs[ecid]) === 'needs-you');
  const failed = shown.filter((ecid) => stateOf(jobs[ecid]) === 'failed');
  const choose = (choice: string): void => {
    if (choice === 'needing') store.set(selectAll(store.get(), needing));
    else if (choice === 'failed') store.set(selectAll(store.get(), failed));
    else if (choice === 'none') store.set(noSelection);
  };
  return (
    <label className="grid-select-menu">
      <span>Select</span>
      {/* A menu: it always reads "…" and each choice acts once. */}
      <select value="" onChange={(event) => choose(event.target.value)}>
        <option value="" disabled>
          …
        </option>
        <option value="needing" disabled={needing.length === 0}>
          All needing you ({needing.length})
        </option>
        <option value="failed" disabled={failed.length === 0}>
          All failed ({failed.length})
        </option>
        <option value="none">None</option>
      </select>
    </label>
  );
}
