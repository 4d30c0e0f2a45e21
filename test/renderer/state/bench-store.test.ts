import { describe, expect, it, vi } from 'vitest';
import type { ConnectionState } from '../../../renderer/state/bench-state';
import { createBenchStore, type ConnectionSource } from '../../../renderer/state/bench-store';
import { device, FakeBenchApi, snapshot } from '../fixtures';

function fakeConnection(initial: ConnectionState): ConnectionSource & { set(s: ConnectionState): void } {
  let state = initial;
  const listeners = new Set<(s: ConnectionState) => void>();
  return {
    get: () => state,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    set: (s) => {
      state = s;
      listeners.forEach((l) => l(s));
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createBenchStore', () => {
  it('loads the snapshot at once over the preload bridge and applies later events', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({ ok: true, value: snapshot({ seq: 3, devices: [device(1)] }) });
    const store = createBenchStore(api);
    let notified = 0;
    store.subscribe(() => (notified += 1));
    const stop = store.start();
    await settle();
    expect(store.getState()).toMatchObject({ loaded: true, seq: 3, connection: 'open' });
    api.emit('devicesChanged', { seq: 4, devices: [device(1), device(2)] });
    expect(store.getState().devices).toHaveLength(2);
    expect(notified).toBeGreaterThanOrEqual(2);
    stop();
    expect(api.listenerCount()).toBe(0);
  });

  it('keeps a load failure for the UI to show', async () => {
    const api = new FakeBenchApi();
    const error = { code: 'internal', title: 'Boom', detail: 'd', retryable: true } as const;
    api.snapshots.push({ ok: false, error });
    const store = createBenchStore(api);
    store.start();
    await settle();
    expect(store.getState()).toMatchObject({ loaded: false, loadError: error });
  });

  it('waits for the socket to open, and re-reads the snapshot after every reconnect', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({ ok: true, value: snapshot({ seq: 1, devices: [device(1)] }) });
    api.snapshots.push({ ok: true, value: snapshot({ seq: 9, devices: [device(1), device(2), device(3)] }) });
    const connection = fakeConnection('connecting');
    const store = createBenchStore(api, connection);
    store.start();
    await settle();
    expect(store.getState().loaded).toBe(false);
    connection.set('open');
    await settle();
    expect(store.getState().devices).toHaveLength(1);
    connection.set('lost');
    expect(store.getState().connection).toBe('lost');
    connection.set('open');
    await settle();
    expect(store.getState()).toMatchObject({ connection: 'open', seq: 9 });
    expect(store.getState().devices).toHaveLength(3);
  });
});

describe('createBenchStore and the snapshot', () => {
  it('draws profile, identity and workflows from each snapshot, without asking for them again', async () => {
    const api = new FakeBenchApi();
    const asked = [
      vi.spyOn(api, 'getProfile'),
      vi.spyOn(api, 'getSupervisionIdentity'),
      vi.spyOn(api, 'listWorkflows'),
    ];
    const getSnapshot = vi.spyOn(api, 'getSnapshot');
    const workflows = { workflows: [], problems: [{ file: 'x.json', message: 'not a workflow' }] };
    api.snapshots.push({ ok: true, value: snapshot({ seq: 1, workflows }) });
    const connection = fakeConnection('open');
    const store = createBenchStore(api, connection);
    store.start();
    await settle();
    connection.set('lost');
    connection.set('open');
    await settle();
    expect(getSnapshot).toHaveBeenCalledTimes(2);
    expect(store.getState()).toMatchObject({
      profile: null,
      identity: null,
      workflows: snapshot().workflows,
    });
    for (const spy of asked) expect(spy).not.toHaveBeenCalled();
  });

  it("shows the first snapshot's workflow problems until the next snapshot replaces them", async () => {
    const api = new FakeBenchApi();
    const workflows = { workflows: [], problems: [{ file: 'x.json', message: 'not a workflow' }] };
    api.snapshots.push({ ok: true, value: snapshot({ seq: 1, workflows }) });
    const store = createBenchStore(api);
    store.start();
    await settle();
    expect(store.getState().workflows).toEqual(workflows);
  });
});

describe('createBenchStore start', () => {
  it('loads the snapshot when the socket opened before start() subscribed', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({ ok: true, value: snapshot({ seq: 2, devices: [device(1)] }) });
    const connection = fakeConnection('connecting');
    const store = createBenchStore(api, connection);
    connection.set('open');
    store.start();
    await settle();
    expect(store.getState()).toMatchObject({ loaded: true, connection: 'open', seq: 2 });
  });
});
