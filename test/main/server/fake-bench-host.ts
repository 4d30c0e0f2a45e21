/**
 * A BenchHost over the real dispatcher and event hub, with in-memory handlers, for server tests.
 */
import type { InvokeChannels } from '../../../preload/contract';
import type { SimulatorAction } from '../../../preload/domain';
import type { BenchHost } from '../../../main/events/bench-host';
import { EventHub } from '../../../main/events/event-hub';
import { createInvokeDispatcher } from '../../../main/dispatch/dispatch-invoke';
import { noProfileChannels } from '../profiles/fake-profile-channels';
import { emptyJobsSnapshot, noJobOrLogChannels, noPreflightChannels } from '../../fakes/no-job-channels';

export interface FakeBenchHost {
  readonly host: BenchHost;
  readonly hub: EventHub;
  readonly actions: SimulatorAction[];
  /** Subscriptions currently open (one per connected WebSocket). */
  subscriberCount(): number;
  /** Makes the next `simulate` call throw a plain Error (not a BenchError). */
  failNextSimulate(): void;
}

export function createFakeBenchHost(): FakeBenchHost {
  const hub = new EventHub();
  const actions: SimulatorAction[] = [];
  let subscribers = 0;
  let failNext = false;
  const handlers: InvokeChannels = {
    getSnapshot: async () => ({
      ok: true,
      value: {
        seq: hub.currentSeq,
        devices: [],
        engine: { kind: 'simulator', reason: 'requested' },
        watcher: { state: 'ok' },
        jobs: emptyJobsSnapshot,
        profile: null,
        identity: null,
        workflows: { workflows: [], problems: [] },
      },
    }),
    useSimulator: async () => ({ ok: true, value: { kind: 'simulator', reason: 'operator-chose' } }),
    recheckEngine: async () => ({ ok: true, value: { kind: 'simulator', reason: 'requested' } }),
    chooseCfgutil: async ({ path }) => ({ ok: true, value: { kind: 'cfgutil', path } }),
    simulate: async (action) => {
      if (failNext) {
        failNext = false;
        throw new Error('/secret/path exploded');
      }
      actions.push(action);
      return { ok: true, value: ['0x1A'] };
    },
    ...noProfileChannels,
    ...noJobOrLogChannels,
    ...noPreflightChannels,
  };
  const host: BenchHost = {
    dispatch: createInvokeDispatcher(handlers),
    subscribe: (listener) => {
      subscribers += 1;
      const off = hub.subscribe(listener);
      return () => {
        subscribers -= 1;
        off();
      };
    },
  };
  return {
    host,
    hub,
    actions,
    subscriberCount: () => subscribers,
    failNextSimulate: () => {
      failNext = true;
    },
  };
}
