import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { DeviceSignal } from '../../../main/devices/device-watcher';
import { UsbSignalSource, type UsbDeviceLike } from '../../../main/devices/usb-signal-source';

function device(
  idVendor: number,
  idProduct: number,
  ports: number[] = [2, 4],
): UsbDeviceLike & { open: () => never } {
  return {
    busNumber: 0x14,
    portNumbers: ports,
    deviceDescriptor: { idVendor, idProduct },
    open: () => {
      throw new Error('an Apple device must never be opened');
    },
  };
}

describe('UsbSignalSource', () => {
  it('forwards Apple iOS devices with their location and mode, and ignores everything else', () => {
    const usb = new EventEmitter();
    const signals: DeviceSignal[] = [];
    const source = new UsbSignalSource(usb);
    source.start((s) => signals.push(s));
    usb.emit('attach', device(0x05ac, 0x12ab));
    usb.emit('attach', device(0x046d, 0xc52b));
    usb.emit('attach', device(0x05ac, 0x024f));
    usb.emit('attach', device(0x05ac, 0x1227, [3]));
    usb.emit('detach', device(0x05ac, 0x12ab));
    expect(signals).toEqual([
      { kind: 'attach', mode: 'normal', locationId: 0x14240000 },
      { kind: 'attach', mode: 'dfu', locationId: 0x14300000 },
      { kind: 'detach', mode: 'normal', locationId: 0x14240000 },
    ]);
  });

  it('removes its listeners on stop, so hotplug can shut down before quit', () => {
    const usb = new EventEmitter();
    const source = new UsbSignalSource(usb);
    source.start(() => {});
    expect(usb.listenerCount('attach')).toBe(1);
    source.stop();
    expect(usb.listenerCount('attach')).toBe(0);
    expect(usb.listenerCount('detach')).toBe(0);
  });
});
