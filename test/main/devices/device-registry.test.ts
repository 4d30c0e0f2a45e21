import { describe, expect, it } from 'vitest';
import { reconcileDevices, sortedDevices } from '../../../main/devices/device-registry';
import { classifyUsbDevice } from '../../../main/devices/usb-ids';
import { decodeLocationId, encodeLocationId, portLabelFor } from '../../../main/devices/usb-location';
import { modelNameFor } from '../../../main/devices/device-models';
import { MAX_DEVICE_NAME_LENGTH } from '../../../main/text/device-name';

describe('reconcileDevices', () => {
  it('caps and sanitises the device name where it enters the bench (a 100 KB name, escapes, zero-width)', () => {
    const huge = reconcileDevices(new Map(), [{ ecid: '0x1', name: 'A'.repeat(100_000) }], new Map(), 0);
    const name = huge.devices.get('0x1')?.name ?? '';
    expect(Array.from(name)).toHaveLength(MAX_DEVICE_NAME_LENGTH);
    expect(name.endsWith('…')).toBe(true);
    const tricky = reconcileDevices(
      new Map(),
      [{ ecid: '0x2', name: 'ad\u200bmin\u001b]0;x\u0007' }],
      new Map(),
      0,
    );
    expect(tricky.devices.get('0x2')?.name).toBe('ad<U+200B>min\u241b]0;x\u2407');
    // A real name passes unchanged.
    const real = reconcileDevices(new Map(), [{ ecid: '0x3', name: 'Logan’s iPhone 👩‍💻' }], new Map(), 0);
    expect(real.devices.get('0x3')?.name).toBe('Logan’s iPhone 👩‍💻');
  });

  it('ignores a duplicated ECID and reports no change for an identical list', () => {
    const entry = { ecid: '0xABC', name: 'iPad', deviceType: 'iPad14,1', locationId: 0x01100000 };
    const first = reconcileDevices(new Map(), [entry, { ...entry, name: 'dup' }], new Map(), 5);
    expect(first.changed).toBe(true);
    expect([...first.devices.values()]).toEqual([
      {
        ecid: '0xABC',
        mode: 'normal',
        attachedAt: 5,
        name: 'iPad',
        deviceType: 'iPad14,1',
        model: 'iPad mini (6th generation)',
        locationId: 0x01100000,
        portLabel: 'Port 1',
      },
    ]);
    const second = reconcileDevices(first.devices, [entry], new Map(), 99);
    expect(second.changed).toBe(false);
    expect(second.devices).toBe(first.devices);
  });

  it('reports a rename as a change', () => {
    const first = reconcileDevices(new Map(), [{ ecid: '0x1', name: 'iPad' }], new Map(), 0);
    const second = reconcileDevices(first.devices, [{ ecid: '0x1', name: 'Cart A-01' }], new Map(), 0);
    expect(second.changed).toBe(true);
    expect(second.devices.get('0x1')?.name).toBe('Cart A-01');
  });

  it('sorts by port so cards keep their places', () => {
    const { devices } = reconcileDevices(
      new Map(),
      [{ ecid: '0x3', locationId: 0x14300000 }, { ecid: '0x1' }, { ecid: '0x2', locationId: 0x14100000 }],
      new Map(),
      0,
    );
    expect(sortedDevices(devices).map((d) => d.ecid)).toEqual(['0x2', '0x3', '0x1']);
  });

  it('orders devices without a port by ECID as a number, not as text', () => {
    const { devices } = reconcileDevices(
      new Map(),
      [{ ecid: '0x10' }, { ecid: '0x9' }, { ecid: '0xA' }],
      new Map(),
      0,
    );
    expect(sortedDevices(devices).map((d) => d.ecid)).toEqual(['0x9', '0xA', '0x10']);
  });
});

describe('classifyUsbDevice', () => {
  it.each([
    [0x05ac, 0x12a8, 'normal'],
    [0x05ac, 0x12ab, 'normal'],
    [0x05ac, 0x1290, 'normal'],
    [0x05ac, 0x12af, 'normal'],
    [0x05ac, 0x1281, 'recovery'],
    [0x05ac, 0x1227, 'dfu'],
    [0x05ac, 0xf014, 'other'],
    [0x05ac, 0x8600, 'ignore'],
    [0x05ac, 0x024f, 'ignore'],
    [0x046d, 0x12a8, 'ignore'],
  ] as const)('classifies %i:%i as %s', (vendor, product, expected) => {
    expect(classifyUsbDevice(vendor, product)).toBe(expected);
  });
});

describe('USB location IDs', () => {
  it('decodes bus and hub ports and round-trips', () => {
    expect(decodeLocationId(0x14210000)).toEqual({ bus: 0x14, ports: [2, 1] });
    expect(encodeLocationId({ bus: 0x14, ports: [2, 1] })).toBe(0x14210000);
    expect(decodeLocationId(17825792)).toEqual({ bus: 1, ports: [1] });
  });

  it('labels ports for the operator and refuses nonsense', () => {
    expect(portLabelFor(0x14270000)).toBe('Port 2 › 7');
    expect(portLabelFor(0x14000000)).toBeUndefined();
    expect(portLabelFor(-1)).toBeUndefined();
    expect(portLabelFor(undefined)).toBeUndefined();
    expect(encodeLocationId({ bus: 1, ports: [16] })).toBeUndefined();
  });
});

describe('modelNameFor', () => {
  it('names known types and keeps unknown ones recognisable', () => {
    expect(modelNameFor('iPad13,18')).toBe('iPad (10th generation)');
    expect(modelNameFor('iPad99,1')).toBe('iPad (iPad99,1)');
    expect(modelNameFor('Watch7,1')).toBe('Watch7,1');
    expect(modelNameFor(undefined)).toBeUndefined();
  });
});
