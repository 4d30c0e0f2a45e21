import { describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import {
  applyConnection,
  applyEvent,
  applySnapshot,
  beginSnapshot,
  initialBenchState,
  type BenchState,
} from '../../../renderer/state/bench-state';
import { device, snapshot } from '../fixtures';

const devicesAt = (seq: number, ...ns: number[]): BenchEvent => ({
  channel: 'devicesChanged',
  payload: { seq, devices: ns.map((n) => device(n)) },
});
const loadedAt = (seq: number, ...ns: number[]): BenchState =>
  applySnapshot(initialBenchState, snapshot({ seq, devices: ns.map((n) => device(n)) }));

describe('applySnapshot', () => {
  it('loads devices, engine and watcher', () => {
    const state = applySnapshot(
      initialBenchState,
      snapshot({ seq: 4, devices: [device(1)], watcher: { state: 'degraded' } }),
    );
    expect(state).toMatchObject({
      loaded: true,
      seq: 4,
      devices: [device(1)],
      watcher: { state: 'degraded' },
      awaitingSnapshot: false,
    });
    expect(state.engine).toEqual({ kind: 'simulator', reason: 'requested' });
  });

  it('replaces a newer state, because a fresh snapshot is the truth (main restarted)', () => {
    const state = applySnapshot(
      beginSnapshot(loadedAt(50, 1, 2)),
      snapshot({ seq: 2, devices: [device(3)] }),
    );
    expect(state.seq).toBe(2);
    expect(state.devices.map((d) => d.ecid)).toEqual([device(3).ecid]);
  });

  it('replays events that arrived before it, when they are newer', () => {
    let state = applyEvent(initialBenchState, devicesAt(3, 1));
    state = applyEvent(state, {
      channel: 'watcherChanged',
      payload: { seq: 6, watcher: { state: 'degraded', detail: 'usb' } },
    });
    state = applyEvent(state, devicesAt(7, 1, 2));
    expect(state.loaded).toBe(false);
    expect(state.devices).toEqual([]);
    state = applySnapshot(state, snapshot({ seq: 5, devices: [device(9)] }));
    expect(state.seq).toBe(7);
    expect(state.devices.map((d) => d.name)).toEqual(['iPad 1', 'iPad 2']);
    expect(state.watcher).toEqual({ state: 'degraded', detail: 'usb' });
  });

  it('drops held events the snapshot already includes', () => {
    const state = applySnapshot(
      applyEvent(initialBenchState, devicesAt(3, 1)),
      snapshot({ seq: 3, devices: [device(8)] }),
    );
    expect(state.devices.map((d) => d.name)).toEqual(['iPad 8']);
  });

  it('keeps an event that raced a refresh snapshot on the same socket', () => {
    let state = beginSnapshot(loadedAt(10, 1));
    state = applyEvent(state, devicesAt(12, 1, 2));
    expect(state.devices).toHaveLength(2);
    state = applySnapshot(state, snapshot({ seq: 11, devices: [device(1)] }));
    expect(state.devices).toHaveLength(2);
    expect(state.seq).toBe(12);
  });
});

describe('applyEvent', () => {
  it('ignores events whose seq is not newer than the state', () => {
    const state = loadedAt(5, 1);
    expect(applyEvent(state, devicesAt(5))).toBe(state);
    expect(applyEvent(state, devicesAt(2))).toBe(state);
  });

  it('applies newer events by channel', () => {
    let state = loadedAt(5, 1);
    state = applyEvent(state, devicesAt(6, 1, 2));
    state = applyEvent(state, {
      channel: 'engineChanged',
      payload: { seq: 7, engine: { kind: 'missing', searched: ['/usr/local/bin/cfgutil'] } },
    });
    expect(state.seq).toBe(7);
    expect(state.devices).toHaveLength(2);
    expect(state.engine).toEqual({ kind: 'missing', searched: ['/usr/local/bin/cfgutil'] });
  });

  it('does not announce attaches and detaches: the live region is for what needs a person', () => {
    const state = applyEvent(loadedAt(1, 1), devicesAt(2, 1, 2));
    expect(state.announcement).toBe('');
  });
});

describe('applyConnection', () => {
  it('returns the same object when nothing changes', () => {
    expect(applyConnection(initialBenchState, 'connecting')).toBe(initialBenchState);
    expect(applyConnection(initialBenchState, 'lost').connection).toBe('lost');
  });
});
