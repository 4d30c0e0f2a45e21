/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunNotices } from '../../../renderer/bench/notices';

afterEach(cleanup);

describe('RunNotices', () => {
  it('says jobs are paused, as an alert, while their record cannot be written', () => {
    render(
      <RunNotices
        recordingProblem="The disk is full: free some space and jobs go on by themselves."
        concurrencyNote={undefined}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Jobs are paused');
    expect(alert.textContent).toContain('The disk is full');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('explains a cap the bench lowered itself, and shows nothing when all is well', () => {
    const { rerender } = render(
      <RunNotices recordingProblem={undefined} concurrencyNote="Devices kept dropping off USB: 4 at once." />,
    );
    expect(screen.getByRole('status').textContent).toContain('dropping off USB');
    rerender(<RunNotices recordingProblem={undefined} concurrencyNote={undefined} />);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('RunNotices: a cap the bench lowered', () => {
  it('shows the cap in force and the setting, with "Back to" the setting', () => {
    const onRestoreCap = vi.fn();
    render(
      <RunNotices
        recordingProblem={undefined}
        concurrencyNote="Lowered to 2 heavy steps at once: 3 devices dropped off USB mid-step within 10 min."
        cap={{ inForce: 2, setting: 8 }}
        onRestoreCap={onRestoreCap}
      />,
    );
    expect(screen.getByRole('status').textContent).toContain('Fewer devices at once: 2 of your 8.');
    fireEvent.click(screen.getByRole('button', { name: 'Back to 8' }));
    expect(onRestoreCap).toHaveBeenCalledOnce();
  });

  it('shows nothing while the cap in force is the setting', () => {
    const { container } = render(
      <RunNotices
        recordingProblem={undefined}
        concurrencyNote={undefined}
        cap={{ inForce: 8, setting: 8 }}
      />,
    );
    expect(container.textContent).toBe('');
  });
});
