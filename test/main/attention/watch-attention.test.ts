import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trackJobActivity } from '../../../main/attention/job-activity';
import {
  watchAttention,
  type AttentionKind,
  type AttentionNotice,
  type AttentionPreferences,
} from '../../../main/attention/watch-attention';
import type { JobPhase, OperatorReason } from '../../../preload/jobs-domain';
import { ManualTimers } from '../../fakes/manual-timers';
import { failed, jobView, scriptedBench, waiting } from '../../fakes/job-events';

function setUp(
  wants: AttentionPreferences = { notify: true, sound: false },
  onNotify: (notice: AttentionNotice) => void = () => {},
) {
  const bench = scriptedBench();
  const clock = new ManualTimers();
  const shown: AttentionNotice[] = [];
  const shownAt: number[] = [];
  const badges: number[] = [];
  const sounds: AttentionKind[] = [];
  const preferences = { ...wants };
  const activity = trackJobActivity(bench.hub);
  const stop = watchAttention(
    activity,
    {
      notify: (n) => {
        shown.push(n);
        shownAt.push(clock.now());
        onNotify(n);
      },
      badge: (c) => badges.push(c),
      sound: (k) => sounds.push(k),
    },
    { clock, groupMs: 3_000, minIntervalMs: 15_000, preferences: () => preferences },
  );
  const texts = () => shown.map(({ title, body }) => ({ title, body }));
  return { bench, clock, shown, shownAt, texts, badges, sounds, preferences, stop };
}

describe('watchAttention: devices that need you', () => {
  it('a cart of 40 devices asking for Trust at once makes one notice, not 40', async () => {
    const { bench, clock, texts } = setUp();
    for (let i = 0; i < 40; i++) bench.job(waiting(`d${i}`, 'tap-trust', 'Tap Trust on the device'));
    await clock.advance(2_999);
    expect(texts()).toEqual([]);
    await clock.advance(1);
    expect(texts()).toEqual([{ title: '40 devices need you', body: '40 × Tap Trust on the device' }]);
  });

  it('one device gets a notice of its own, with its serial number', async () => {
    const { bench, clock, shown } = setUp();
    bench.job(waiting('a', 'approve-profile', 'Approve the profile in Settings'));
    await clock.advance(3_000);
    expect(shown).toEqual([
      {
        kind: 'needs-you',
        title: 'A device needs you',
        body: 'Approve the profile in Settings (SERA)',
        ecids: ['a'],
      },
    ]);
  });

  it('a failure is announced; progress while still waiting is not announced again', async () => {
    const { bench, clock, texts } = setUp();
    bench.job(jobView('a', 'running'));
    bench.job(jobView('z', 'running'));
    bench.job(failed('a', 'The device disconnected'));
    bench.job(failed('a', 'The device disconnected'));
    await clock.advance(3_000);
    expect(texts()).toEqual([{ title: 'A device failed', body: 'The device disconnected (SERA)' }]);

    bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
    await clock.advance(20_000);
    bench.job({ ...waiting('b', 'tap-trust', 'Tap Trust'), progress: 0.3 });
    await clock.advance(20_000);
    expect(texts()).toHaveLength(2);
  });

  it('keeps at least the interval between notices and sums up what came in between', async () => {
    const { bench, clock, texts } = setUp();
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    await clock.advance(3_000);
    bench.job(waiting('b', 'unlock-device', 'Unlock the device'));
    await clock.advance(5_000);
    bench.job(failed('c', 'Erase failed'));
    bench.job(waiting('d', 'unlock-device', 'Unlock the device'));
    // The second notice comes 15 s after the first (t = 18 s), not 3 s after b arrived.
    await clock.advance(9_999);
    expect(texts()).toHaveLength(1);
    await clock.advance(1);
    expect(texts()[1]).toEqual({ title: '3 devices need you', body: '2 × Unlock the device\n1 × failed' });
  });

  it('leaves out a device the operator dealt with before the notice went out', async () => {
    const { bench, clock, shown } = setUp();
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
    bench.job(jobView('a', 'running'));
    bench.removed('b');
    await clock.advance(10_000);
    expect(shown).toEqual([]);
  });
});

describe('watchAttention: the cart', () => {
  it('says the cart finished once every job has ended, counting done and failed, and not again', async () => {
    const { bench, clock, shown } = setUp();
    for (const ecid of ['a', 'b', 'c']) bench.job(jobView(ecid, 'running'));
    bench.job(jobView('a', 'succeeded'));
    bench.job(jobView('b', 'succeeded'));
    await clock.advance(3_000);
    expect(shown).toEqual([]);
    bench.job(failed('c', 'Erase failed'));
    await clock.advance(3_000);
    // The failure of the last device is counted in the cart's notice, not announced apart.
    expect(shown).toEqual([
      { kind: 'cart-finished', title: 'Cart finished', body: '2 done, 1 failed.', ecids: ['a', 'b', 'c'] },
    ]);
    bench.removed('a');
    bench.job(jobView('c', 'failed', { progress: 0.9 }));
    await clock.advance(60_000);
    expect(shown).toHaveLength(1);
  });

  it('counts the devices unplugged once done (the board forgets them), and a retried one only by its last outcome', async () => {
    const { bench, clock, shown } = setUp();
    for (const ecid of ['a', 'b', 'c']) bench.job(jobView(ecid, 'running'));
    bench.job(jobView('a', 'succeeded'));
    bench.removed('a'); // "Done – unplug"
    bench.job(failed('b', 'Erase failed'));
    bench.job(jobView('b', 'running')); // Retry
    bench.job(jobView('b', 'succeeded'));
    bench.removed('b');
    bench.job(jobView('c', 'succeeded'));
    bench.removed('c'); // unplugged before the notice went out
    await clock.advance(3_000);
    expect(shown.filter((n) => n.kind === 'cart-finished')).toEqual([
      { kind: 'cart-finished', title: 'Cart finished', body: '3 done, 0 failed.', ecids: ['a', 'b', 'c'] },
    ]);
  });

  it('says nothing when every device was unplugged before it ran (cancelled in its countdown)', async () => {
    const { bench, clock, shown } = setUp();
    bench.job(jobView('a', 'countdown'));
    bench.job(jobView('a', 'cancelled'));
    bench.removed('a');
    await clock.advance(60_000);
    expect(shown).toEqual([]);
  });

  it('says nothing for jobs that had already ended when it started watching, nor for a cart that grew again in time', async () => {
    const bench = scriptedBench();
    bench.job(jobView('old', 'succeeded'));
    const clock = new ManualTimers();
    const shown: AttentionNotice[] = [];
    watchAttention(
      trackJobActivity(bench.hub),
      { notify: (n) => shown.push(n), badge: () => {}, sound: () => {} },
      { clock },
    );
    bench.job(jobView('old', 'succeeded', { progress: 1 }));
    bench.job(jobView('a', 'running'));
    bench.job(jobView('a', 'succeeded'));
    bench.job(jobView('b', 'countdown')); // plugged in before the notice went out
    await clock.advance(60_000);
    expect(shown).toEqual([]);
    bench.job(jobView('b', 'succeeded'));
    await clock.advance(3_000);
    expect(shown.map((n) => n.body)).toEqual(['3 done, 0 failed.']);
  });
});

describe('watchAttention: the settings and the badge', () => {
  it('stays quiet when notifications are off, and plays the sound of the kind only when sound is on', async () => {
    const { bench, clock, shown, sounds, preferences } = setUp({ notify: false, sound: true });
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    await clock.advance(3_000);
    expect([shown, sounds]).toEqual([[], []]);
    Object.assign(preferences, { notify: true, sound: false });
    bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
    await clock.advance(3_000);
    expect([shown.length, sounds]).toEqual([1, []]);
    Object.assign(preferences, { sound: true });
    bench.job(jobView('a', 'succeeded'));
    bench.job(jobView('b', 'succeeded'));
    await clock.advance(15_000);
    expect(shown.map((n) => n.kind)).toEqual(['needs-you', 'cart-finished']);
    expect(sounds).toEqual(['cart-finished']);
  });

  it('shows how many devices wait for a person, only when that changes, and clears the badge when stopped', () => {
    const { bench, badges, stop } = setUp();
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    bench.job(waiting('b', 'unlock-device', 'Unlock it'));
    bench.job(jobView('c', 'running')); // no change: no call
    bench.job(jobView('a', 'running'));
    bench.removed('b');
    expect(badges).toEqual([1, 2, 1, 0]);
    bench.job(waiting('c', 'approve-profile', 'Approve'));
    stop();
    expect(badges.slice(4)).toEqual([1, 0]);
  });
});

const PHASES: readonly JobPhase[] = [
  'queued',
  'countdown',
  'running',
  'waiting-for-operator',
  'waiting-for-reattach',
  'succeeded',
  'failed',
  'cancelled',
  'skipped',
];
const FINAL: ReadonlySet<JobPhase> = new Set(['succeeded', 'failed', 'cancelled', 'interrupted', 'skipped']);
const REASONS: readonly OperatorReason[] = ['tap-trust', 'unlock-device'];

type Step =
  | { readonly kind: 'job'; readonly ecid: string; readonly phase: JobPhase; readonly reason: number }
  | { readonly kind: 'removed'; readonly ecid: string }
  | { readonly kind: 'wait'; readonly ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('job' as const),
      ecid: fc.constantFrom('a', 'b', 'c'),
      // Waiting half the time: repeats of the same wait (progress while waiting) are what the rule is about.
      phase: fc.oneof(fc.constant<JobPhase>('waiting-for-operator'), fc.constantFrom(...PHASES)),
      reason: fc.nat(REASONS.length - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('removed' as const), ecid: fc.constantFrom('a', 'b') }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 20_000 }) }),
  },
);

describe('watchAttention: rules that hold for any order of events', () => {
  it('the badge always equals the devices waiting for a person; a device is named at most once per wait; notices keep their interval', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const phases = new Map<string, JobPhase>();
        const busy = () => [...phases.values()].some((p) => !FINAL.has(p));
        const cartWhileBusy: string[] = [];
        const { bench, clock, shown, shownAt, badges } = setUp(undefined, (n) => {
          if (n.kind === 'cart-finished' && busy()) cartWhileBusy.push(n.body);
        });
        const waitingNow = new Map<string, OperatorReason>();
        // How many waits (a new one, or a new reason) and failures each device has had.
        const calls = new Map<string, number>();
        const bump = (ecid: string) => calls.set(ecid, (calls.get(ecid) ?? 0) + 1);
        const failedNow = new Set<string>();
        for (const s of steps) {
          if (s.kind === 'wait') await clock.advance(s.ms);
          else if (s.kind === 'removed') {
            bench.removed(s.ecid);
            phases.delete(s.ecid);
            waitingNow.delete(s.ecid);
            failedNow.delete(s.ecid);
          } else if (s.phase === 'waiting-for-operator') {
            const reason = REASONS[s.reason] ?? 'tap-trust';
            if (waitingNow.get(s.ecid) !== reason) bump(s.ecid);
            waitingNow.set(s.ecid, reason);
            failedNow.delete(s.ecid);
            phases.set(s.ecid, s.phase);
            bench.job(waiting(s.ecid, reason, `Do ${reason}`));
          } else {
            waitingNow.delete(s.ecid);
            if (s.phase === 'failed' && !failedNow.has(s.ecid)) bump(s.ecid);
            if (s.phase === 'failed') failedNow.add(s.ecid);
            else failedNow.delete(s.ecid);
            phases.set(s.ecid, s.phase);
            bench.job(s.phase === 'failed' ? failed(s.ecid, 'Broke') : jobView(s.ecid, s.phase));
          }
          expect(badges.at(-1) ?? 0).toBe(waitingNow.size);
        }
        await clock.advance(60_000);
        for (const [ecid, count] of calls) {
          const named = shown.filter((n) => n.kind === 'needs-you' && n.ecids.includes(ecid)).length;
          expect(named).toBeLessThanOrEqual(count);
        }
        // A cart is never said to be finished while a job is still in progress.
        expect(cartWhileBusy).toEqual([]);
        // Never an empty notice, and never two within the interval.
        expect(shown.every((n) => n.ecids.length > 0)).toBe(true);
        for (let i = 1; i < shownAt.length; i++)
          expect((shownAt[i] ?? 0) - (shownAt[i - 1] ?? 0)).toBeGreaterThanOrEqual(15_000);
      }),
      { numRuns: 150 },
    );
  });
});
