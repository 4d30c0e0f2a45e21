import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttentionNotice } from '../../../main/attention/watch-attention';
import { electronMain } from '../../fakes/electron-main';

vi.mock('electron', async () => (await import('../../fakes/electron-main')).electronMain);

const { electronAttentionSink } = await import('../../../main/electron/notifications');

const notice = (title: string): AttentionNotice => ({ kind: 'needs-you', title, body: 'b', ecids: ['0x1'] });

beforeEach(() => {
  electronMain.notifications.length = 0;
  electronMain.badges.length = 0;
  vi.clearAllMocks();
});

describe('electronAttentionSink', () => {
  it('shows one silent notification at a time (the next closes the one before), and a click focuses the window', () => {
    const focus = vi.fn();
    const sink = electronAttentionSink(focus);
    sink.notify(notice('A'));
    const [first] = electronMain.notifications;
    const close = vi.spyOn(first as NonNullable<typeof first>, 'close');
    sink.notify(notice('B'));
    expect(close).toHaveBeenCalledTimes(1);
    expect(electronMain.notifications.map((n) => n.options)).toEqual([
      { title: 'A', body: 'b', silent: true },
      { title: 'B', body: 'b', silent: true },
    ]);
    expect(focus).not.toHaveBeenCalled();
    electronMain.notifications[1]?.emit('click');
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('does nothing where notifications are not supported', () => {
    const supported = vi.spyOn(electronMain.Notification, 'isSupported').mockReturnValue(false);
    electronAttentionSink(() => {}).notify(notice('A'));
    expect(electronMain.notifications).toHaveLength(0);
    supported.mockRestore();
  });

  it('puts the count on the Dock, and no badge for 0', () => {
    const sink = electronAttentionSink(() => {});
    sink.badge(3);
    sink.badge(0);
    expect(electronMain.badges).toEqual(['3', '']);
    expect(electronMain.app.setBadgeCount).not.toHaveBeenCalled();
  });

  it('uses the app badge count where there is no Dock (Windows, Linux)', () => {
    const dock = electronMain.app.dock;
    Object.assign(electronMain.app, { dock: undefined });
    try {
      const sink = electronAttentionSink(() => {});
      sink.badge(2);
      sink.badge(0);
      expect(electronMain.app.setBadgeCount.mock.calls).toEqual([[2], [0]]);
    } finally {
      Object.assign(electronMain.app, { dock });
    }
  });

  it('plays the system alert sound when asked', () => {
    electronAttentionSink(() => {}).sound('cart-finished');
    expect(electronMain.shell.beep).toHaveBeenCalledTimes(1);
  });
});
