/**
 * The grid's toolbar for a cart of 30–64: find a device (serial, name, ECID, port), show one state, order
 * by port or by state, select several (the Select menu), and go to the next device that needs a person
 * (button, or the "n" key).
 */
import type { ReactNode } from 'react';
import { stateFilterWords, type GridSort, type StateFilter } from './grid-finder';

export interface GridToolbarProps {
  readonly search: string;
  readonly filter: StateFilter;
  readonly sort: GridSort;
  readonly needing: number;
  readonly shown: number;
  readonly total: number;
  readonly onSearch: (search: string) => void;
  readonly onFilter: (filter: StateFilter) => void;
  readonly onSort: (sort: GridSort) => void;
  readonly onNext: () => void;
  /** The Select menu, on a grid that selects (./selection-bar.tsx). */
  readonly select?: ReactNode;
}

/** Moves focus to a device's card (and into view), so its instruction is read out and its buttons are next. */
export function focusCard(ecid: string): void {
  const card = document.querySelector<HTMLElement>(`article[data-ecid="${CSS.escape(ecid)}"]`);
  if (!card) return;
  card.tabIndex = -1;
  card.scrollIntoView({ block: 'nearest' });
  card.focus();
}

export function GridToolbar(props: GridToolbarProps) {
  return (
    <div className="grid-toolbar" role="search" aria-label="Find devices">
      <label className="grid-search">
        <span>Find</span>
        <input
          type="search"
          value={props.search}
          placeholder="Serial, name, ECID or port"
          onChange={(e) => props.onSearch(e.target.value)}
        />
      </label>
      <label>
        <span>Show</span>
        <select value={props.filter} onChange={(e) => props.onFilter(e.target.value as StateFilter)}>
          {(Object.keys(stateFilterWords) as StateFilter[]).map((f) => (
            <option key={f} value={f}>
              {stateFilterWords[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Order</span>
        <select value={props.sort} onChange={(e) => props.onSort(e.target.value as GridSort)}>
          <option value="port">By port</option>
          <option value="state">Needs you first</option>
        </select>
      </label>
      {props.select}
      <p className="grid-shown" aria-live="polite">
        {props.shown === props.total ? `${props.total} devices` : `${props.shown} of ${props.total} devices`}
      </p>
      <button
        type="button"
        className="grid-next"
        onClick={props.onNext}
        disabled={props.needing === 0}
        aria-keyshortcuts="n"
        title="Key: n"
      >
        Next device that needs you{props.needing > 0 ? ` (${props.needing})` : ''}
      </button>
    </div>
  );
}
