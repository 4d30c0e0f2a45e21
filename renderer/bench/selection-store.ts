/**
 * The grid's selection as a tiny external store, so a click on one card's select box re-renders that card
 * and the selection bar, not all 40 cards (each card reads only whether it is selected).
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Ecid } from '../../preload/domain';
import { noSelection, type GridSelection } from './grid-selection';

export interface SelectionStore {
  get(): GridSelection;
  set(next: GridSelection): void;
  subscribe(listener: () => void): () => void;
}

export function createSelectionStore(initial: GridSelection = noSelection): SelectionStore {
  let selection = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => selection,
    set(next) {
      if (next === selection) return;
      selection = next;
      for (const listener of [...listeners]) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** What a card needs to take part: the store, and the click (`range`: Shift was held). */
export interface GridSelecting {
  readonly store: SelectionStore;
  readonly onSelect: (ecid: Ecid, range: boolean) => void;
}

/** Absent on a grid too small to select on (its cards have no select box). */
export const GridSelectingContext = createContext<GridSelecting | undefined>(undefined);

const noStore = createSelectionStore();

/** The whole selection (the selection bar). */
export function useSelection(): GridSelection {
  const store = useContext(GridSelectingContext)?.store ?? noStore;
  return useSyncExternalStore(store.subscribe, store.get);
}

/** Whether one device is selected; undefined when the grid has no selection. */
export function useIsSelected(ecid: Ecid): boolean | undefined {
  const selecting = useContext(GridSelectingContext);
  const store = selecting?.store ?? noStore;
  const selected = useSyncExternalStore(store.subscribe, () => store.get().selected.has(ecid));
  return selecting ? selected : undefined;
}
