/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Ecid, Result } from '../../../preload/domain';
import type { JobAction, JobView } from '../../../preload/jobs-domain';
import { CardActionsContext, type CardActions } from '../../../renderer/bench/card-actions';
import { DeviceGrid } from '../../../renderer/bench/device-grid';
import { applySnapshot, initialBenchState } from '../../../renderer/state/bench-state';
import { device, snapshot } from '../fixtures';
import { job, renderWithStore, staticStore } from '../store-fixtures';

afterEach(cleanup);

const waiting = (n: number, reason: 'approve-profile' | 'in-use'): JobView =>
  job(n, { phase: 'waiting-for-operator', waiting: { reason, instruction: 'Do it.', since: 1 } });

/** A cart of 8 (the grid selects from 7): every kind of card a bulk action must tell apart. */
const jobs: JobView[] = [
  job(1, { phase: 'failed' }),
  job(2, { phase: 'failed' }),
  waiting(3, 'approve-profile'),
  waiting(4, 'in-use'),
  job(5, { phase: 'running' }),
  job(6, { phase: 'succeeded' }),
  job(7, { phase: 'countdown' }),
  job(8, { phase: 'queued' }),
];
const devices = jobs.map((_, i) => device(i + 1));
const ecid = (n: number): Ecid => device(n).ecid;

function benchWith(list: readonly JobView[] = jobs, on = devices) {
  const empty = snapshot().jobs;
  return staticStore(
    applySnapshot(
      initialBenchState,
      snapshot({ devices: on, jobs: { ...empty, jobs: [...list], run: { ...empty.run, armed: true } } }),
    ),
  );
}

/** Main's answers: it refuses device 2's retry (as it would a card that changed since), does the rest. */
function renderGrid(store = benchWith()) {
  const calls: string[] = [];
  const runJobAction = vi.fn(async (e: Ecid, action: JobAction): Promise<Result<unknown>> => {
    calls.push(`${action} ${e}`);
    if (e === ecid(2))
      return {
        ok: false,
        error: {
          code: 'invalid-request',
          title: 'Nothing to retry',
          detail: 'It is running.',
          retryable: false,
        },
      };
    return { ok: true, value: undefined };
  });
  const actions: CardActions = { onJobAction: vi.fn(), onDismissError: vi.fn(), runJobAction };
  renderWithStore(
    <CardActionsContext.Provider value={actions}>
      <DeviceGrid />
    </CardActionsContext.Provider>,
    store,
  );
  return { calls, store, runJobAction };
}

const box = (n: number) => screen.getByRole('checkbox', { name: new RegExp(`at Port 2 › ${n}$`) });

describe('selecting several devices on the grid', () => {
  it('gives each card a select box and selects all failed; bulk Retry acts on them and says what main refused', async () => {
    const { calls, runJobAction } = renderGrid();
    expect(screen.getAllByRole('checkbox')).toHaveLength(8);
    const menu = screen.getByRole('combobox', { name: 'Select' });
    expect(screen.getByRole('option', { name: 'All failed (2)' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'All needing you (2)' })).toBeTruthy();
    fireEvent.change(menu, { target: { value: 'failed' } });
    expect(screen.getByText('2 selected')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skip 2 selected devices' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Cancel \d/ })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry 2 selected devices' }));
    const status = await screen.findByRole('status');
    expect(calls).toEqual([`retry ${ecid(1)}`, `retry ${ecid(2)}`]);
    // Each with the phase its card showed, so main refuses a job that has moved on since.
    expect(runJobAction).toHaveBeenCalledWith(ecid(1), 'retry', 'failed');
    expect(status.textContent).toBe(
      'Retry: 1 done. 1 refused: Port 2 › 2 (SER2): Nothing to retry. It is running.',
    );
  });

  it('offers only what a selected card offers; never Start now for a device in use; several cancels ask once', async () => {
    const { calls } = renderGrid();
    for (const n of [3, 4, 5, 6, 8]) fireEvent.click(box(n));
    expect(screen.getByText('5 selected')).toBeTruthy();
    const bulk = screen.getAllByRole('button', { name: /selected device/ }).map((b) => b.textContent);
    // Waiting, running and queued cards cancel; waiting and in-use skip; the done card offers none of them.
    expect(bulk).toEqual(['Cancel 3', 'Skip 2']);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel 3 selected devices' }));
    expect(calls).toEqual([]);
    expect(screen.getByRole('alert').textContent).toContain('Cancel the jobs of 3 devices?');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel 3 jobs' }));
    await screen.findByRole('status');
    expect(calls).toEqual([`cancel ${ecid(3)}`, `cancel ${ecid(5)}`, `cancel ${ecid(8)}`]);
    expect(screen.getByRole('status').textContent).toBe(
      'Cancel: 3 done. 2 selected devices left as they are: no Cancel on their card now.',
    );
  });

  it('shift-click selects the range shown; a device that leaves the bench leaves the selection', async () => {
    const { store } = renderGrid();
    fireEvent.click(box(2));
    fireEvent.click(box(6), { shiftKey: true });
    expect(screen.getByText('5 selected')).toBeTruthy();
    expect([2, 3, 4, 5, 6].every((n) => (box(n) as HTMLInputElement).checked)).toBe(true);
    expect((box(1) as HTMLInputElement).checked).toBe(false);
    act(() =>
      store.set(
        // Unplugged and its job gone: it has left the bench (one off USB under an active job stays, away).
        benchWith(
          jobs.filter((j) => j.ecid !== ecid(4)),
          devices.filter((d) => d.ecid !== ecid(4)),
        ).getState(),
      ),
    );
    await waitFor(() => expect(screen.getByText('4 selected')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('group', { name: 'Selected devices' })).toBeNull();
    // The menu's All needing you adds the waiting cards shown: device 3 (device 4 has left the bench).
    fireEvent.change(screen.getByRole('combobox', { name: 'Select' }), { target: { value: 'needing' } });
    expect(screen.getByText('1 selected')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Select' }), { target: { value: 'none' } });
    expect(screen.queryByRole('group', { name: 'Selected devices' })).toBeNull();
  });

  it('a grid of fewer than 7 has no select boxes and no selection bar', () => {
    renderGrid(benchWith(jobs.slice(0, 3), devices.slice(0, 3)));
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.queryByRole('combobox', { name: 'Select' })).toBeNull();
  });

  it('a full cart (compact cards): the device selected alone fills the details strip with its whole failure', () => {
    const error = {
      code: 'no-such-profile',
      title: 'The profile is not on the device',
      detail: 'Then Retry.',
      retryable: true,
    } as const;
    const cart = Array.from({ length: 13 }, (_, i) =>
      i === 0 ? job(1, { phase: 'failed', error }) : job(i + 1),
    );
    renderGrid(
      benchWith(
        cart,
        cart.map((_, i) => device(i + 1)),
      ),
    );
    expect(document.querySelector('.details-strip')?.textContent).toBe('');
    fireEvent.click(box(1));
    expect(
      screen.getByText('Port 2 › 1 · SER1 · Failed: The profile is not on the device. Then Retry.'),
    ).toBeTruthy();
    // The compact card itself shows the whole title on its own line, not cut after "Failed: The p".
    expect(document.querySelector('.failed-title')?.textContent).toBe(error.title);
  });
});
