/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BenchHeader } from '../../../renderer/bench/bench-header';
import { ConnectionNotice, WatcherNotice } from '../../../renderer/bench/notices';
import { CfgutilMissingScreen } from '../../../renderer/setup/cfgutil-missing-screen';
import { cartAction, SimControls } from '../../../renderer/simulator/sim-controls';
import { SimulationBanner } from '../../../renderer/simulator/simulation-banner';
import { device } from '../fixtures';
import { loadedStore, renderWithStore } from '../store-fixtures';

afterEach(cleanup);

describe('SimulationBanner', () => {
  it('says SIMULATION and why', () => {
    render(<SimulationBanner reason="not-macos" />);
    expect(screen.getByRole('heading', { name: 'Simulation' })).toBeTruthy();
    expect(screen.getByText(/not a Mac/)).toBeTruthy();
  });
});

describe('CfgutilMissingScreen', () => {
  it('explains the Automation Tools install, lists the searched paths and offers the simulator', () => {
    const onUseSimulator = vi.fn();
    render(
      <CfgutilMissingScreen
        searched={['/usr/local/bin/cfgutil', '/Applications/Apple Configurator.app/Contents/MacOS/cfgutil']}
        onUseSimulator={onUseSimulator}
        onRecheck={() => {}}
        onChoosePath={() => {}}
      />,
    );
    expect(screen.getByText('Apple Configurator ▸ Install Automation Tools…')).toBeTruthy();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toContain(
      '/Applications/Apple Configurator.app/Contents/MacOS/cfgutil',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Use the simulator' }));
    expect(onUseSimulator).toHaveBeenCalledTimes(1);
  });
});

describe('CfgutilMissingScreen actions', () => {
  it('checks again, and uses only an absolute path the operator typed', () => {
    const onRecheck = vi.fn();
    const onChoosePath = vi.fn();
    render(
      <CfgutilMissingScreen
        searched={[]}
        onUseSimulator={() => {}}
        onRecheck={onRecheck}
        onChoosePath={onChoosePath}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(onRecheck).toHaveBeenCalledTimes(1);
    const field = screen.getByLabelText('cfgutil is somewhere else');
    const use = screen.getByRole('button', { name: 'Use this cfgutil' }) as HTMLButtonElement;
    fireEvent.change(field, { target: { value: 'cfgutil' } });
    expect(use.disabled).toBe(true);
    fireEvent.change(field, { target: { value: ' /opt/apple/cfgutil ' } });
    fireEvent.click(use);
    expect(onChoosePath).toHaveBeenCalledWith('/opt/apple/cfgutil');
  });
});

describe('SimControls', () => {
  it('sends one simulator action per button and disables Unplug all on an empty bench', () => {
    const onAction = vi.fn();
    const { rerender } = render(<SimControls onAction={onAction} deviceCount={0} />);
    fireEvent.click(screen.getByRole('button', { name: 'Plug in an iPad' }));
    fireEvent.click(screen.getByRole('button', { name: 'Plug in an iPhone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cart of 30 iPads' }));
    expect((screen.getByRole('button', { name: 'Unplug all' }) as HTMLButtonElement).disabled).toBe(true);
    rerender(<SimControls onAction={onAction} deviceCount={2} />);
    fireEvent.click(screen.getByRole('button', { name: 'Unplug all' }));
    expect(onAction.mock.calls.map(([a]) => a)).toEqual([
      { type: 'attach', deviceClass: 'iPad' },
      { type: 'attach', deviceClass: 'iPhone' },
      cartAction,
      { type: 'detach-all' },
    ]);
    expect(cartAction).toMatchObject({ type: 'cart', count: 30 });
  });
});

describe('BenchHeader and notices', () => {
  it('counts devices and those needing a restore', () => {
    renderWithStore(
      <BenchHeader onArm={() => {}} onPause={() => {}} onSelectWorkflow={() => {}} />,
      loadedStore({ devices: [device(1), device(2, { mode: 'dfu' })] }),
    );
    expect(screen.getByLabelText('2 devices on the bench')).toBeTruthy();
    expect(screen.getByText(/1 need a restore/)).toBeTruthy();
  });

  it('shows the watcher notice only when degraded and the connection alert only when lost', () => {
    const { rerender } = render(<WatcherNotice watcher={{ state: 'ok' }} />);
    expect(screen.queryByText(/Device discovery/)).toBeNull();
    rerender(<WatcherNotice watcher={{ state: 'degraded', detail: 'cfgutil list failed' }} />);
    expect(screen.getByRole('status').textContent).toContain('cfgutil list failed');
    rerender(<ConnectionNotice connection="lost" />);
    expect(screen.getByRole('alert').textContent).toContain('Connection to Enroll Bench lost');
  });

  it('tells the operator to open the new URL once the token expired, without promising a reconnect', () => {
    render(<ConnectionNotice connection="expired" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      "This page's access token is no longer valid (the bench was restarted). Open the new URL printed by enroll-bench serve.",
    );
    expect(alert.querySelector('code')?.textContent).toBe('enroll-bench serve');
  });
});
