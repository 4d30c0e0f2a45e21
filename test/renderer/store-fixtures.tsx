/**
 * A bench store whose state the test sets directly, and jobs in every phase, for component tests that read
 * the store through useBench.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { BenchSnapshot } from '../../preload/domain';
import type { DeviceFacts, JobView } from '../../preload/jobs-domain';
import { applySnapshot, initialBenchState, type BenchState } from '../../renderer/state/bench-state';
import { BenchStoreContext, type BenchStore } from '../../renderer/state/bench-store';
import { device, snapshot } from './fixtures';

export interface StaticStore extends BenchStore {
  set(next: BenchState): void;
}

export function staticStore(initial: BenchState): StaticStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => () => {},
    refresh: async () => {},
    reloadWorkflows: async () => {},
    setCardError: () => {},
    set(next) {
      state = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

export function loadedStore(extra: Partial<BenchSnapshot> = {}): StaticStore {
  return staticStore(applySnapshot(initialBenchState, snapshot(extra)));
}

export function renderWithStore(ui: ReactNode, store: BenchStore): RenderResult {
  return render(<BenchStoreContext.Provider value={store}>{ui}</BenchStoreContext.Provider>);
}

/** Device n's job; running the profile step at 40 % unless told otherwise. */
export function job(n: number, extra: Partial<JobView> = {}): JobView {
  return {
    jobId: `job-${n}`,
    ecid: device(n).ecid,
    serialNumber: `SER${n}`,
    workflowId: 'supervise-and-enroll',
    phase: 'running',
    step: 'install-enrollment-profile',
    stepIndex: 5,
    stepCount: 8,
    progress: 0.4,
    attempt: 1,
    startedAt: Date.now() - 65_000,
    steps: [],
    ...extra,
  };
}

export function facts(extra: Partial<DeviceFacts> = {}): DeviceFacts {
  return { readAt: 1, ...extra };
}
