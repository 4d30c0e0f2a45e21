/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app';
import { createBenchStore } from '../../renderer/state/bench-store';
import { device, FakeBenchApi, snapshot } from './fixtures';
import { job } from './store-fixtures';

afterEach(cleanup);

async function renderApp(api: FakeBenchApi) {
  const store = createBenchStore(api);
  await act(async () => {
    render(<App api={api} store={store} />);
  });
  return store;
}

describe('App', () => {
  it('shows the empty bench with the simulation banner and controls', async () => {
    await renderApp(new FakeBenchApi());
    expect(screen.getByRole('heading', { name: 'Plug in an iPhone or iPad…' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Simulation' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Simulator controls' })).toBeTruthy();
    expect(screen.getByRole('main', { name: 'Devices' })).toBeTruthy();
  });

  it('draws a card per device and follows events, announcing only what needs a person', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({ ok: true, value: snapshot({ seq: 1, devices: [device(1), device(2)] }) });
    await renderApp(api);
    expect(screen.getAllByRole('article')).toHaveLength(2);
    act(() => api.emit('devicesChanged', { seq: 2, devices: [device(1), device(2), device(3)] }));
    expect(screen.getAllByRole('article')).toHaveLength(3);
    const live = screen.getByRole('status');
    expect(live.textContent).toBe('');
    act(() => api.emit('jobChanged', { seq: 3, job: job(3, { progress: 0.2 }) }));
    expect(live.textContent).toBe('');
    act(() =>
      api.emit('jobChanged', {
        seq: 4,
        job: job(3, {
          phase: 'waiting-for-operator',
          waiting: { reason: 'tap-trust', instruction: 'Tap Trust on the device.', since: 1 },
        }),
      }),
    );
    expect(live.textContent).toBe('Port 2 › 3: Tap Trust on the device.');
  });

  it('unplugs a simulated device through bench.simulate and shows a refusal', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({ ok: true, value: snapshot({ seq: 1, devices: [device(1)] }) });
    api.simulateResult = {
      ok: false,
      error: {
        code: 'invalid-request',
        title: 'The request was refused',
        detail: 'No such device.',
        retryable: false,
      },
    };
    await renderApp(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /^Unplug iPad 1/ })));
    expect(api.actions).toEqual([{ type: 'detach', ecid: device(1).ecid }]);
    expect(screen.getByRole('alert').textContent).toContain('No such device.');
  });

  it('hides simulator controls and Unplug with real cfgutil', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({
      ok: true,
      value: snapshot({ devices: [device(1)], engine: { kind: 'cfgutil', path: '/usr/local/bin/cfgutil' } }),
    });
    await renderApp(api);
    expect(screen.getAllByRole('article')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /Unplug/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Simulator controls' })).toBeNull();
    // The panel buttons are on every bench.
    expect(screen.getByRole('button', { name: 'Preflight' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Simulation' })).toBeNull();
  });

  it('shows the preflight screen when cfgutil is missing and switches to the simulator on request', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({
      ok: true,
      value: snapshot({ engine: { kind: 'missing', searched: ['/usr/local/bin/cfgutil'] } }),
    });
    await renderApp(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Use the simulator' })));
    expect(api.useSimulatorCalls).toBe(1);
    act(() => api.emit('engineChanged', { seq: 1, engine: { kind: 'simulator', reason: 'operator-chose' } }));
    expect(screen.queryByRole('button', { name: 'Use the simulator' })).toBeNull();
    expect(screen.getByText(/You chose the simulator/)).toBeTruthy();
  });

  it('offers to retry when the snapshot cannot be loaded', async () => {
    const api = new FakeBenchApi();
    api.snapshots.push({
      ok: false,
      error: { code: 'internal', title: 'Something went wrong', detail: 'Try again.', retryable: true },
    });
    await renderApp(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));
    expect(screen.getByRole('heading', { name: 'Plug in an iPhone or iPad…' })).toBeTruthy();
  });
});
