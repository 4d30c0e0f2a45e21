/**
 * A tiny external store over {@link BenchState}, read with `useSyncExternalStore`.
 *
 * It subscribes to events before asking for the snapshot (so nothing falls in between), and asks again
 * whenever the connection comes back, because events sent while it was down are gone.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { BenchApi, BenchEvent, EventChannelName } from '../../preload/contract';
import type { Ecid, ErrorInfo } from '../../preload/domain';
import { eventChannelNames } from '../../preload/contract';
import {
  applyCardError,
  applyConnection,
  applyEvent,
  applyIntuneEnrollments,
  applyLoadError,
  applySnapshot,
  applyWorkflows,
  beginSnapshot,
  initialBenchState,
  type BenchState,
  type ConnectionState,
} from './bench-state';

/** Where the connection state comes from; the Electron bridge has none, so it is optional. */
export interface ConnectionSource {
  get(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): () => void;
}

export interface BenchStore {
  getState(): BenchState;
  subscribe(listener: () => void): () => void;
  /** Starts listening and loads the snapshot; returns the stop function. */
  start(): () => void;
  /** Loads the snapshot again (after a reconnect, or from a "try again" button). */
  refresh(): Promise<void>;
  /** Reads the workflow list again (after the editor saved or deleted one). */
  reloadWorkflows(): Promise<void>;
  /** Shows (or clears, with `undefined`) a refused action on one device's card. */
  setCardError(ecid: Ecid, error: ErrorInfo | undefined): void;
}

export function createBenchStore(api: BenchApi, connection?: ConnectionSource): BenchStore {
  let state = applyConnection(initialBenchState, connection?.get() ?? 'open');
  const listeners = new Set<() => void>();
  const update = (next: BenchState): void => {
    if (next === state) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };

  const refresh = async (): Promise<void> => {
    update(beginSnapshot(state));
    const result = await api.getSnapshot();
    update(result.ok ? applySnapshot(state, result.value) : applyLoadError(state, result.error));
    if (result.ok) await loadSetup();
  };

  // The snapshot carries the profile, identity and workflows; only the Intune enrollments are asked after it,
  // so the answer is at least as new as it. A failed read keeps what is shown: it only fails when the
  // connection dropped, and the reconnect asks again.
  const loadSetup = async (): Promise<void> => {
    const result = await api.getIntuneEnrollments();
    if (result.ok) update(applyIntuneEnrollments(state, result.value));
  };

  const reloadWorkflows = async (): Promise<void> => {
    const result = await api.listWorkflows();
    if (result.ok) update(applyWorkflows(state, result.value));
  };

  const start = (): (() => void) => {
    const offs = (Object.keys(eventChannelNames) as EventChannelName[]).map((channel) =>
      api.on(channel, (payload: unknown) => update(applyEvent(state, { channel, payload } as BenchEvent))),
    );
    const follow = (next: ConnectionState): void => {
      const opened = next === 'open' && state.connection !== 'open';
      update(applyConnection(state, next));
      if (opened) void refresh();
    };
    if (connection) offs.push(connection.subscribe(follow));
    // The socket may have opened between creating the store and starting it (before React ran its effect):
    // read the current state now rather than trusting the one seen at creation.
    const current = connection?.get() ?? 'open';
    update(applyConnection(state, current));
    if (current === 'open') void refresh();
    return () => offs.forEach((off) => off());
  };

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    refresh,
    reloadWorkflows,
    setCardError: (ecid, error) => update(applyCardError(state, ecid, error)),
  };
}

export function useBenchState(store: BenchStore): BenchState {
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The store below `<BenchProvider>`; components read slices of it with {@link useBench}. */
export const BenchStoreContext = createContext<BenchStore | undefined>(undefined);

export function useBenchStore(): BenchStore {
  const store = useContext(BenchStoreContext);
  if (!store) throw new Error('useBench needs a <BenchStoreContext.Provider> above it');
  return store;
}

/**
 * One slice of the bench state. A component re-renders only when its slice changes (by `Object.is`): the
 * state is folded immutably and keyed by ECID, so `s.jobs[ecid]` stays the same object until that job changes.
 * The selector must return a value already in the state (or a primitive), never a fresh object.
 */
export function useBench<T>(selector: (state: BenchState) => T): T {
  const store = useBenchStore();
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
