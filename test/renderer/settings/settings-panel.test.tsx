/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsPatchView, SettingsView } from '../../../preload/preflight-domain';
import { SettingsPanel } from '../../../renderer/settings/settings-panel';
import { FakeBenchApi } from '../fixtures';

afterEach(cleanup);

const view: SettingsView = {
  settings: {
    concurrency: 8,
    countdownSeconds: 5,
    stationName: 'Bench-Mac',
    ignore: { serials: ['F9FXQ0A1HG7Q'], ecids: [] },
    defaultWorkflowId: 'supervise-and-enroll',
    sounds: false,
    notify: true,
  },
  changed: ['ignore'],
  limits: { concurrency: { min: 1, max: 64 }, countdownSeconds: { min: 0, max: 60 }, stationNameMax: 64 },
  workflows: [
    { id: 'supervise-and-enroll', name: 'Supervise and enroll' },
    { id: 'enroll-in-place', name: 'Enroll in place' },
  ],
  problems: [],
  file: '/data/settings.json',
};

function fake() {
  const api = new FakeBenchApi();
  api.getSettings = async () => ({ ok: true, value: view });
  return api;
}

describe('SettingsPanel', () => {
  it('says beside the cap setting what is in force while the bench has lowered it', async () => {
    render(<SettingsPanel api={fake()} capInForce={2} onClose={() => {}} />);
    const field = await screen.findByLabelText('Heavy steps at once');
    const hint = document.getElementById(field.getAttribute('aria-describedby')?.split(' ')[0] ?? '');
    expect(hint?.textContent).toContain('In force now: 2');
    expect(hint?.textContent).toContain('Back to 8');
  });

  it('labels every field and sends only what changed', async () => {
    const api = fake();
    const saved: SettingsPatchView[] = [];
    api.saveSettings = vi.fn(async ({ patch }) => {
      saved.push(patch);
      return { ok: true as const, value: { saved: true as const, view } };
    });
    render(<SettingsPanel api={api} onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText('Heavy steps at once'), { target: { value: '12' } });
    fireEvent.change(screen.getByLabelText('Default workflow'), { target: { value: 'enroll-in-place' } });
    fireEvent.click(screen.getByLabelText('Play a sound with those notifications'));
    fireEvent.click(screen.getByLabelText('Notify me when a device needs me or a cart finishes'));
    for (const label of ['Countdown (seconds)', 'Station name', 'Serial numbers', 'ECIDs']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(saved).toEqual([
        { concurrency: 12, defaultWorkflowId: 'enroll-in-place', sounds: true, notify: false },
      ]),
    );
    expect(
      await screen.findByText(
        'Saved. The cap, countdown, ignore list and station name apply now; the default workflow at the next start.',
      ),
    ).toBeTruthy();
  });

  it("puts the bench's reason beside the field it refused, described by it and marked invalid", async () => {
    const api = fake();
    api.saveSettings = async () => ({
      ok: true,
      value: { saved: false, errors: [{ field: 'countdownSeconds', message: 'Must be from 0 to 60.' }] },
    });
    render(<SettingsPanel api={api} onClose={() => {}} />);
    const countdown = await screen.findByLabelText('Countdown (seconds)');
    fireEvent.change(countdown, { target: { value: '99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Must be from 0 to 60.');
    expect(countdown.getAttribute('aria-invalid')).toBe('true');
    const described = (countdown.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Must be from 0 to 60.');
    expect(screen.getByLabelText('Heavy steps at once').getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('status').textContent).toBe('Not saved: one field needs a change.');
    // The refused field is brought into view and focused, so its sentence is where the operator is.
    expect(document.activeElement).toBe(countdown);
  });

  it('sends the ignore list one entry per line', async () => {
    const api = fake();
    const save = vi.fn(async () => ({ ok: true as const, value: { saved: true as const, view } }));
    api.saveSettings = save;
    render(<SettingsPanel api={api} onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText('Serial numbers'), {
      target: { value: 'F9FXQ0A1HG7Q\n\n dmpx1001q1gh ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(save).toHaveBeenCalledWith({
        patch: { ignore: { serials: ['F9FXQ0A1HG7Q', 'dmpx1001q1gh'], ecids: [] } },
      }),
    );
  });
});

describe('SettingsPanel ignore list errors', () => {
  it('puts an ECID refusal under the ECIDs, not the serial numbers', async () => {
    const api = fake();
    api.saveSettings = async () => ({
      ok: true,
      value: {
        saved: false,
        errors: [
          { field: 'ignore', message: 'An ECID is hexadecimal, such as 0x1A2B3C4D5E6F (ecids, entry 1).' },
        ],
      },
    });
    render(<SettingsPanel api={api} onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText('ECIDs'), { target: { value: 'zz' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/An ECID is hexadecimal/);
    expect(screen.getByLabelText('ECIDs').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Serial numbers').getAttribute('aria-invalid')).toBe('false');
  });
});
