/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '../../../preload/jobs-domain';
import { InUseBanner } from '../../../renderer/bench/in-use-banner';
import { applySnapshot, initialBenchState } from '../../../renderer/state/bench-state';
import { device, snapshot } from '../fixtures';
import { job, renderWithStore, staticStore } from '../store-fixtures';

afterEach(cleanup);

const inUse = (n: number, name: string): JobView =>
  job(n, {
    phase: 'waiting-for-operator',
    deviceName: name,
    waiting: { reason: 'in-use', instruction: `In use: erase '${name}'?`, since: 1 },
  });

function benchWith(jobs: readonly JobView[]) {
  const state = applySnapshot(
    initialBenchState,
    snapshot({
      devices: [device(1), device(2), device(3)],
      jobs: { ...snapshot().jobs, jobs: [...jobs] },
    }),
  );
  return staticStore(state);
}

describe('InUseBanner', () => {
  it('is not there while no device is held as in use', () => {
    const locked = job(3, {
      phase: 'waiting-for-operator',
      waiting: { reason: 'unlock-device', instruction: 'Unlock it', since: 1 },
    });
    renderWithStore(<InUseBanner onEraseAll={vi.fn()} />, benchWith([job(1), locked]));
    expect(screen.queryByRole('button', { name: /in-use device/ })).toBeNull();
  });

  it('counts only the in-use jobs, and erases only after the confirm that names each device', () => {
    const onEraseAll = vi.fn();
    const locked = job(3, {
      phase: 'waiting-for-operator',
      waiting: { reason: 'unlock-device', instruction: 'Unlock it', since: 1 },
    });
    renderWithStore(
      <InUseBanner onEraseAll={onEraseAll} />,
      benchWith([inUse(1, 'Logan’s iPhone'), inUse(2, 'Sam’s iPad'), locked]),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Erase the 2 in-use devices on this bench' }));
    expect(onEraseAll).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Erase the 2 in-use devices on this bench?' });
    expect(within(dialog).getByText('Logan’s iPhone · serial SER1')).toBeTruthy();
    expect(within(dialog).getByText('Sam’s iPad · serial SER2')).toBeTruthy();
    expect(within(dialog).queryByText(/SER3/)).toBeNull();
    // Focus is moved into the dialog and Tab from its last button wraps to its first.
    expect(dialog.contains(document.activeElement)).toBe(true);
    const buttons = within(dialog).getAllByRole('button');
    buttons[buttons.length - 1]?.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase 2' }));
    expect(onEraseAll).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Close (or Escape) leaves every device as it is', () => {
    const onEraseAll = vi.fn();
    const store = benchWith([inUse(1, 'Logan’s iPhone')]);
    renderWithStore(<InUseBanner onEraseAll={onEraseAll} />, store);
    fireEvent.click(screen.getByRole('button', { name: 'Erase the 1 in-use device on this bench' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Erase the 1 in-use device on this bench' }));
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onEraseAll).not.toHaveBeenCalled();
    // Once the job no longer waits on the question, the banner goes.
    act(() => store.set(applySnapshot(initialBenchState, snapshot({ devices: [device(1)] }))));
    expect(screen.queryByRole('button', { name: /in-use device/ })).toBeNull();
  });
});
