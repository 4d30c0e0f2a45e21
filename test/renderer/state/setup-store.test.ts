import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../renderer/state/bench-state';
import { createBenchStore, type ConnectionSource } from '../../../renderer/state/bench-store';
import { snapshot } from '../fixtures';
import { identitySummary, profileSummary, SetupFakeApi } from '../setup-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function switchable(initial: ConnectionState): ConnectionSource & { set(s: ConnectionState): void } {
  let state = initial;
  const listeners = new Set<(s: ConnectionState) => void>();
  return {
    get: () => state,
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    set: (s) => ((state = s), listeners.forEach((l) => l(s))),
  };
}

describe('the store and the enrollment set-up', () => {
  it('takes the profile and identity from the snapshot, then follows their events', async () => {
    const api = new SetupFakeApi();
    api.snapshots.push({ ok: true, value: snapshot({ seq: 2 }) });
    api.profile = profileSummary();
    const store = createBenchStore(api);
    store.start();
    await settle();
    expect(store.getState()).toMatchObject({ profile: { organization: 'Contoso Ltd' }, identity: null });
    api.emit('identityChanged', { seq: 3, identity: identitySummary() });
    api.emit('profileChanged', { seq: 4, profile: null });
    expect(store.getState()).toMatchObject({
      seq: 4,
      profile: null,
      identity: { organizationName: 'Contoso IT' },
    });
  });

  it('takes them from the new snapshot after every reconnect, since events sent meanwhile are lost', async () => {
    const api = new SetupFakeApi();
    const connection = switchable('open');
    const store = createBenchStore(api, connection);
    store.start();
    await settle();
    expect(store.getState().profile).toBeNull();
    connection.set('lost');
    api.profile = profileSummary({ fileName: 'imported-while-away.mobileconfig' });
    api.identity = identitySummary();
    connection.set('open');
    await settle();
    expect(store.getState().profile?.fileName).toBe('imported-while-away.mobileconfig');
    expect(store.getState().identity?.organizationName).toBe('Contoso IT');
    expect([api.getProfileCalls, api.getIdentityCalls]).toEqual([0, 0]);
  });

  it('keeps the shown profile when the snapshot read fails', async () => {
    const api = new SetupFakeApi();
    api.profile = profileSummary();
    const store = createBenchStore(api);
    store.start();
    await settle();
    api.snapshots.push({
      ok: false,
      error: { code: 'internal', title: 'Lost', detail: 'd', retryable: true },
    });
    await store.refresh();
    expect(store.getState().loadError?.title).toBe('Lost');
    expect(store.getState().profile?.organization).toBe('Contoso Ltd');
  });
});
