/** @vitest-environment jsdom */
// Issue 25 on screen: a finished device's card says "Enrolled in Intune 14:32"; Results counts and lists what
// to chase; the event folds into the bench state; Settings › Intune turns serial push on.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectedDeviceCard } from '../../../renderer/bench/connected-device-card';
import { ResultsView } from '../../../renderer/bench/results-view';
import { IntunePushToggle } from '../../../renderer/intune/intune-push-toggle';
import { applyEvent, applyIntuneEnrollments } from '../../../renderer/state/bench-state';
import type { IntuneEnrollmentView, IntuneStatusView } from '../../../preload/intune-domain';
import { device } from '../fixtures';
import { job, loadedStore, renderWithStore } from '../store-fixtures';

afterEach(cleanup);

const at1432 = new Date(2026, 11, 5, 14, 32).getTime();
const enrolled = (serial: string): IntuneEnrollmentView => ({
  serial,
  push: 'pushed',
  pushedAt: at1432 - 600_000,
  enrollment: 'enrolled',
  enrolledAt: at1432,
  checkedAt: at1432,
  enrollmentType: 'appleBulkWithoutUser',
  supervised: true,
});

function storeWith(list: readonly IntuneEnrollmentView[]) {
  const store = loadedStore({ devices: [device(1), device(2)] });
  let state = store.getState();
  state = {
    ...state,
    jobs: {
      [device(1).ecid]: job(1, { phase: 'succeeded' }),
      [device(2).ecid]: job(2, { phase: 'succeeded' }),
    },
  };
  store.set(applyIntuneEnrollments(state, list));
  return store;
}

describe('Intune on the card and in Results', () => {
  it('a finished card says Enrolled in Intune with the time', () => {
    renderWithStore(
      <ConnectedDeviceCard ecid={device(1).ecid} compact={false} />,
      storeWith([enrolled('SER1')]),
    );
    expect(screen.getByText('Enrolled in Intune 14:32')).toBeTruthy();
  });

  it('the intuneEnrollmentChanged event updates the card; a device not seen says so', () => {
    const store = storeWith([]);
    renderWithStore(<ConnectedDeviceCard ecid={device(2).ecid} compact={false} />, store);
    expect(screen.queryByText(/Intune/)).toBeNull();
    const seq = store.getState().seq + 1;
    act(() =>
      store.set(
        applyEvent(store.getState(), {
          channel: 'intuneEnrollmentChanged',
          payload: { seq, enrollment: { serial: 'SER2', enrollment: 'not-seen', checkedAt: 1 } },
        }),
      ),
    );
    expect(screen.getByText('Not seen by Intune')).toBeTruthy();
  });

  it('Results counts the enrolled and lists the rest with what to do', () => {
    renderWithStore(
      <ResultsView onRetryFailed={() => undefined} onOpenLog={() => undefined} />,
      storeWith([
        enrolled('SER1'),
        { serial: 'SER2', push: 'failed', pushWhy: 'Intune refused this serial' },
      ]),
    );
    expect(screen.getByRole('heading', { name: 'Enrolled in Intune: 1 of 2' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Not enrolled in Intune yet' });
    expect(within(table).getByText('SER2')).toBeTruthy();
    expect(within(table).getByText('Push to Intune failed')).toBeTruthy();
    expect(within(table).getByText('Intune refused this serial')).toBeTruthy();
  });
});

describe('Settings › Intune: serial push', () => {
  it('turns push on through the channel and shows a refusal in words', async () => {
    let status: IntuneStatusView = { connected: true, refreshDays: 7, pushSerials: false };
    const calls: boolean[] = [];
    const api = {
      setIntunePushSerials: async ({ on }: { on: boolean }) => {
        calls.push(on);
        if (calls.length > 1)
          return {
            ok: false as const,
            error: {
              code: 'invalid-request' as const,
              title: 'Consent not granted',
              detail: 'Ask an admin.',
              retryable: false,
            },
          };
        status = { ...status, pushSerials: on };
        return { ok: true as const, value: status };
      },
    };
    const view = render(<IntunePushToggle api={api} status={status} onStatus={(s) => (status = s)} />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Push prepared serials to Intune' }));
    await waitFor(() => expect(status.pushSerials).toBe(true));
    view.rerender(<IntunePushToggle api={api} status={status} onStatus={(s) => (status = s)} />);
    expect((screen.getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox'));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Consent not granted');
    expect(calls).toEqual([true, false]);
  });
});
