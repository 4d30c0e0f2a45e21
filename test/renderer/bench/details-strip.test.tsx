/** @vitest-environment jsdom */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DetailsStrip, fullStateLine } from '../../../renderer/bench/details-strip';
import { device } from '../fixtures';
import { job, loadedStore, renderWithStore } from '../store-fixtures';

afterEach(cleanup);

const error = {
  code: 'no-such-profile',
  title: 'The profile is not on the device',
  detail: 'Finish Setup Assistant on the device, then press Retry.',
  retryable: true,
} as const;

describe('the details strip', () => {
  it('reads port, serial and a failure’s whole title and fix', () => {
    expect(fullStateLine(device(3), job(3, { phase: 'failed', error }))).toBe(
      'Port 2 › 3 · SER3 · Failed: The profile is not on the device. Finish Setup Assistant on the device, then press Retry.',
    );
    // A title that already ends its sentence gets no second stop.
    expect(
      fullStateLine(device(3), job(3, { phase: 'failed', error: { ...error, title: 'It stopped.' } })),
    ).toBe('Port 2 › 3 · SER3 · Failed: It stopped. Finish Setup Assistant on the device, then press Retry.');
  });

  it('says a restarting device is off USB for now, beside its state', () => {
    expect(fullStateLine({ ...device(4), away: true }, job(4, { phase: 'waiting-for-reattach' }))).toBe(
      'Port 2 › 4 · SER4 · Restarting – off USB for now · Restarting: leave it plugged in',
    );
  });

  it('reads a wait’s whole instruction, a finished name, and a device without a job', () => {
    const waiting = job(1, {
      phase: 'waiting-for-operator',
      waiting: {
        reason: 'tap-trust',
        instruction: 'Tap Trust on the iPad, then enter its passcode.',
        since: 1,
      },
    });
    expect(fullStateLine(device(1), waiting)).toBe(
      'Port 2 › 1 · SER1 · Needs you: Tap Trust on the iPad, then enter its passcode.',
    );
    expect(fullStateLine(device(2), job(2, { phase: 'succeeded', finalName: 'CART-002' }))).toBe(
      'Port 2 › 2 · SER2 · Done – unplug · CART-002',
    );
    expect(fullStateLine(device(4, { portLabel: undefined, serialNumber: undefined }), undefined)).toMatch(
      /^Port unknown · 0x1004 · /,
    );
  });

  it('is a polite live region, there and empty while no device is pointed at', () => {
    const store = loadedStore({ devices: [device(1)] });
    const { container } = renderWithStore(<DetailsStrip ecid={undefined} />, store);
    const strip = container.querySelector('.details-strip');
    expect(strip?.getAttribute('aria-live')).toBe('polite');
    expect(strip?.textContent).toBe('');
    cleanup();
    renderWithStore(<DetailsStrip ecid={device(1).ecid} />, store);
    expect(screen.getByText(/^Port 2 › 1 · SER1 · /).getAttribute('aria-live')).toBe('polite');
  });
});
