/**
 * node-usb hotplug events as "something changed" signals for the device watcher.
 *
 * Only the descriptor fields libusb already has are read: an Apple device is never opened, configured or
 * claimed, because usbmuxd (which cfgutil relies on) owns it and a stray `setConfiguration` would break
 * every other client (./README.md D4). Filtering by vendor ID happens first.
 */
import type { DeviceSignal, DeviceSignalSource } from './device-watcher';
import { classifyUsbDevice } from './usb-ids';
import { encodeLocationId } from './usb-location';

/** The slice of a node-usb `Device` we read. Deliberately no `open`. */
export interface UsbDeviceLike {
  readonly busNumber: number;
  readonly portNumbers?: readonly number[];
  readonly deviceDescriptor: { readonly idVendor: number; readonly idProduct: number };
}

/** The slice of node-usb's `usb` emitter we use. */
export interface UsbEmitterLike {
  on(event: 'attach' | 'detach', listener: (device: UsbDeviceLike) => void): unknown;
  removeListener(event: 'attach' | 'detach', listener: (device: UsbDeviceLike) => void): unknown;
}

export function usbSignalFor(kind: 'attach' | 'detach', device: UsbDeviceLike): DeviceSignal | undefined {
  const { idVendor, idProduct } = device.deviceDescriptor;
  const mode = classifyUsbDevice(idVendor, idProduct);
  if (mode === 'ignore') return undefined;
  const locationId = encodeLocationId({ bus: device.busNumber, ports: device.portNumbers ?? [] });
  return { kind, mode, ...(locationId !== undefined ? { locationId } : {}) };
}

export class UsbSignalSource implements DeviceSignalSource {
  private listeners: { attach: (d: UsbDeviceLike) => void; detach: (d: UsbDeviceLike) => void } | undefined;

  constructor(private readonly usb: UsbEmitterLike) {}

  start(listener: (signal: DeviceSignal) => void): void {
    if (this.listeners) return;
    const forward = (kind: 'attach' | 'detach') => (device: UsbDeviceLike) => {
      const signal = usbSignalFor(kind, device);
      if (signal) listener(signal);
    };
    this.listeners = { attach: forward('attach'), detach: forward('detach') };
    this.usb.on('attach', this.listeners.attach);
    this.usb.on('detach', this.listeners.detach);
  }

  /**
   * Removes the listeners, which also stops libusb's hotplug thread. Called before quit: active hotplug
   * listeners have crashed Electron on exit (node-usb#438).
   */
  stop(): void {
    if (!this.listeners) return;
    this.usb.removeListener('attach', this.listeners.attach);
    this.usb.removeListener('detach', this.listeners.detach);
    this.listeners = undefined;
  }
}

/** Loads node-usb only when a real engine needs it, so simulation never touches the native addon. */
export async function createUsbSignalSource(): Promise<UsbSignalSource> {
  const { usb } = await import('usb');
  return new UsbSignalSource(usb as unknown as UsbEmitterLike);
}
