/**
 * Doubles of the Electron main-process APIs the macOS touches use (app, dialog, powerSaveBlocker, screen,
 * Menu, Notification, shell). Use with `vi.mock('electron', async () => (await import(…)).electronMain)`;
 * the test reads what happened from the same object.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

class FakeNotification extends EventEmitter {
  static isSupported = () => true;
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    electronMain.notifications.push(this);
  }
  show() {}
  close() {}
}

export const electronMain = {
  notifications: [] as FakeNotification[],
  menus: [] as unknown[],
  badges: [] as string[],
  blocks: new Set<number>(),
  app: {
    name: 'Enroll Bench',
    isPackaged: false,
    getAppPath: () => '/repo',
    dock: { setBadge: (text: string) => electronMain.badges.push(text) },
    setBadgeCount: vi.fn((_count?: number) => true),
  },
  dialog: {
    showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
    showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
    showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  },
  powerSaveBlocker: {
    next: 1,
    start(_type: string) {
      electronMain.blocks.add(this.next);
      return this.next++;
    },
    stop: (id: number) => electronMain.blocks.delete(id),
  },
  screen: {
    getAllDisplays: () => [{ workArea: { x: 0, y: 25, width: 1512, height: 920 } }],
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu: (menu: unknown) => electronMain.menus.push(menu),
  },
  Notification: FakeNotification,
  shell: {
    openPath: vi.fn(async (_path: string) => ''),
    showItemInFolder: vi.fn((_path: string) => {}),
    beep: vi.fn(() => {}),
  },
};

/** A BrowserWindow double with the methods mac-shell uses; `close()` returns whether it was prevented. */
export class FakeBrowserWindow extends EventEmitter {
  bounds = { x: 0, y: 0, width: 1280, height: 800 };
  getNormalBounds = () => this.bounds;
  isMaximized = () => false;
  isMinimized = () => false;
  setBounds = (bounds: typeof this.bounds) => (this.bounds = bounds);
  maximize() {}
  restore() {}
  show = vi.fn();
  readonly webContents = { send: vi.fn(), isDestroyed: () => false };
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}
