import { describe, expect, it } from 'vitest';
import {
  applyEvent,
  applyIdentity,
  applyProfile,
  applySnapshot,
  beginSnapshot,
  initialBenchState,
} from '../../../renderer/state/bench-state';
import { snapshot } from '../fixtures';
import { identitySummary, profileSummary } from '../setup-fixtures';

const loaded = (seq: number) => applySnapshot(initialBenchState, snapshot({ seq }));

describe('profile and identity in the bench state', () => {
  it('is unknown until the bench has answered, then holds the answer (null: none yet)', () => {
    const state = loaded(1);
    expect(state.profile).toBeUndefined();
    expect(state.identity).toBeUndefined();
    const answered = applyIdentity(applyProfile(state, null), identitySummary());
    expect(answered.profile).toBeNull();
    expect(answered.identity?.organizationName).toBe('Contoso IT');
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

  it('keeps the shown profile across a new snapshot (the store reads it again right after)', () => {
    const state = applyProfile(loaded(1), profileSummary());
    expect(applySnapshot(beginSnapshot(state), snapshot({ seq: 30 })).profile?.organization).toBe(
      'Contoso Ltd',
    );
  });

  it('returns the same state when an answer changes nothing', () => {
    const summary = profileSummary();
    const state = applyProfile(loaded(1), summary);
    expect(applyProfile(state, summary)).toBe(state);
  });
});
