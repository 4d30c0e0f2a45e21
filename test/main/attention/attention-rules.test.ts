import { describe, expect, it } from 'vitest';
import {
  attentionSummary,
  cartOutcome,
  describeAttention,
  describeCart,
  deviceLabel,
} from '../../../main/attention/attention-rules';
import { failed, jobView, waiting } from '../../fakes/job-events';

describe('describeAttention', () => {
  it('lists the three commonest reasons and counts the rest', () => {
    const notice = describeAttention([
      ...Array.from({ length: 3 }, () => ({ kind: 'waiting' as const, instruction: 'Tap Trust' })),
      ...Array.from({ length: 2 }, () => ({ kind: 'waiting' as const, instruction: 'Unlock' })),
      { kind: 'failed' as const, title: 'x' },
      { kind: 'waiting' as const, instruction: 'Turn off Find My' },
    ]);
    expect(notice).toEqual({
      title: '7 devices need you',
      body: '3 × Tap Trust\n2 × Unlock\n1 × failed\nand 1 more',
    });
  });

  it('names one device by its name and serial number', () => {
    expect(
      describeAttention([{ kind: 'waiting', instruction: 'Tap Trust', device: 'CART3-001, F9FXQ0A1HG7Q' }]),
    ).toEqual({ title: 'A device needs you', body: 'Tap Trust (CART3-001, F9FXQ0A1HG7Q)' });
  });

  it('shows control and bidi characters from a device as visible marks (the shared sanitiser), and caps its length', () => {
    const device = deviceLabel(
      jobView('a', 'failed', { serialNumber: 'F17\u001b[31mX\u202eY\n' + 'Z'.repeat(300) }),
    );
    const notice = describeAttention([
      { kind: 'failed', title: 'Erase failed', ...(device ? { device } : {}) },
    ]);
    for (const forbidden of ['\u001b', '\u202e', '\n']) expect(notice.body).not.toContain(forbidden);
    expect(notice.body.length).toBeLessThan(100);
    expect(notice.body).toMatch(/^Erase failed \(F17␛\[31mX<U\+202E>Y Z+…\)$/);
  });
});

describe('deviceLabel', () => {
  it("prefers the bench's final name, then the device's own, and passes each through the sanitiser", () => {
    expect(deviceLabel(jobView('a', 'succeeded', { finalName: 'CART-001', deviceName: 'iPad' }))).toBe(
      'CART-001, SERA',
    );
    expect(deviceLabel(jobView('a', 'running', { deviceName: 'Bob\u202e’s iPad' }))).toBe(
      'Bob<U+202E>’s iPad, SERA',
    );
    const { serialNumber: _, ...anonymous } = jobView('a', 'running');
    expect(deviceLabel(anonymous)).toBeUndefined();
  });
});

describe('cartOutcome', () => {
  it('is nothing while any job is queued, counting down, running or waiting, or when there is no job', () => {
    expect(cartOutcome([])).toBeUndefined();
    for (const phase of ['queued', 'countdown', 'running'] as const)
      expect(cartOutcome([jobView('a', 'succeeded'), jobView('b', phase)])).toBeUndefined();
    expect(cartOutcome([jobView('a', 'succeeded'), waiting('b', 'tap-trust', 'Tap')])).toBeUndefined();
  });

  it('counts done, failed (interrupted included) and the rest, in words', () => {
    const outcome = cartOutcome([
      jobView('a', 'succeeded'),
      jobView('b', 'succeeded'),
      failed('c', 'Erase failed'),
      jobView('d', 'interrupted'),
      jobView('e', 'skipped'),
    ]);
    expect(outcome).toEqual({ done: 2, failed: 2, other: 1 });
    expect(describeCart({ done: 28, failed: 2, other: 0 })).toEqual({
      title: 'Cart finished',
      body: '28 done, 2 failed.',
    });
    expect(outcome && describeCart(outcome).body).toBe('2 done, 2 failed, 1 skipped or cancelled.');
  });
});

describe('attentionSummary', () => {
  it("counts the devices that need you, and gives the cart's end only once every job has ended", () => {
    expect(attentionSummary([])).toEqual({ needsYou: 0, cartFinished: null });
    expect(
      attentionSummary([
        waiting('a', 'tap-trust', 'Tap'),
        waiting('b', 'unlock-device', 'U'),
        jobView('c', 'running'),
      ]),
    ).toEqual({ needsYou: 2, cartFinished: null });
    expect(attentionSummary([jobView('a', 'succeeded'), failed('b', 'x')])).toEqual({
      needsYou: 0,
      cartFinished: { done: 1, failed: 1, other: 0 },
    });
  });
});
