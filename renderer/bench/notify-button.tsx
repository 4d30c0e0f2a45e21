/**
 * "Notify me" for the served UI: asks the browser's permission only when pressed (opt-in), remembers the
 * choice in this browser, and then shows ./browser-alerts.ts's alerts while the page is open. The bench's
 * Settings decide as in the Mac app: "Notify me when a device needs me or a cart finishes" (`notify`) and
 * "Play a sound" (`sounds`, a WebAudio tone: ./attention-tone.ts). They are read when an alert is due, so
 * a change in Settings applies to the next one. Hidden where the browser has no notifications, and in the
 * Mac app (which notifies by itself).
 */
import { useEffect, useState } from 'react';
import type { BenchApi } from '../../preload/contract';
import { useBenchStore } from '../state/bench-store';
import { benchDevice } from '../state/bench-devices';
import { playTone, unlockTone } from './attention-tone';
import { alertsBetween, CartTally, type BrowserAlert } from './browser-alerts';

const KEY = 'enroll-bench.notify';

export interface NotifyButtonProps {
  readonly api: Pick<BenchApi, 'getSettings'>;
}

/** Shows the alerts the bench's settings allow, with the tone of the first when sound is on. */
async function announce(alerts: readonly BrowserAlert[], api: NotifyButtonProps['api']): Promise<void> {
  const answer = await api.getSettings().catch(() => undefined);
  // Settings that cannot be read fall back to their defaults: notify on, sound off.
  const settings = answer?.ok ? answer.value.settings : { notify: true, sounds: false };
  if (!settings.notify) return;
  for (const alert of alerts) new Notification(alert.title, { body: alert.body, tag: alert.tag });
  const [first] = alerts;
  if (settings.sounds && first) playTone(first.kind);
}

export function NotifyButton({ api }: NotifyButtonProps) {
  const store = useBenchStore();
  const supported = typeof window !== 'undefined' && 'Notification' in window;
  const [on, setOn] = useState(
    () => supported && Notification.permission === 'granted' && localStorage.getItem(KEY) === 'on',
  );
  useEffect(() => {
    if (!on) return undefined;
    let before = store.getState().jobs;
    const tally = new CartTally();
    return store.subscribe(() => {
      const state = store.getState();
      if (state.jobs === before) return;
      const portOf = (ecid: string) => benchDevice(state, ecid)?.portLabel;
      const alerts = alertsBetween(before, state.jobs, portOf, tally);
      before = state.jobs;
      if (alerts.length > 0) void announce(alerts, api);
    });
  }, [on, store, api]);
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
          : 'Notifications follow Settings: "Notify me when a device needs me" and "Play a sound".'
      }
      onClick={() => {
        if (on) {
          localStorage.setItem(KEY, 'off');
          setOn(false);
          return;
        }
        unlockTone();
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
