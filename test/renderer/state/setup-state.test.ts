import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applySnapshot,
  beginSnapshot,
  initialBenchState,
} from '../../../renderer/state/bench-state';
import { snapshot } from '../fixtures';
import { identitySummary, profileSummary } from '../setup-fixtures';

const loaded = (seq: number) => applySnapshot(initialBenchState, snapshot({ seq }));

describe('profile and identity in the bench state', () => {
  it('is unknown until the first snapshot, then holds what it carries (null: none yet)', () => {
    expect(initialBenchState.profile).toBeUndefined();
    expect(initialBenchState.identity).toBeUndefined();
    const state = applySnapshot(initialBenchState, snapshot({ seq: 1, identity: identitySummary() }));
    expect(state.profile).toBeNull();
    expect(state.identity?.organizationName).toBe('Contoso IT');
  });

  it('folds profileChanged and identityChanged by seq and ignores stale ones', () => {
    const fresh = profileSummary({ fileName: 'new.mobileconfig' });
    let state = applyEvent(loaded(5), { channel: 'profileChanged', payload: { seq: 6, profile: fresh } });
    expect(state).toMatchObject({ seq: 6, profile: { fileName: 'new.mobileconfig' } });
    state = applyEvent(state, { channel: 'profileChanged', payload: { seq: 6, profile: null } });
    expect(state.profile?.fileName).toBe('new.mobileconfig');
    state = applyEvent(state, {
      channel: 'identityChanged',
      payload: { seq: 7, identity: identitySummary() },
    });
    expect(state).toMatchObject({ seq: 7, identity: { subject: 'CN=Contoso IT, O=Contoso IT' } });
    state = applyEvent(state, { channel: 'identityChanged', payload: { seq: 4, identity: null } });
    expect(state.identity).not.toBeNull();
  });

  it('replays a profile event that raced the first snapshot, but not one the snapshot already covers', () => {
    const waiting = { ...initialBenchState, profile: null };
    const held = applyEvent(waiting, {
      channel: 'profileChanged',
      payload: { seq: 9, profile: profileSummary() },
    });
    expect(applySnapshot(held, snapshot({ seq: 8 })).profile?.organization).toBe('Contoso Ltd');
    expect(applySnapshot(held, snapshot({ seq: 9 })).profile).toBeNull();
  });

  it('takes the profile from each new snapshot, with events held meanwhile replayed over it', () => {
    const state = applySnapshot(initialBenchState, snapshot({ seq: 1, profile: profileSummary() }));
    const waiting = applyEvent(beginSnapshot(state), {
      channel: 'identityChanged',
      payload: { seq: 31, identity: identitySummary() },
    });
    const next = applySnapshot(waiting, snapshot({ seq: 30, profile: null }));
    expect(next.profile).toBeNull();
    expect(next.identity?.organizationName).toBe('Contoso IT');
  });
});
