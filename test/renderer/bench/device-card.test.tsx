/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeviceCard } from '../../../renderer/bench/device-card';
import { compactThreshold, DeviceGrid, sortByPort } from '../../../renderer/bench/device-grid';
import { device } from '../fixtures';
import { loadedStore, renderWithStore } from '../store-fixtures';

afterEach(cleanup);

describe('DeviceCard', () => {
  it('shows name, model, port, serial, ECID and the state as icon plus word', () => {
    render(<DeviceCard device={device(3, { mode: 'recovery' })} />);
    const card = screen.getByRole('article', { name: 'iPad 3' });
    expect(within(card).getByText('iPad (10th generation)')).toBeTruthy();
    expect(within(card).getByText('Port 2 › 3')).toBeTruthy();
    expect(within(card).getByText('SER3')).toBeTruthy();
    expect(within(card).getByText('0x1003')).toBeTruthy();
    const status = within(card).getByText('Recovery mode').parentElement as HTMLElement;
    expect(status.querySelector('svg.status-icon')).not.toBeNull();
    expect(card.className).toContain('tone-attention');
  });

  it('shows the model instead of a bare family name, once', () => {
    render(
      <DeviceCard
        device={{
          ecid: '0xAC',
          name: 'iPad',
          model: 'iPad mini (6th generation)',
          mode: 'normal',
          attachedAt: 1,
        }}
        compact
      />,
    );
    const card = screen.getByRole('article', { name: 'iPad mini (6th generation)' });
    expect(within(card).getAllByText(/iPad/)).toHaveLength(1);
  });

  it('falls back to the product type and says when the port is unknown', () => {
    render(<DeviceCard device={{ ecid: '0xAB', deviceType: 'iPhone14,7', mode: 'other', attachedAt: 1 }} />);
    const card = screen.getByRole('article', { name: 'iPhone14,7' });
    expect(within(card).getByText('Port unknown')).toBeTruthy();
    expect(within(card).getByText('Unknown mode')).toBeTruthy();
    expect(within(card).queryByText('Serial')).toBeNull();
  });

  it('offers Unplug only when given a handler, and names the device in its label', () => {
    const onUnplug = vi.fn();
    const { rerender } = render(<DeviceCard device={device(1)} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<DeviceCard device={device(1)} onUnplug={onUnplug} />);
    fireEvent.click(screen.getByRole('button', { name: 'Unplug iPad 1 at Port 2 › 1' }));
    expect(onUnplug).toHaveBeenCalledWith(device(1));
  });

  it('leaves out the identifiers when compact', () => {
    render(<DeviceCard device={device(1)} compact />);
    expect(screen.queryByText('0x1001')).toBeNull();
    expect(screen.getByText('Connected')).toBeTruthy();
  });
});

describe('DeviceGrid', () => {
  it('orders devices by port with numbers compared as numbers', () => {
    const sorted = sortByPort([device(10), device(9), device(1, { portLabel: undefined }), device(2)]);
    expect(sorted.map((d) => d.portLabel)).toEqual(['Port 2 › 2', 'Port 2 › 9', 'Port 2 › 10', undefined]);
  });

  it('goes compact above the threshold', () => {
    const few = Array.from({ length: compactThreshold }, (_, i) => device(i + 1));
    const store = loadedStore({ devices: few });
    renderWithStore(<DeviceGrid />, store);
    expect(screen.getByRole('list', { name: 'Attached devices' }).className).not.toContain('compact');
    expect(screen.getAllByRole('article')).toHaveLength(compactThreshold);
    act(() => store.set({ ...store.getState(), devices: [...few, device(99)] }));
    expect(screen.getByRole('list', { name: 'Attached devices' }).className).toContain('compact');
    expect(screen.getAllByRole('article')).toHaveLength(compactThreshold + 1);
  });
});
