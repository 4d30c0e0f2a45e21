import { describe, expect, it } from 'vitest';
import {
  DEVICE_PROPERTY_NAMES,
  type DevicePropertyName,
  isDevicePropertyName,
  validateProperty,
} from '../../../main/cfgutil/device-properties';

describe('validateProperty', () => {
  const accepted: [DevicePropertyName, unknown, unknown][] = [
    ['serialNumber', 'DLXQK7WRGMLD', 'DLXQK7WRGMLD'],
    ['ECID', '0x0008294e3a41001c', '0x8294E3A41001C'],
    ['name', 'Logan’s iPhone 🍎', 'Logan’s iPhone 🍎'],
    ['isPaired', false, false],
    ['batteryCurrentCapacity', 100, 100],
    ['batteryCurrentCapacity', 0, 0],
    ['bootedState', 'Recovery', 'Recovery'],
    [
      'configurationProfiles',
      [{ identifier: 'a', displayName: 'A', version: 2, extra: true }],
      [{ identifier: 'a', displayName: 'A', version: 2 }],
    ],
    [
      'configurationProfiles',
      [{ identifier: 'a', version: '2' }, 'junk', null, { identifier: '' }],
      [{ identifier: 'a' }],
    ],
    [
      'installedApps',
      [{ bundleIdentifier: 'com.x', itunesName: 7, bundleVersion: '1.0' }],
      [{ bundleIdentifier: 'com.x', bundleVersion: '1.0' }],
    ],
    ['installedApps', [], []],
  ];

  it.each(accepted)('accepts %s = %j', (name, value, expected) => {
    expect(validateProperty(name, value)).toEqual(expected);
  });

  const rejected: [DevicePropertyName, unknown][] = [
    ['serialNumber', 42],
    ['ECID', 'not hex'],
    ['isPaired', 'yes'],
    ['isSupervised', 1],
    ['batteryCurrentCapacity', 101],
    ['batteryCurrentCapacity', 55.5],
    ['batteryCurrentCapacity', '80'],
    ['configurationProfiles', { identifier: 'a' }],
    ['installedApps', null],
  ];

  it.each(rejected)('rejects %s = %j', (name, value) => {
    expect(validateProperty(name, value)).toBeUndefined();
  });
});

describe('DEVICE_PROPERTY_NAMES', () => {
  it('lists the sixteen properties the bench reads', () => {
    expect(DEVICE_PROPERTY_NAMES).toHaveLength(16);
    expect(DEVICE_PROPERTY_NAMES).toContain('configurationProfiles');
    expect(DEVICE_PROPERTY_NAMES).not.toContain('installedProfiles');
  });

  it('recognises only those names', () => {
    expect(isDevicePropertyName('isSupervised')).toBe(true);
    expect(isDevicePropertyName('all')).toBe(false);
    expect(isDevicePropertyName('toString')).toBe(false);
    expect(isDevicePropertyName(3)).toBe(false);
  });
});
