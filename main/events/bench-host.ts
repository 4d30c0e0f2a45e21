/**
 * What a transport (Electron IPC or the headless WebSocket server) needs from the running bench:
 * one dispatcher for invoke requests and one event subscription.
 */
import type { InvokeDispatcher } from '../ipc/dispatch-invoke';
import type { BenchEventListener } from './event-hub';

export interface BenchHost {
  readonly dispatch: InvokeDispatcher;
  subscribe(listener: BenchEventListener): () => void;
}
