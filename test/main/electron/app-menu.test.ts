import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const { installed } = vi.hoisted(() => ({ installed: [] as unknown[] }));
vi.mock('electron', () => ({
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => installed.push(menu),
  },
}));

const { appMenuTemplate, installAppMenu } = await import('../../../main/electron/app-menu');

function commands() {
  return {
    importProfile: vi.fn(),
    exportLog: vi.fn(),
    openReadme: vi.fn(),
    openSettings: vi.fn(),
    openPreflight: vi.fn(),
  };
}

type Item = MenuItemConstructorOptions;
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.();
const find = (items: Item[], label: string) => items.find((i) => i.label === label);

describe('appMenuTemplate', () => {
  it('has the Mac menu bar: app, File, Edit, View, Window, Help', () => {
    const menu = appMenuTemplate('Enroll Bench', commands());
    expect(menu.map((m) => m.label ?? m.role)).toEqual([
      'Enroll Bench',
      'File',
      'editMenu',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('the app menu holds About, Settings…, Preflight…, Hide and Quit', () => {
    const app = submenu(appMenuTemplate('Enroll Bench', commands())[0]);
    expect(app.map((i) => i.role ?? i.label).filter(Boolean)).toEqual([
      'about',
      'Settings…',
      'Preflight…',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(find(app, 'Settings…')?.accelerator).toBe('CmdOrCtrl+,');
  });

  it('Settings… and Preflight… call their commands', () => {
    const actions = commands();
    const app = submenu(appMenuTemplate('E', actions)[0]);
    click(find(app, 'Settings…'));
    click(find(app, 'Preflight…'));
    expect(actions.openSettings).toHaveBeenCalledOnce();
    expect(actions.openPreflight).toHaveBeenCalledOnce();
  });

  it('File ▸ Import Profile… and each Export Log format call their commands', () => {
    const actions = commands();
    const file = submenu(appMenuTemplate('E', actions)[1]);
    click(find(file, 'Import Profile…'));
    expect(actions.importProfile).toHaveBeenCalledOnce();
    for (const item of submenu(find(file, 'Export Log'))) click(item);
    expect(actions.exportLog.mock.calls).toEqual([['csv'], ['intune'], ['json']]);
  });

  it('Help opens the README', () => {
    const actions = commands();
    const help = submenu(appMenuTemplate('Enroll Bench', actions)[5]);
    click(find(help, 'Enroll Bench README'));
    expect(actions.openReadme).toHaveBeenCalledOnce();
  });

  it('installs the menu as the application menu', () => {
    installAppMenu('Enroll Bench', commands());
    expect(installed).toHaveLength(1);
  });
});
