/**
 * The reconciled device list as a subscription: what the jobs area follows instead of the watcher itself.
 * The bench feeds it from the watcher's `onDevices` (or the hub's `devicesChanged`).
 */
import type { Device } from '../../preload/domain';

export class DeviceListFeed {
  private devices: readonly Device[] = [];
  private readonly listeners = new Set<(devices: readonly Device[]) => void>();

  publish(devices: readonly Device[]): void {
    this.devices = devices;
    for (const listener of [...this.listeners]) listener(devices);
  }

  current(): readonly Device[] {
    return this.devices;
  }

  subscribe(listener: (devices: readonly Device[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
