/**
 * A tiny external store over {@link BenchState}, read with `useSyncExternalStore`.
 *
 * It subscribes to events before asking for the snapshot (so nothing falls in between), and asks again
 * whenever the connection comes back, because events sent while it was down are gone.
 */
import { useSyncExternalStore } from 'react';
import type { BenchApi, BenchEvent, EventChannelName } from '../../preload/contract';
import { eventChannelNames } from '../../preload/contract';
import {
  applyConnection,
  applyEvent,
  applyIdentity,
  applyLoadError,
  applyProfile,
  applySnapshot,
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

  // Asked after the snapshot, so the answers are at least as new as it. A failed read keeps what is shown:
  // it only fails when the connection dropped, and the reconnect asks again.
  const loadSetup = async (): Promise<void> => {
    // Each answer is applied the moment it arrives (not after both): an event that lands between them is newer.
    await Promise.all([
      api.getProfile().then((r) => r.ok && update(applyProfile(state, r.value))),
      api.getSupervisionIdentity().then((r) => r.ok && update(applyIdentity(state, r.value))),
    ]);
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
  };
}

export function useBenchState(store: BenchStore): BenchState {
  return useSyncExternalStore(store.subscribe, store.getState);
}
