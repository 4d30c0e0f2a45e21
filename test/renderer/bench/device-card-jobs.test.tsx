/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceCard } from '../../../renderer/bench/device-card';
import { BenchHeader } from '../../../renderer/bench/bench-header';
import { device } from '../fixtures';
import { facts, job, loadedStore, renderWithStore } from '../store-fixtures';

afterEach(cleanup);

const waiting = job(1, {
  phase: 'waiting-for-operator',
  waiting: {
    reason: 'tap-trust',
    instruction: 'Tap Trust on the iPad, then enter its passcode.',
    since: 1,
  },
});

describe('DeviceCard with a job', () => {
  it('shows the step in words, the progress as a bar and a percent', () => {
    render(<DeviceCard device={device(1)} job={job(1, { progress: 0.42 })} />);
    const card = screen.getByRole('article', { name: 'iPad 1' });
    expect(within(card).getByText('Installing the Intune profile')).toBeTruthy();
    expect(within(card).getByText('42%')).toBeTruthy();
    expect(within(card).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('42');
    expect(within(card).getByLabelText(/elapsed$/)).toBeTruthy();
  });

  it('puts the instruction in large type with the picture for its reason, and the hands in simulation', () => {
    const onSimulate = vi.fn();
    const onJobAction = vi.fn();
    render(<DeviceCard device={device(1)} job={waiting} onSimulate={onSimulate} onJobAction={onJobAction} />);
    const card = screen.getByRole('article', { name: 'iPad 1' });
    expect(within(card).getByText('Tap Trust on the iPad, then enter its passcode.')).toBeTruthy();
    expect(card.querySelector('svg.operator-picture')?.getAttribute('data-reason')).toBe('tap-trust');
    fireEvent.click(within(card).getByRole('button', { name: "Don't Trust: iPad 1 at Port 2 › 1" }));
    expect(onSimulate).toHaveBeenCalledWith({ type: 'deny-trust', ecid: device(1).ecid });
    fireEvent.click(within(card).getByRole('button', { name: 'Skip: iPad 1 at Port 2 › 1' }));
    expect(onJobAction).toHaveBeenCalledWith(device(1).ecid, 'skip');
  });

  it('offers the action each instruction names, and says which wait it answers', () => {
    const named = [
      ['finish-setup-assistant', 'Continue'],
      ['approve-profile', 'I approved it'],
      ['activation-lock', 'Retry'],
      ['tap-trust', 'I tapped Trust'],
      ['unlock-device', 'It’s unlocked'],
      ['mac-offline', 'Retry'],
    ] as const;
    for (const [reason, words] of named) {
      const onJobAction = vi.fn();
      const waits = job(1, {
        phase: 'waiting-for-operator',
        waiting: { reason, instruction: '…', since: 1 },
      });
      render(<DeviceCard device={device(1)} job={waits} onJobAction={onJobAction} />);
      fireEvent.click(screen.getByRole('button', { name: `${words}: iPad 1 at Port 2 › 1` }));
      expect(onJobAction).toHaveBeenCalledWith(device(1).ecid, 'continue', reason);
      cleanup();
    }
    // Plugging the device back in is the answer: no button could do it.
    const replug = job(1, {
      phase: 'waiting-for-operator',
      waiting: { reason: 'reconnect-device', instruction: '…', since: 1 },
    });
    render(<DeviceCard device={device(1)} job={replug} onJobAction={() => {}} />);
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Cancel', 'Skip']);
  });

  it('shows no simulated hands on a real bench', () => {
    render(<DeviceCard device={device(1)} job={waiting} onJobAction={() => {}} />);
    expect(screen.queryByRole('button', { name: /^Trust/ })).toBeNull();
  });

  it('shows a failure with its title and fix, and Retry', () => {
    const onJobAction = vi.fn();
    const failed = job(1, {
      phase: 'failed',
      error: {
        code: 'trust-denied',
        title: "Don't Trust was tapped",
        detail: 'Replug and tap Trust.',
        retryable: true,
      },
    });
    render(<DeviceCard device={device(1)} job={failed} onJobAction={onJobAction} />);
    expect(screen.getByText("Don't Trust was tapped")).toBeTruthy();
    expect(screen.getByText('Replug and tap Trust.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry: iPad 1 at Port 2 › 1' }));
    expect(onJobAction).toHaveBeenCalledWith(device(1).ecid, 'retry');
  });

  it('says Done – unplug with the final name', () => {
    render(<DeviceCard device={device(1)} job={job(1, { phase: 'succeeded', finalName: 'iPad-SER1' })} />);
    expect(screen.getByText('Done – unplug')).toBeTruthy();
    expect(screen.getByText('iPad-SER1')).toBeTruthy();
  });

  it('shows the device’s own name beside the bench’s final name when they differ, in both card sizes', () => {
    const done = job(1, { phase: 'succeeded', finalName: 'iPad-F9FX', deviceName: 'Logan’s iPhone' });
    const { unmount } = render(<DeviceCard device={device(1, { name: 'iPad-F9FX' })} job={done} />);
    expect(screen.getByText('iPad-F9FX (was Logan’s iPhone)')).toBeTruthy();
    unmount();
    render(<DeviceCard compact device={device(1, { name: 'iPad-F9FX' })} job={done} />);
    expect(screen.getByText('iPad-F9FX (was Logan’s iPhone)')).toBeTruthy();
  });

  it('shows the own name mid-job once the listed name is ours, and nothing extra when the names agree', () => {
    const renamed = job(1, { deviceName: 'Logan’s iPhone' });
    const { unmount } = render(<DeviceCard device={device(1, { name: 'iPad-F9FX' })} job={renamed} />);
    expect(screen.getByText('(was Logan’s iPhone)')).toBeTruthy();
    unmount();
    render(<DeviceCard device={device(1)} job={job(1, { deviceName: 'iPad 1' })} />);
    expect(screen.queryByText(/was iPad 1/)).toBeNull();
  });

  it('shows the facts before any job, warning with an icon on a lock, another organization and a low battery', () => {
    render(
      <DeviceCard
        device={device(1)}
        facts={facts({
          passcodeLocked: true,
          supervised: true,
          organizationName: 'Fabrikam',
          batteryPercent: 19,
          iosVersion: '17.5.1',
        })}
      />,
    );
    const list = screen.getByRole('list', { name: 'Device facts' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Locked with a passcode',
      'Supervised by Fabrikam',
      'Battery 19%: charge it',
      'iOS 17.5.1',
    ]);
    expect(items.filter((li) => li.querySelector('svg'))).toHaveLength(3);
  });

  it('keeps a full cart card to the port, the state in a few words and one action, with a way to the details', () => {
    const onDetails = vi.fn();
    const failed = job(1, {
      phase: 'failed',
      error: { code: 'timed-out', title: 'cfgutil did not answer', detail: 'Retry.', retryable: true },
    });
    render(
      <DeviceCard device={device(1)} job={failed} compact onDetails={onDetails} onJobAction={() => {}} />,
    );
    const card = screen.getByRole('article', { name: 'iPad 1' });
    // The whole title (up to three lines, never cut to "Failed: cfgu…") with Retry beside it; "Failed" is
    // read out before it, and the cross says it without colour.
    expect(within(card).getByText('cfgutil did not answer').className).toBe('failed-title');
    expect(card.querySelector('.failed-reason')?.textContent).toBe('Failed: cfgutil did not answer');
    expect(
      within(card)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Port 2 › 1', 'Retry']);
    fireEvent.click(within(card).getByRole('button', { name: 'Details: iPad 1 at Port 2 › 1' }));
    expect(onDetails).toHaveBeenCalledWith(device(1).ecid);
  });
});

describe('BenchHeader', () => {
  it('is armed by a switch named Armed, and counts the cart', () => {
    const onArm = vi.fn();
    const store = loadedStore({ devices: [device(1)] });
    renderWithStore(<BenchHeader onArm={onArm} onPause={() => {}} onSelectWorkflow={() => {}} />, store);
    const armed = screen.getByRole('switch', { name: 'Armed' });
    expect(armed.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(armed);
    expect(onArm).toHaveBeenCalledWith(true);
    expect(screen.getByRole('list', { name: 'Cart' }).textContent).toContain('0 need you');
    expect(screen.getByRole('button', { name: 'Pause all' })).toBeTruthy();
  });
});
