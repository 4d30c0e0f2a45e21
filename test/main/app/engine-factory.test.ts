import { describe, expect, it } from 'vitest';
import { loadUsbSignals, POLL_WITHOUT_USB_MS } from '../../../main/app/engine-factory';

describe('loadUsbSignals', () => {
  it('uses node-usb when it loads', async () => {
    const source = { start: () => {}, stop: () => {} };
    expect(await loadUsbSignals(undefined, async () => source)).toEqual({ source });
  });

  it('falls back to frequent polling, and says so in the log, when the native addon cannot load', async () => {
    const logged: string[] = [];
    const usb = await loadUsbSignals(
      (message) => logged.push(message),
      async () => {
        throw new Error('dlopen failed: wrong architecture');
      },
    );
    expect(usb.pollMs).toBe(POLL_WITHOUT_USB_MS);
    expect(() => usb.source.start(() => {})).not.toThrow();
    expect(logged).toEqual(['USB events are unavailable; listing devices every 3 s instead']);
  });
});
