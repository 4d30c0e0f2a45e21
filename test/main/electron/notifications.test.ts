import { describe, expect, it, vi } from 'vitest';
import { trackJobActivity } from '../../../main/electron/job-activity';
import { ManualTimers } from '../../fakes/manual-timers';
import { failed, jobView, scriptedBench, waiting } from '../../fakes/job-events';

const { notifications, supported } = vi.hoisted(() => ({
  notifications: [] as {
    options: Record<string, unknown>;
    shown: boolean;
    closed: boolean;
    click?: () => void;
  }[],
  supported: { value: true },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class Notification extends Emitter {
    static isSupported = () => supported.value;
    record: { options: Record<string, unknown>; shown: boolean; closed: boolean; click?: () => void };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, shown: false, closed: false, click: () => this.emit('click') };
      notifications.push(this.record);
    }
    show() {
      this.record.shown = true;
    }
    close() {
      this.record.closed = true;
    }
  }
  return { Notification };
});

const { describeAttention, electronNoticeSink, notifyWhenDevicesNeedAPerson } =
  await import('../../../main/electron/notifications');

function setUp() {
  const bench = scriptedBench();
  const timers = new ManualTimers();
  const shown: { title: string; body: string }[] = [];
  notifyWhenDevicesNeedAPerson(
    trackJobActivity(bench.hub),
    { show: (n) => shown.push(n) },
    {
      timers,
      groupMs: 3_000,
      minIntervalMs: 15_000,
    },
  );
  return { bench, timers, shown };
}

describe('notifyWhenDevicesNeedAPerson', () => {
  it('a cart of 40 devices asking for Trust at once makes one banner, not 40', async () => {
    const { bench, timers, shown } = setUp();
    for (let i = 0; i < 40; i++) bench.job(waiting(`d${i}`, 'tap-trust', 'Tap Trust on the device'));
    await timers.advance(2_999);
    expect(shown).toEqual([]);
    await timers.advance(1);
    expect(shown).toEqual([{ title: '40 devices need you', body: '40 × Tap Trust on the device' }]);
  });

  it('one device gets a banner of its own, with its serial number', async () => {
    const { bench, timers, shown } = setUp();
    bench.job(waiting('a', 'approve-profile', 'Approve the profile in Settings'));
    await timers.advance(3_000);
    expect(shown).toEqual([{ title: 'A device needs you', body: 'Approve the profile in Settings (SERA)' }]);
  });

  it('a failure is announced; progress while still waiting is not announced again', async () => {
    const { bench, timers, shown } = setUp();
    bench.job(jobView('a', 'running'));
    bench.job(failed('a', 'The device disconnected'));
    bench.job(failed('a', 'The device disconnected'));
    await timers.advance(3_000);
    expect(shown).toEqual([{ title: 'A device failed', body: 'The device disconnected (SERA)' }]);

    bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
    await timers.advance(20_000);
    bench.job({ ...waiting('b', 'tap-trust', 'Tap Trust'), progress: 0.3 });
    await timers.advance(20_000);
    expect(shown).toHaveLength(2);
  });

  it('keeps at least the interval between banners and sums up what came in between', async () => {
    const { bench, timers, shown } = setUp();
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    await timers.advance(3_000);
    bench.job(waiting('b', 'unlock-device', 'Unlock the device'));
    await timers.advance(5_000);
    bench.job(failed('c', 'Erase failed'));
    bench.job(waiting('d', 'unlock-device', 'Unlock the device'));
    // The second banner comes 15 s after the first (t = 18 s), not 3 s after b arrived.
    await timers.advance(9_999);
    expect(shown).toHaveLength(1);
    await timers.advance(1);
    expect(shown[1]).toEqual({ title: '3 devices need you', body: '2 × Unlock the device\n1 × failed' });
  });

  it('leaves out a device the operator dealt with before the banner went out', async () => {
    const { bench, timers, shown } = setUp();
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
    bench.job(jobView('a', 'running'));
    bench.removed('b');
    await timers.advance(10_000);
    expect(shown).toEqual([]);
  });
});

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

  it('shows control and bidi characters from a device as visible marks (the shared sanitiser), and caps its length', () => {
    const notice = describeAttention([
      { kind: 'failed', title: 'Erase failed', serialNumber: 'F17\u001b[31mX\u202eY\n' + 'Z'.repeat(300) },
    ]);
    for (const forbidden of ['\u001b', '\u202e', '\n']) expect(notice.body).not.toContain(forbidden);
    expect(notice.body.length).toBeLessThan(230);
    expect(notice.body).toMatch(/^Erase failed \(F17␛\[31mX<U\+202E>Y Z+…\)$/);
  });
});

describe('electronNoticeSink', () => {
  it('shows one notification at a time (the next replaces it), and a click focuses the window', () => {
    const onClick = vi.fn();
    const sink = electronNoticeSink(onClick, () => false);
    sink.show({ title: 'A', body: 'a' });
    sink.show({ title: 'B', body: 'b' });
    const [first, second] = notifications.slice(-2);
    expect(first).toMatchObject({ shown: true, closed: true });
    expect(second).toMatchObject({
      shown: true,
      closed: false,
      options: { title: 'B', body: 'b', silent: true },
    });
    expect(onClick).not.toHaveBeenCalled();
    second?.click?.();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('does nothing where notifications are not supported', () => {
    supported.value = false;
    const before = notifications.length;
    electronNoticeSink(() => {}).show({ title: 'A', body: 'a' });
    expect(notifications).toHaveLength(before);
    supported.value = true;
  });
});
