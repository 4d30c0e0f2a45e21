import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { unavailableLogChannels } from '../../../main/app/unavailable-channels';
import type { ErrorInfo, Result } from '../../../preload/domain';
import { electronMain, FakeBrowserWindow } from '../../fakes/electron-main';
import { jobView, scriptedBench, waiting } from '../../fakes/job-events';
import { settle } from '../../fakes/manual-timers';

vi.mock('electron', async () => (await import('../../fakes/electron-main')).electronMain);

const { installMacShell } = await import('../../../main/electron/mac-shell');

const failure: ErrorInfo = { code: 'unknown', title: 'Erase failed', detail: 'Try again.', retryable: true };

function setUp(attention = { notify: true, sound: false }) {
  const bench = scriptedBench();
  // Today's answer of the exportLog channel: the log area's "not available" refusal.
  const dispatch = vi.fn(async (..._args: unknown[]): Promise<Result<unknown>> =>
    unavailableLogChannels().exportLog({ format: 'csv' }),
  );
  const window = new FakeBrowserWindow();
  const openProfile = vi.fn();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mac-shell-'));
  const shell = installMacShell({
    host: { subscribe: (l) => bench.hub.subscribe(l), dispatch },
    dataDir,
    window: () => window as unknown as BrowserWindow,
    openProfile,
    attention: () => attention,
  });
  shell.adoptWindow(window as unknown as BrowserWindow);
  return { bench, dispatch, window, openProfile, dataDir, shell };
}

type Item = MenuItemConstructorOptions;
function menuItem(...labels: string[]): Item {
  const menu = electronMain.menus.at(-1) as { template: Item[] };
  let items = menu.template;
  let found: Item | undefined;
  for (const label of labels) {
    found = items.find((i) => (i.label ?? i.role) === label);
    items = (found?.submenu ?? []) as Item[];
  }
  if (!found) throw new Error(`no menu item ${labels.join(' ▸ ')}`);
  return found;
}
const click = (item: Item) => (item.click as () => void)();

beforeEach(() => {
  electronMain.badges.length = 0;
  electronMain.notifications.length = 0;
  electronMain.blocks.clear();
  vi.clearAllMocks();
});

describe('installMacShell', () => {
  it('a device waiting for Trust puts 1 on the Dock and keeps the Mac awake; the badge clears when it goes on', () => {
    const { bench } = setUp();
    bench.job(waiting('a', 'tap-trust', 'Tap Trust on the device'));
    expect(electronMain.badges).toEqual(['1']);
    expect(electronMain.blocks.size).toBe(1);
    bench.job(jobView('a', 'running'));
    bench.job(jobView('a', 'succeeded'));
    expect(electronMain.badges).toEqual(['1', '']);
    expect(electronMain.blocks.size).toBe(0);
  });

  it('closing the window or quitting while jobs run asks first; Keep Running keeps both', () => {
    const { bench, window, shell } = setUp();
    expect(window.close()).toBe(false);
    bench.job(jobView('a', 'running'));
    electronMain.dialog.showMessageBoxSync.mockReturnValue(0);
    expect(window.close()).toBe(true);
    expect(shell.allowQuit()).toBe(false);
    const [, box] = electronMain.dialog.showMessageBoxSync.mock.calls[0] as [unknown, { message: string }];
    expect(box.message).toBe('1 device is still being prepared');
  });

  it('remembers where the window was, in the data folder', () => {
    const { window, dataDir } = setUp();
    window.bounds = { x: 40, y: 60, width: 1000, height: 700 };
    window.close();
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'window-state.json'), 'utf8'));
    expect(saved.bounds).toEqual({ x: 40, y: 60, width: 1000, height: 700 });
  });

  it('Settings… and Preflight… ask the window to open its panel, on the window-only menu channel', () => {
    const { window } = setUp();
    click(menuItem('Enroll Bench', 'Settings…'));
    click(menuItem('Enroll Bench', 'Preflight…'));
    expect(window.webContents.send.mock.calls).toEqual([
      ['bench-window:menuCommand', 'open-settings'],
      ['bench-window:menuCommand', 'open-preflight'],
    ]);
    expect(window.show).toHaveBeenCalled();
  });

  it('File ▸ Import Profile… hands the chosen file to the bench', async () => {
    const { openProfile } = setUp();
    electronMain.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: ['/x/C.mobileconfig'],
    });
    click(menuItem('File', 'Import Profile…'));
    await settle();
    expect(openProfile).toHaveBeenCalledWith('/x/C.mobileconfig');
  });

  it('File ▸ Export Log asks the bench through the exportLog channel and shows a refusal as it is', async () => {
    const { dispatch } = setUp();
    click(menuItem('File', 'Export Log', 'Intune Device List (CSV)…'));
    await settle();
    expect(dispatch).toHaveBeenCalledWith('exportLog', [{ format: 'intune' }]);
    const refused = await unavailableLogChannels().exportLog({ format: 'intune' });
    const [, box] = electronMain.dialog.showMessageBox.mock.calls[0] as [unknown, { detail: string }];
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(box.detail).toBe(`${refused.error.title}. ${refused.error.detail}`);
    expect(electronMain.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('a device that fails makes a notification; clicking it brings the window forward', async () => {
    vi.useFakeTimers();
    try {
      const { bench, window } = setUp();
      bench.job(jobView('a', 'running'));
      bench.job(jobView('b', 'running'));
      bench.job({ ...jobView('a', 'failed'), error: failure });
      vi.advanceTimersByTime(3_000);
      expect(electronMain.notifications.map((n) => n.options.title)).toEqual(['A device failed']);
      electronMain.notifications[0]?.emit('click');
      expect(window.show).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('plays the alert sound with a notification only when Settings asks for it, and stays silent when notifications are off', () => {
    vi.useFakeTimers();
    try {
      const loud = setUp({ notify: true, sound: true });
      loud.bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
      vi.advanceTimersByTime(3_000);
      expect(electronMain.notifications.map((n) => n.options)).toEqual([
        { title: 'A device needs you', body: 'Tap Trust (SERA)', silent: true },
      ]);
      expect(electronMain.shell.beep).toHaveBeenCalledTimes(1);

      const off = setUp({ notify: false, sound: true });
      off.bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
      vi.advanceTimersByTime(30_000);
      expect(electronMain.notifications).toHaveLength(1);
      expect(electronMain.shell.beep).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
