/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../preload/contract';
import type { PreflightReport } from '../../../preload/preflight-domain';
import { BenchPanelButtons } from '../../../renderer/preflight/bench-panel-buttons';
import { PreflightPanel } from '../../../renderer/preflight/preflight-panel';
import { FakeBenchApi } from '../fixtures';

afterEach(cleanup);

const LEFTOVER = 'A1B2C3D4-0000-4000-8000-000000000001';

function report(extra: Partial<PreflightReport> = {}): PreflightReport {
  return {
    checkedAt: Date.parse('2026-12-01T12:00:00Z'),
    overall: 'problem',
    checks: [
      { id: 'cfgutil-found', title: 'cfgutil', status: 'ok', sentence: 'Found at /usr/local/bin/cfgutil.' },
      {
        id: 'supervision-identity',
        title: 'Supervision identity',
        status: 'problem',
        sentence: 'No supervision identity: devices cannot be supervised.',
        fix: 'Import the identity exported from Apple Configurator.',
      },
    ],
    leftovers: {
      folder: '/var/folders/x/TemporaryItems',
      simulated: false,
      items: [{ name: LEFTOVER, sizeBytes: 6_200_000_000, modifiedAt: 0 }],
      totalBytes: 6_200_000_000,
      incomplete: false,
    },
    ...extra,
  };
}

describe('PreflightPanel', () => {
  it('is a labelled dialog listing every check with its status in words and its fix', async () => {
    const api = new FakeBenchApi();
    api.getPreflight = async () => ({ ok: true, value: report() });
    render(<PreflightPanel api={api} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Preflight' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(await within(dialog).findByText('Not ready: fix the problems below.')).toBeTruthy();
    const rows = within(dialog).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      '✓cfgutil OKFound at /usr/local/bin/cfgutil.',
      '✕Supervision identity ProblemNo supervision identity: devices cannot be supervised.Fix: Import the identity exported from Apple Configurator.',
    ]);
  });

  it('deletes leftovers only after the operator confirms, naming each folder', async () => {
    const api = new FakeBenchApi();
    let leftovers = true;
    api.getPreflight = async () => ({
      ok: true,
      value: leftovers
        ? report()
        : report({ leftovers: { ...report().leftovers!, items: [], totalBytes: 0 } }),
    });
    const clean = vi.fn(async ({ names }: { readonly names: readonly string[] }) => {
      leftovers = false;
      return { ok: true as const, value: { deleted: [...names], freedBytes: 6_200_000_000, skipped: [] } };
    });
    api.cleanRestoreLeftovers = clean;
    render(<PreflightPanel api={api} onClose={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clean up… (1 folder, 6.2 GB)' }));
    expect(clean).not.toHaveBeenCalled();
    expect(screen.getByText('Delete 1 folder, 6.2 GB? This cannot be undone.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete 1 folder' }));
    await waitFor(() => expect(clean).toHaveBeenCalledWith({ names: [LEFTOVER] }));
    expect(await screen.findByText(/Deleted 1 folder, 6.2 GB freed./)).toBeTruthy();
    expect(await screen.findByText('Nothing to clean in cfgutil’s temporary folder.')).toBeTruthy();
  });

  it('shows the bench refusal when the checks cannot run', async () => {
    const api = new FakeBenchApi();
    render(<PreflightPanel api={api} onClose={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Preflight and settings is not available here',
    );
  });
});

describe('BenchPanelButtons', () => {
  it('opens each panel from its button, closes it with Escape, and gives focus back', async () => {
    const api = new FakeBenchApi();
    api.getPreflight = async () => ({ ok: true, value: report() });
    render(<BenchPanelButtons api={api} />);
    const button = screen.getByRole('button', { name: 'Preflight' });
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Preflight' });
    expect(document.activeElement?.textContent).toBe('Preflight');
    expect(document.activeElement?.tagName).toBe('H2');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByRole('dialog', { name: 'Settings' })).toBeTruthy();
  });

  it('opens the panel the Mac menu bar asks for (Settings… ⌘, or Preflight…)', async () => {
    const api = new FakeBenchApi();
    api.getPreflight = async () => ({ ok: true, value: report() });
    let tell: ((command: MenuCommand) => void) | undefined;
    api.onMenuCommand = (listener) => {
      tell = listener;
      return () => (tell = undefined);
    };
    const view = render(<BenchPanelButtons api={api} />);
    act(() => tell?.('open-settings'));
    expect(await screen.findByRole('dialog', { name: 'Settings' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    act(() => tell?.('open-preflight'));
    expect(await screen.findByRole('dialog', { name: 'Preflight' })).toBeTruthy();
    view.unmount();
    expect(tell).toBeUndefined();
  });
});
