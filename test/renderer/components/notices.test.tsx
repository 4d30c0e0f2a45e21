/** @vitest-environment jsdom */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RunNotices } from '../../../renderer/components/notices';

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
