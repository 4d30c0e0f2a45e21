import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../main/jobs/backoff';
import { HeavyStepLimit } from '../../../main/jobs/heavy-step-limit';

describe('HeavyStepLimit', () => {
  it('leaves no abort listener behind on a job woken again and again while it waits', async () => {
    const limit = new HeavyStepLimit(1);
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<typeof add>) => {
      added += 1;
      add(...args);
    }) as typeof signal.addEventListener;
    signal.removeEventListener = ((...args: Parameters<typeof remove>) => {
      removed += 1;
      remove(...args);
    }) as typeof signal.removeEventListener;
    let release = () => {};
    const holder = limit.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiter = limit.run(async () => 'ran', signal);
    // Each cap change wakes the waiter, which finds the slot still taken and waits again.
    for (let i = 0; i < 20; i++) {
      limit.setLimit(1);
      await Promise.resolve();
    }
    release();
    await holder;
    expect(await waiter).toBe('ran');
    expect(added).toBeGreaterThan(1);
    expect(removed).toBe(added);
  });

  it('never runs more than the cap at once, and a lowered cap holds new work back', async () => {
    const limit = new HeavyStepLimit(3);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 10));
      active -= 1;
    };
    await Promise.all(Array.from({ length: 10 }, () => limit.run(task)));
    expect(peak).toBe(3);
    limit.setLimit(1);
    peak = 0;
    await Promise.all(Array.from({ length: 4 }, () => limit.run(task)));
    expect(peak).toBe(1);
  });

  it('a waiter whose job is cancelled leaves at once', async () => {
    const limit = new HeavyStepLimit(1);
    let release: () => void = () => {};
    const holding = limit.run(() => new Promise<void>((resolve) => (release = resolve)));
    const controller = new AbortController();
    const waiting = limit.run(async () => 'ran', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    release();
    await holding;
  });
});

describe('backoffMs', () => {
  it('doubles from the base up to the cap, with jitter in [½, 1] of it', () => {
    const policy = { baseMs: 100, maxMs: 1000, attempts: 9 };
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffMs(policy, a, () => 1))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect(backoffMs(policy, 3, () => 0)).toBe(200);
  });
});

describe('HeavyStepLimit: the cap in force and the setting', () => {
  it('the bench’s own change stays between 1 and the setting; the operator’s save sets both', () => {
    const limit = new HeavyStepLimit(8);
    limit.setInForce(2);
    expect([limit.limit, limit.setting]).toEqual([2, 8]);
    limit.setInForce(20);
    expect(limit.limit).toBe(8);
    limit.setInForce(0);
    expect(limit.limit).toBe(1);
    limit.setLimit(6);
    expect([limit.limit, limit.setting]).toEqual([6, 6]);
  });

  it('asks for recovery when a heavy step queues and when one ends, and a raised cap lets a waiter in', async () => {
    let asked = 0;
    let raise = false;
    const limit: HeavyStepLimit = new HeavyStepLimit(2, () => {
      asked += 1;
      if (raise) limit.setInForce(2);
    });
    limit.setInForce(1);
    let release: () => void = () => {};
    const first = limit.run(() => new Promise<void>((r) => (release = r)));
    const order: string[] = [];
    const second = limit.run(async () => void order.push('second'));
    await Promise.resolve();
    expect(order).toEqual([]);
    raise = true;
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['second']);
    expect(asked).toBeGreaterThanOrEqual(3);
    expect(limit.limit).toBe(2);
  });
});
