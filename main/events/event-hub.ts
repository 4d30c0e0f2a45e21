/**
 * Numbers and fans out the bench's events to every connected UI (Electron window, WebSocket clients).
 *
 * Each event gets the next sequence number, so a UI that fetched a snapshot applies only newer events and
 * nothing is lost or applied twice between "snapshot" and "subscribe" (../README.md, "Design rules the code follows").
 */
import type { BenchEvent, EventChannelName, EventPayload } from '../../preload/contract';

export type BenchEventListener = (event: BenchEvent) => void;

type PayloadWithoutSeq<K extends EventChannelName> = Omit<EventPayload<K>, 'seq'>;

export class EventHub {
  private seq = 0;
  private readonly listeners = new Set<BenchEventListener>();

  /** The sequence number of the last event emitted (0 before the first). */
  get currentSeq(): number {
    return this.seq;
  }

  emit<K extends EventChannelName>(channel: K, payload: PayloadWithoutSeq<K>): void {
    this.seq += 1;
    const event = { channel, payload: { ...payload, seq: this.seq } } as BenchEvent;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // One broken subscriber (a closed socket, a destroyed window) must not starve the others.
      }
    }
  }

  subscribe(listener: BenchEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
