/**
 * The Electron entry's wiring, with a mocked `electron` and a stand-in bench: the app:// scheme is
 * registered and every WebContents guarded before `ready`, the renderer is served from app://, and a
 * packaged build gets no DevTools.
 */
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const calls: string[] = [];
  return {
    calls,
    windows: [] as { options: Record<string, unknown>; loaded?: string }[],
    handled: [] as string[],
    shellOptions: [] as { attention: () => unknown }[],
    settingsNow: { notify: false, sounds: true },
  };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    whenReady: async () => {
      fake.calls.push('ready');
    },
    getPath: () => '/tmp/enroll-bench-electron-main-test',
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const on = app.on.bind(app);
  app.on = ((event: string, listener: (...args: unknown[]) => void) => {
    fake.calls.push(`app.on:${event}`);
    return on(event, listener);
  }) as typeof app.on;
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => [];
    record: { options: Record<string, unknown>; loaded?: string };
    webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: () => {},
      closeDevTools: () => {},
      isDestroyed: () => false,
      send: () => {},
      ipc: { handle: () => {}, removeHandler: () => {} },
    });
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options };
      fake.windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      webRequest: { onBeforeRequest: () => {} },
      protocol: { handle: (scheme: string) => fake.handled.push(scheme) },
    },
  };
  const protocol = {
    registerSchemesAsPrivileged: (schemes: { scheme: string }[]) =>
      fake.calls.push(`privileged:${schemes.map((s) => s.scheme).join(',')}`),
  };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({})) },
    protocol,
    session,
    shell: { openExternal: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (t: string) => Buffer.from(t),
      decryptString: (b: Buffer) => b.toString(),
    },
  };
});

// The macOS touches have their own tests (mac-shell and the files it joins); here they only need to exist.
vi.mock('../../../main/electron/mac-shell', () => ({
  installMacShell: (options: { attention: () => unknown }) => {
    fake.shellOptions.push(options);
    return { adoptWindow: () => {}, allowQuit: () => true };
  },
}));

vi.mock('../../../main/app/create-bench', () => ({
  createBench: async () => ({
    host: { dispatch: async () => ({ ok: true, value: null }), subscribe: () => () => {} },
    problems: [],
    log: () => {},
    currentSettings: () => fake.settingsNow,
    close: async () => {},
  }),
}));

describe('electron-main', () => {
  it('registers app:// and the app-wide guard before ready, then serves and loads the renderer from app://', async () => {
    await import('../../../main/electron/electron-main');
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
    const ready = fake.calls.indexOf('ready');
    expect(fake.calls.indexOf('privileged:app')).toBeGreaterThanOrEqual(0);
    expect(fake.calls.indexOf('privileged:app')).toBeLessThan(ready);
    expect(fake.calls.indexOf('app.on:web-contents-created')).toBeLessThan(ready);
    expect(fake.handled).toEqual(['app']);
    expect(fake.windows[0]?.loaded).toBe('app://bench/index.html');
    expect((fake.windows[0]?.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
  });

  it("gives the Mac shell the bench's notification switches as they are when asked, not as they were at start", async () => {
    await import('../../../main/electron/electron-main');
    await vi.waitFor(() => expect(fake.shellOptions).toHaveLength(1));
    const attention = fake.shellOptions[0]?.attention;
    expect(attention?.()).toEqual({ notify: false, sound: true });
    fake.settingsNow = { notify: true, sounds: false };
    expect(attention?.()).toEqual({ notify: true, sound: false });
  });
});
