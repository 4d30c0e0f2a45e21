/**
 * "Notify me" for the served UI: asks the browser's permission only when pressed (opt-in), remembers the
 * choice in this browser, and then shows ./browser-alerts.ts's alerts while the page is open. Hidden where
 * the browser has no notifications, and in the Mac app (which notifies by itself).
 */
import { useEffect, useState } from 'react';
import { useBenchStore } from '../state/bench-store';
import { alertsBetween } from './browser-alerts';

const KEY = 'enroll-bench.notify';

export function NotifyButton() {
  const store = useBenchStore();
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  const [on, setOn] = useState(
    () => supported && Notification.permission === 'granted' && localStorage.getItem(KEY) === 'on',
  );
  useEffect(() => {
    if (!on) return undefined;
    let before = store.getState().jobs;
    return store.subscribe(() => {
      const state = store.getState();
      if (state.jobs === before) return;
      const portOf = (ecid: string) => state.devices.find((d) => d.ecid === ecid)?.portLabel;
      for (const alert of alertsBetween(before, state.jobs, portOf))
        new Notification(alert.title, { body: alert.body, tag: alert.tag });
      before = state.jobs;
    });
  }, [on, store]);
  if (!supported) return null;
  const denied = Notification.permission === 'denied';
  return (
    <button
      type="button"
      className="notify-button"
      aria-pressed={on}
      disabled={denied}
      title={
        denied
          ? 'This browser blocks notifications from the bench: allow them in its site settings.'
          : undefined
      }
      onClick={() => {
        if (on) {
          localStorage.setItem(KEY, 'off');
          setOn(false);
          return;
        }
        void Notification.requestPermission().then((permission) => {
          const granted = permission === 'granted';
          localStorage.setItem(KEY, granted ? 'on' : 'off');
          setOn(granted);
        });
      }}
    >
      {on ? 'Notifying you' : 'Notify me'}
    </button>
  );
}
