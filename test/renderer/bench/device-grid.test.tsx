/** @vitest-environment jsdom */
/**
 * A device that leaves USB while its job goes on (erase and prepare restart it) keeps its card, marked away,
 * and the toolbar's count holds; once its job ends with the device gone, the card goes.
 */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import type { Device } from '../../../preload/domain';
import type { JobPhase } from '../../../preload/jobs-domain';
import { CardActionsContext } from '../../../renderer/bench/card-actions';
import { DeviceGrid, compactThreshold } from '../../../renderer/bench/device-grid';
import { applyEvent } from '../../../renderer/state/bench-state';
import { device } from '../fixtures';
import { job, loadedStore, renderWithStore, type StaticStore } from '../store-fixtures';

afterEach(cleanup);

let seq = 10;
function fold(store: StaticStore, event: BenchEvent) {
  act(() => store.set(applyEvent(store.getState(), event)));
}
const devicesChanged = (devices: Device[]): BenchEvent => ({
  channel: 'devicesChanged',
  payload: { seq: ++seq, devices },
});
const jobChanged = (n: number, phase: JobPhase): BenchEvent => ({
  channel: 'jobChanged',
  payload: { seq: ++seq, job: job(n, { phase }) },
});

function cart(count: number) {
  const devices = Array.from({ length: count }, (_, i) => device(i + 1));
  const store = loadedStore({ seq: 1, devices });
  for (let n = 1; n <= count; n++) fold(store, jobChanged(n, 'running'));
  const actions = { onJobAction: () => {}, onDismissError: () => {}, onUnplug: () => {} };
  renderWithStore(
    <CardActionsContext.Provider value={actions}>
      <DeviceGrid />
    </CardActionsContext.Provider>,
    store,
  );
  return { store, devices };
}

const card = (n: number) => document.querySelector<HTMLElement>(`article[data-ecid="${device(n).ecid}"]`);

describe('DeviceGrid while devices restart', () => {
  it('keeps a restarting device’s card, says it is off USB, hides Unplug, and drops it once the job ends', () => {
    const { store, devices } = cart(3);
    fold(store, devicesChanged(devices.filter((d) => d.ecid !== device(2).ecid)));
    const away = card(2);
    expect(away).not.toBeNull();
    expect(away?.dataset.away).toBe('true');
    expect(within(away!).getByText('Restarting – off USB for now')).toBeTruthy();
    expect(within(away!).getByText('Port 2 › 2')).toBeTruthy();
    expect(within(away!).getByText('SER2')).toBeTruthy();
    expect(within(away!).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40');
    expect(within(away!).queryByRole('button', { name: /Unplug/ })).toBeNull();
    expect(within(card(1)!).getByRole('button', { name: /Unplug/ })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(3);

    fold(store, jobChanged(2, 'succeeded'));
    expect(card(2)).toBeNull();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('replaces the away card with the returning device, unmarked', () => {
    const { store, devices } = cart(2);
    fold(store, devicesChanged([devices[0]!]));
    expect(card(2)?.dataset.away).toBe('true');
    fold(store, devicesChanged(devices));
    expect(card(2)?.dataset.away).toBeUndefined();
    expect(within(card(2)!).queryByText('Restarting – off USB for now')).toBeNull();
  });

  it('keeps a full cart’s count and cards while a third of it restarts, each compact card saying Off USB', () => {
    const count = compactThreshold + 3;
    const { store, devices } = cart(count);
    expect(screen.getByText(`${count} devices`)).toBeTruthy();
    act(() => (within(card(1)!).getByRole('checkbox') as HTMLInputElement).click());
    fold(store, devicesChanged(devices.filter((_, i) => i % 3 !== 0)));
    expect(screen.getByText(`${count} devices`)).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(count);
    const away = document.querySelectorAll('article[data-away="true"]');
    // A restarting device is still on the bench: the selection keeps it (it was selected before it left).
    expect(card(1)?.dataset.away).toBe('true');
    expect((within(card(1)!).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('1 selected')).toBeTruthy();
    for (const a of away) {
      expect(within(a as HTMLElement).getByText('Off USB')).toBeTruthy();
      expect(within(a as HTMLElement).queryByRole('button', { name: /Unplug/ })).toBeNull();
    }
  });
});
