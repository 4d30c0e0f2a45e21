/**
 * How fast the bench turns `cfgutil list` output into the device list the UI shows, for a full cart.
 * Run with `npm run bench`; numbers are reported, never asserted (timing asserts flake on shared CI).
 */
import { bench, describe } from 'vitest';
import { EventHub } from '../../main/events/event-hub';
import { parseStdout } from '../../main/cfgutil/parse-output';
import { reconcileDevices, type DeviceListEntry } from '../../main/devices/device-registry';

const CART = 64;
const entries: DeviceListEntry[] = Array.from({ length: CART }, (_, i) => ({
  ecid: `0x${(0x8294e3a41001c + i).toString(16).toUpperCase()}`,
  name: `Cart A-${String(i + 1).padStart(2, '0')}`,
  deviceType: i % 2 ? 'iPad13,18' : 'iPad14,1',
  locationId: 0x14000000 + (((i % 7) + 1) << 20) + ((Math.floor(i / 7) + 1) << 16),
}));

const listJson = JSON.stringify({
  Command: 'list',
  Output: Object.fromEntries(
    entries.map((e) => [
      e.ecid,
      {
        locationID: e.locationId,
        UDID: `00008101-${e.ecid.slice(2).padStart(16, '0')}`,
        ECID: e.ecid,
        name: e.name,
        deviceType: e.deviceType,
      },
    ]),
  ),
  Type: 'CommandOutput',
  Devices: entries.map((e) => e.ecid),
});
const noisyPretty = `objc[123]: Class AMSupportURLConnectionDelegate is implemented in both …\n${JSON.stringify(JSON.parse(listJson), null, 2)}\n`;

const settled = reconcileDevices(new Map(), entries, new Map(), 0).devices;
const renamed = entries.map((e, i) => (i === 17 ? { ...e, name: 'Renamed' } : e));

describe(`cfgutil list of ${CART} devices`, () => {
  bench('parse compact JSON', () => {
    parseStdout(listJson);
  });
  bench('parse pretty JSON after objc noise', () => {
    parseStdout(noisyPretty);
  });
});

describe(`reconcile ${CART} devices`, () => {
  bench('first sight (all new)', () => {
    reconcileDevices(new Map(), entries, new Map(), 0);
  });
  bench('periodic poll, nothing changed', () => {
    reconcileDevices(settled, entries, new Map(), 1);
  });
  bench('one device renamed', () => {
    reconcileDevices(settled, renamed, new Map(), 1);
  });
});

describe('event fan-out', () => {
  const hub = new EventHub();
  for (let i = 0; i < 10; i++) hub.subscribe(() => {});
  const devices = [...settled.values()];
  bench('devicesChanged to 10 subscribers', () => {
    hub.emit('devicesChanged', { devices });
  });
});
