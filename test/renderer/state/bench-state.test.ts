import { describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import {
  applyConnection,
  applyEvent,
  applySnapshot,
  beginSnapshot,
  describeAttention,
  initialBenchState,
  type BenchState,
} from '../../../renderer/state/bench-state';
import { device, snapshot } from '../fixtures';
import { facts, job } from '../store-fixtures';

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

describe('events held while a snapshot loads, per channel and device', () => {
  const jobAt = (seq: number, n: number, progress: number): BenchEvent => ({
    channel: 'jobChanged',
    payload: { seq, job: job(n, { progress }) },
  });

  it('keeps the newest event of every device, not only the newest of the channel', () => {
    let state = applyEvent(initialBenchState, jobAt(3, 1, 0.1));
    state = applyEvent(state, jobAt(4, 2, 0.2));
    state = applyEvent(state, jobAt(5, 1, 0.5));
    state = applyEvent(state, {
      channel: 'factsChanged',
      payload: { seq: 6, ecid: device(3).ecid, facts: facts({ batteryPercent: 12 }) },
    });
    state = applySnapshot(state, snapshot({ seq: 2, devices: [device(1), device(2), device(3)] }));
    expect(state.jobs[device(1).ecid]?.progress).toBe(0.5);
    expect(state.jobs[device(2).ecid]?.progress).toBe(0.2);
    expect(state.facts[device(3).ecid]?.batteryPercent).toBe(12);
    expect(state.seq).toBe(6);
  });

  it('replays a removal after an older change of the same device, so the job stays gone', () => {
    let state = applyEvent(initialBenchState, jobAt(3, 1, 0.9));
    state = applyEvent(state, { channel: 'jobRemoved', payload: { seq: 4, ecid: device(1).ecid } });
    state = applySnapshot(state, snapshot({ seq: 2, devices: [device(1)] }));
    expect(state.jobs[device(1).ecid]).toBeUndefined();
  });

  it('drops held job events the snapshot already has', () => {
    let state = applyEvent(initialBenchState, jobAt(3, 1, 0.1));
    state = applySnapshot(
      state,
      snapshot({
        seq: 3,
        devices: [device(1)],
        jobs: { ...snapshot().jobs, jobs: [job(1, { progress: 0.7 })] },
      }),
    );
    expect(state.jobs[device(1).ecid]?.progress).toBe(0.7);
  });
});

describe('describeAttention (the live region)', () => {
  const base = applySnapshot(initialBenchState, snapshot({ devices: [device(4)] }));
  const waiting = job(4, {
    phase: 'waiting-for-operator',
    waiting: { reason: 'approve-profile', instruction: 'Approve the profile in Settings.', since: 1 },
  });

  it('speaks when a device starts waiting for a person or fails, and not for progress', () => {
    expect(describeAttention(base, job(4, { progress: 0.1 }), job(4, { progress: 0.2 }))).toBe('');
    expect(describeAttention(base, job(4), waiting)).toBe('Port 2 › 4: Approve the profile in Settings.');
    expect(describeAttention(base, waiting, waiting)).toBe('');
    const failed = job(4, {
      phase: 'failed',
      error: { code: 'timed-out', title: 'cfgutil did not answer', detail: 'Retry.', retryable: true },
    });
    expect(describeAttention(base, job(4), failed)).toBe('Port 2 › 4 failed: cfgutil did not answer.');
    expect(describeAttention(base, failed, failed)).toBe('');
  });
});
