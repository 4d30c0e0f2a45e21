import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

type Contents = EventEmitter & { openHandler?: unknown };
type Created = { options: Record<string, unknown>; contents: Contents; loaded?: string };
const { created, openExternal } = vi.hoisted(() => ({
  created: [] as Created[],
  openExternal: vi.fn(async (_url: string) => {}),
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents: Contents;
    record: Created;
    constructor(options: Record<string, unknown>) {
      super();
      const contents = Object.assign(new EventEmitter(), {
        openHandler: undefined as unknown,
        setWindowOpenHandler(fn: unknown) {
          this.openHandler = fn;
        },
      });
      this.webContents = contents;
      this.record = { options, contents };
      created.push(this.record);
    }
    async loadFile(file: string) {
      this.record.loaded = file;
    }
    show() {}
  }
  return { BrowserWindow, shell: { openExternal } };
});

const { createBenchWindow, lockDownSession, rendererIndexUrl } =
  await import('../../../main/electron/window');

describe('createBenchWindow', () => {
  const paths = { preload: '/app/dist/preload/preload.cjs', rendererIndex: '/app/dist/renderer/index.html' };

  it('isolates, sandboxes and disables node in the renderer, explicitly', () => {
    createBenchWindow(paths);
    const prefs = created.at(-1)?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: paths.preload,
    });
    expect(created.at(-1)?.loaded).toBe(paths.rendererIndex);
    expect(rendererIndexUrl(paths)).toBe('file:///app/dist/renderer/index.html');
  });

  it('prevents navigation and denies new windows, opening only allow-listed docs externally', () => {
    createBenchWindow(paths);
    const contents = created.at(-1)?.contents;
    const event = { preventDefault: vi.fn() };
    contents?.emit('will-navigate', event, 'https://evil.example/');
    contents?.emit('will-redirect', event, 'https://evil.example/');
    expect(event.preventDefault).toHaveBeenCalledTimes(2);
    const open = contents?.openHandler as (d: { url: string }) => { action: string };
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open({ url: 'https://learn.microsoft.com/intune/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/intune/');
  });
});

describe('lockDownSession', () => {
  it('denies every permission request and check, and cancels all network requests', () => {
    let request: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let blocked:
      | { filter: { urls: string[] }; fn: (d: unknown, cb: (r: { cancel: boolean }) => void) => void }
      | undefined;
    lockDownSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      webRequest: {
        onBeforeRequest: (filter: { urls: string[] }, fn: NonNullable<typeof blocked>['fn']) =>
          (blocked = { filter, fn }),
      },
    } as never);
    expect(blocked?.filter.urls).toEqual(expect.arrayContaining(['ws://*/*', 'wss://*/*', 'https://*/*']));
    const answer = vi.fn();
    blocked?.fn({ url: 'wss://evil.example/' }, answer);
    expect(answer).toHaveBeenCalledWith({ cancel: true });
    const granted = vi.fn();
    request?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(check?.()).toBe(false);
  });
});
