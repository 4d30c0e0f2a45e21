/**
 * Where the attention rules (main/attention/watch-attention.ts) reach the operator in the Mac app: a
 * notification (UNNotification on macOS: a signed app only; unsigned builds emit `failed`, which is
 * ignored) that replaces the one before and brings the window forward when clicked; the Dock badge
 * (`app.setBadgeCount` where there is no Dock); and the system alert sound.
 *
 * The notification itself is silent: the sound is played only when the operator asked for it in Settings,
 * by the rules calling `sound`, so a Mac whose notification sound is set differently still stays quiet.
 */
import { app, Notification, shell } from 'electron';
import type { AttentionSink } from '../attention/watch-attention';

export function electronAttentionSink(focusWindow: () => void): AttentionSink {
  let current: Notification | undefined;
  return {
    notify(notice) {
      if (!Notification.isSupported()) return;
      current?.close();
      const notification = new Notification({ title: notice.title, body: notice.body, silent: true });
      notification.on('click', focusWindow);
      notification.show();
      current = notification;
    },
    badge(count) {
      if (app.dock) app.dock.setBadge(count > 0 ? String(count) : '');
      else app.setBadgeCount(count);
    },
    sound() {
      shell.beep();
    },
  };
}
