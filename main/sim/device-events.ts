/**
 * Attach/detach subscriptions of the simulated world, standing in for node-usb events in simulation.
 */
import type { SimDeviceSnapshot, SimListEntry } from './device-model';

/** Payload of `attached`/`detached`: the `list` entry the app would see, plus the full snapshot. */
export interface SimDeviceEvent {
  readonly entry: SimListEntry;
  readonly device: SimDeviceSnapshot;
}

export type SimDeviceListener = (event: SimDeviceEvent) => void;

export class DeviceEvents {
  private readonly listeners = new Set<SimDeviceListener>();

  /** Subscribes; the returned function unsubscribes. */
  on(listener: SimDeviceListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  emit(event: SimDeviceEvent): void {
    for (const listener of [...this.listeners]) {
      // A throwing subscriber must not stop the world or the other subscribers.
      try {
        listener(event);
      } catch {
        /* ignored on purpose */
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
