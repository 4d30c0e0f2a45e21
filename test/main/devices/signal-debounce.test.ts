import { describe, expect, it } from 'vitest';
import { SignalDebounce } from '../../../main/devices/signal-debounce';
import { ManualTimers } from '../../fakes/manual-timers';

function setup(quietMs: number, maxWaitMs: number) {
  const timers = new ManualTimers();
  const fired: number[] = [];
  const debounce = new SignalDebounce({ timers, quietMs, maxWaitMs, fire: () => fired.push(timers.now()) });
  return { timers, fired, debounce };
}

/** Signals every `everyMs` from now until (not including) `untilMs` on the fake clock. */
async function stream(t: ReturnType<typeof setup>, everyMs: number, untilMs: number): Promise<void> {
  while (t.timers.now() < untilMs) {
    t.debounce.signal();
    await t.timers.advance(everyMs);
  }
}

describe('SignalDebounce', () => {
  it('fires once, a quiet period after a lone signal', async () => {
    const t = setup(1500, 1500);
    t.debounce.signal();
    await t.timers.advance(1499);
    expect(t.fired).toEqual([]);
    await t.timers.advance(10_000);
    expect(t.fired).toEqual([1500]);
  });

  it('restarts the quiet period on each signal while under the cap', async () => {
    const t = setup(500, 1500);
    t.debounce.signal();
    await t.timers.advance(300);
    t.debounce.signal();
    await t.timers.advance(300);
    t.debounce.signal();
    await t.timers.advance(499);
    expect(t.fired).toEqual([]);
    await t.timers.advance(1);
    expect(t.fired).toEqual([1100]);
  });

  it('fires at the cap under a steady stream every 500 ms, once per cap, never starving', async () => {
    const t = setup(1500, 1500);
    await stream(t, 500, 6000);
    // A plain debounce would not have fired at all while the stream lasted.
    expect(t.fired).toEqual([1500, 3000, 4500, 6000]);
    await t.timers.advance(10_000);
    // The signal sent at 5500 was served by the firing at 6000: nothing is left waiting.
    expect(t.fired).toEqual([1500, 3000, 4500, 6000]);
  });

  it('counts the cap from the first unserved signal, not from the last firing', async () => {
    const t = setup(1500, 1500);
    t.debounce.signal();
    await t.timers.advance(1500);
    expect(t.fired).toEqual([1500]);
    await t.timers.advance(4000);
    t.debounce.signal();
    await t.timers.advance(1000);
    t.debounce.signal();
    await t.timers.advance(499);
    expect(t.fired).toEqual([1500]);
    await t.timers.advance(1);
    expect(t.fired).toEqual([1500, 7000]);
  });

  it('turns a burst of 30 signals 30 ms apart into one firing', async () => {
    const t = setup(1500, 1500);
    await stream(t, 30, 900);
    await t.timers.advance(10_000);
    expect(t.fired).toEqual([1500]);
  });

  it('forgets waiting signals on cancel', async () => {
    const t = setup(1500, 1500);
    t.debounce.signal();
    await t.timers.advance(1000);
    t.debounce.cancel();
    await t.timers.advance(10_000);
    expect(t.fired).toEqual([]);
    t.debounce.signal();
    await t.timers.advance(1500);
    expect(t.fired).toEqual([12_500]);
  });
});
