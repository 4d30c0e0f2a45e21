import { describe, expect, it } from 'vitest';
import type { Device, WatcherStatus } from '../../../preload/domain';
import type { DeviceListEntry } from '../../../main/devices/device-registry';
import {
  admitNewDevices,
  DeviceWatcher,
  MAX_NEW_DEVICES_PER_LIST,
  WAITING_RELIST_MS,
  type DeviceSignal,
} from '../../../main/devices/device-watcher';
import { BenchError } from '../../../main/errors/bench-error';
import { ManualTimers, settle } from '../../fakes/manual-timers';

const IPAD: DeviceListEntry = {
  ecid: '0x8294E3A41001C',
  name: 'iPad',
  deviceType: 'iPad13,18',
  locationId: 0x14200000,
};
const PHONE: DeviceListEntry = {
  ecid: '0x1C604A3405801E',
  name: 'iPhone',
  deviceType: 'iPhone15,2',
  locationId: 0x14300000,
};

function setup(options: { failWith?: () => unknown } = {}) {
  const timers = new ManualTimers();
  let emit: (signal: DeviceSignal) => void = () => {};
  const state = { listed: [] as DeviceListEntry[], listCalls: 0, fail: false };
  const snapshots: (readonly Device[])[] = [];
  const statuses: WatcherStatus[] = [];
  const newDevices: string[] = [];
  const watcher = new DeviceWatcher({
    timers,
    debounceMs: 1500,
    pollMs: 10_000,
    maxBackoffMs: 40_000,
    source: { start: (listener) => (emit = listener), stop: () => (emit = () => {}) },
    lister: {
      list: async () => {
        state.listCalls += 1;
        if (state.fail) throw options.failWith?.() ?? new Error('boom');
        return [...state.listed];
      },
    },
    onDevices: (devices) => snapshots.push(devices),
    onStatus: (status) => statuses.push(status),
    onNewDevice: (ecid) => newDevices.push(ecid),
  });
  return { timers, watcher, state, snapshots, statuses, newDevices, signal: (s: DeviceSignal) => emit(s) };
}

const many = (count: number): DeviceListEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    ecid: `0x${(0x1000 + i).toString(16).toUpperCase()}`,
    name: `d${i}`,
  }));

describe('admitNewDevices', () => {
  it('keeps every known device and at most the cap of new ones, counting the rest', () => {
    const listed = many(10);
    const known = new Set(listed.slice(0, 3).map((e) => e.ecid));
    const { admitted, waiting } = admitNewDevices(known, [...listed, listed[5] as DeviceListEntry], 4);
    expect(admitted.map((e) => e.name)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6']);
    expect(waiting).toBe(3);
  });
});

describe('DeviceWatcher', () => {
  it('adds a flood of listed devices in batches, with the waiting count in the status, until all are in', async () => {
    const t = setup();
    const total = MAX_NEW_DEVICES_PER_LIST * 2 + 5;
    t.state.listed = many(total);
    t.watcher.start();
    await settle();
    expect(t.watcher.current()).toHaveLength(MAX_NEW_DEVICES_PER_LIST);
    expect(t.newDevices).toHaveLength(MAX_NEW_DEVICES_PER_LIST);
    expect(t.statuses.at(-1)).toMatchObject({
      state: 'ok',
      waitingDevices: total - MAX_NEW_DEVICES_PER_LIST,
      detail: expect.stringMatching(/wait to be added/),
    });
    await t.timers.advance(WAITING_RELIST_MS);
    expect(t.watcher.current()).toHaveLength(MAX_NEW_DEVICES_PER_LIST * 2);
    expect(t.statuses.at(-1)).toMatchObject({ waitingDevices: 5 });
    await t.timers.advance(WAITING_RELIST_MS);
    expect(t.watcher.current()).toHaveLength(total);
    expect(t.statuses.at(-1)).toEqual({ state: 'ok' });
    expect(new Set(t.newDevices).size).toBe(total);
  });

  it('lists once at start and reports ok', async () => {
    const t = setup();
    t.state.listed = [IPAD];
    t.watcher.start();
    await settle();
    expect(t.state.listCalls).toBe(1);
    expect(t.watcher.current().map((d) => d.ecid)).toEqual([IPAD.ecid]);
    expect(t.statuses.at(-1)).toEqual({ state: 'ok' });
    expect(t.newDevices).toEqual([IPAD.ecid]);
  });

  it('debounces an attach-detach-attach flap into one listing, 1.5 s after its first signal', async () => {
    const t = setup();
    t.watcher.start();
    await settle();
    t.state.listed = [IPAD];
    t.signal({ kind: 'attach', locationId: IPAD.locationId });
    await t.timers.advance(300);
    t.signal({ kind: 'detach', locationId: IPAD.locationId });
    await t.timers.advance(300);
    t.signal({ kind: 'attach', locationId: IPAD.locationId });
    await t.timers.advance(899);
    expect(t.state.listCalls).toBe(1);
    await t.timers.advance(1);
    expect(t.state.listCalls).toBe(2);
    expect(t.snapshots.at(-1)?.map((d) => d.ecid)).toEqual([IPAD.ecid]);
    await t.timers.advance(5_000);
    expect(t.state.listCalls).toBe(2);
  });

  it('lists a new device within the max wait while other ports signal every 500 ms', async () => {
    const t = setup();
    t.state.listed = [IPAD];
    t.watcher.start();
    await settle();
    // The iPad rebooting on and on (an erase, a prepare); the iPhone plugged in just after it started.
    const other = { locationId: IPAD.locationId };
    t.signal({ kind: 'detach', ...other });
    await t.timers.advance(100);
    t.state.listed = [IPAD, PHONE];
    t.signal({ kind: 'attach', locationId: PHONE.locationId });
    for (let at = 500; at <= 4_500; at += 500) {
      await t.timers.advance(at - t.timers.now());
      t.signal({ kind: at % 1000 === 0 ? 'attach' : 'detach', ...other });
    }
    // The quiet period restarted every 500 ms, yet the listing came 1.5 s after the first signal, and then
    // once per 1.5 s: bounded, not one per signal.
    expect(t.newDevices).toEqual([IPAD.ecid, PHONE.ecid]);
    expect(t.snapshots.map((s) => s.length)).toEqual([1, 2]);
    expect(t.state.listCalls).toBe(4);
  });

  it('turns 30 attaches 30 ms apart into one listing', async () => {
    const t = setup();
    t.watcher.start();
    await settle();
    for (let i = 0; i < 30; i += 1) {
      t.signal({ kind: 'attach', locationId: 0x14100000 + i * 0x10000 });
      await t.timers.advance(30);
    }
    await t.timers.advance(5_000);
    expect(t.state.listCalls).toBe(2);
  });

  it('catches a missed event on the periodic reconcile', async () => {
    const t = setup();
    t.state.listed = [IPAD];
    t.watcher.start();
    await settle();
    t.state.listed = [IPAD, PHONE];
    await t.timers.advance(9_999);
    expect(t.watcher.current()).toHaveLength(1);
    await t.timers.advance(1);
    expect(t.watcher.current().map((d) => d.ecid)).toEqual([IPAD.ecid, PHONE.ecid]);
  });

  it('keeps attachedAt across reconciles and emits nothing when nothing changed', async () => {
    const t = setup();
    t.state.listed = [IPAD];
    t.watcher.start();
    await settle();
    const firstSeen = t.watcher.current()[0]?.attachedAt;
    await t.timers.advance(10_000);
    expect(t.snapshots).toHaveLength(1);
    expect(t.watcher.current()[0]?.attachedAt).toBe(firstSeen);
  });

  it('drops a detached device and re-adds it as new when it returns', async () => {
    const t = setup();
    t.state.listed = [IPAD];
    t.watcher.start();
    await settle();
    t.state.listed = [];
    t.signal({ kind: 'detach' });
    await t.timers.advance(1500);
    expect(t.watcher.current()).toEqual([]);
    t.state.listed = [IPAD];
    t.signal({ kind: 'attach' });
    await t.timers.advance(1500);
    expect(t.watcher.current()[0]?.attachedAt).toBe(3000);
    expect(t.newDevices).toEqual([IPAD.ecid, IPAD.ecid]);
  });

  it('marks devices in recovery from the USB hint at their location', async () => {
    const t = setup();
    t.watcher.start();
    await settle();
    t.state.listed = [IPAD];
    t.signal({ kind: 'attach', locationId: IPAD.locationId, mode: 'recovery' });
    await t.timers.advance(1500);
    expect(t.watcher.current()[0]?.mode).toBe('recovery');
    expect(t.watcher.current()[0]?.model).toBe('iPad (10th generation)');
    expect(t.watcher.current()[0]?.portLabel).toBe('Port 2');
  });

  it('reports degraded with a back-off that doubles, then recovers', async () => {
    const t = setup({
      failWith: () =>
        new BenchError({ code: 'timed-out', title: 'cfgutil did not answer', detail: 'x', retryable: true }),
    });
    t.state.fail = true;
    t.watcher.start();
    await settle();
    expect(t.statuses.at(-1)?.state).toBe('degraded');
    expect(t.statuses.at(-1)?.detail).toContain('cfgutil did not answer');
    await t.timers.advance(10_000);
    expect(t.state.listCalls).toBe(2);
    await t.timers.advance(19_999);
    expect(t.state.listCalls).toBe(2);
    await t.timers.advance(1);
    expect(t.state.listCalls).toBe(3);
    await t.timers.advance(40_000);
    expect(t.state.listCalls).toBe(4);
    t.state.fail = false;
    t.state.listed = [IPAD];
    await t.timers.advance(40_000);
    expect(t.statuses.at(-1)).toEqual({ state: 'ok' });
    expect(t.watcher.current()).toHaveLength(1);
  });

  it('coalesces a signal that arrives while a listing runs into one more listing', async () => {
    const t = setup();
    let release: () => void = () => {};
    let calls = 0;
    const watcher = new DeviceWatcher({
      timers: t.timers,
      source: { start: () => {}, stop: () => {} },
      lister: {
        list: () => {
          calls += 1;
          return new Promise((resolve) => (release = () => resolve([IPAD])));
        },
      },
      onDevices: () => {},
      onStatus: () => {},
    });
    watcher.start();
    await settle();
    void watcher.reconcile();
    void watcher.reconcile();
    expect(calls).toBe(1);
    release();
    await settle();
    expect(calls).toBe(2);
    release();
    await settle();
    expect(watcher.current()).toHaveLength(1);
    watcher.stop();
  });

  it('merges a serial number read later', async () => {
    const t = setup();
    t.state.listed = [IPAD];
    t.watcher.start();
    await settle();
    t.watcher.setSerialNumber(IPAD.ecid, 'DMPXK2ABCD12');
    expect(t.watcher.current()[0]?.serialNumber).toBe('DMPXK2ABCD12');
    await t.timers.advance(10_000);
    expect(t.watcher.current()[0]?.serialNumber).toBe('DMPXK2ABCD12');
  });

  it('stops listing after stop()', async () => {
    const t = setup();
    t.watcher.start();
    await settle();
    t.watcher.stop();
    await t.timers.advance(60_000);
    expect(t.state.listCalls).toBe(1);
  });
});
