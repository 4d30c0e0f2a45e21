import { EventEmitter } from 'node:events';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

type Contents = EventEmitter & { openHandler?: unknown; closeDevTools: () => void };
type Created = { options: Record<string, unknown>; contents: Contents; loaded?: string };
const { created, openExternal } = vi.hoisted(() => ({
  created: [] as Created[],
  openExternal: vi.fn(async (_url: string) => {}),
}));

/** A WebContents double: events, the window-open handler, and DevTools closing. */
function fakeContents(): Contents {
  return Object.assign(new EventEmitter(), {
    openHandler: undefined as unknown,
    closeDevTools: vi.fn(),
    setWindowOpenHandler(fn: unknown) {
      this.openHandler = fn;
    },
  });
}

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    webContents: Contents;
    record: Created;
    constructor(options: Record<string, unknown>) {
      super();
      this.webContents = fakeContents();
      this.record = { options, contents: this.webContents };
      created.push(this.record);
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
    async loadFile(file: string) {
      this.record.loaded = `file:${file}`;
    }
    show() {}
  }
  return { BrowserWindow, shell: { openExternal } };
});

const {
  createBenchWindow,
  guardAllWebContents,
  lockDownSession,
  registerAppScheme,
  rendererIndexUrl,
  serveRenderer,
} = await import('../../../main/electron/window');
const { ELECTRON_CSP } = await import('../../../main/electron/trusted-sender');

const paths = { preload: '/app/dist/preload/preload.cjs', rendererIndex: '/app/dist/renderer/index.html' };

/** Emits each navigation-type event and answers which ones were prevented. */
function preventedEvents(contents: EventEmitter): string[] {
  const prevented: string[] = [];
  for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, 'https://evil.example/');
    if (event.preventDefault.mock.calls.length > 0) prevented.push(name);
  }
  return prevented;
}

describe('createBenchWindow', () => {
  it('isolates, sandboxes and disables node and webviews in the renderer, explicitly', () => {
    createBenchWindow(paths, { devTools: true });
    const prefs = created.at(-1)?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: paths.preload,
    });
  });

  it('loads the renderer from app://bench, not file://', () => {
    createBenchWindow(paths, { devTools: true });
    expect(created.at(-1)?.loaded).toBe('app://bench/index.html');
    expect(rendererIndexUrl()).toBe('app://bench/index.html');
  });

  it('has no DevTools in a packaged build, and closes them should they open anyway', () => {
    createBenchWindow(paths, { devTools: false });
    const record = created.at(-1);
    expect((record?.options.webPreferences as Record<string, unknown>).devTools).toBe(false);
    record?.contents.emit('devtools-opened');
    expect(record?.contents.closeDevTools).toHaveBeenCalledTimes(1);
    createBenchWindow(paths, { devTools: true });
    expect((created.at(-1)?.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('prevents navigation of any frame, redirects and webviews, and denies new windows', () => {
    createBenchWindow(paths, { devTools: false });
    const contents = created.at(-1)?.contents as Contents;
    expect(preventedEvents(contents)).toEqual([
      'will-navigate',
      'will-frame-navigate',
      'will-redirect',
      'will-attach-webview',
    ]);
    const open = contents.openHandler as (d: { url: string }) => { action: string };
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(open({ url: 'https://learn.microsoft.com/intune/' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://learn.microsoft.com/intune/');
  });
});

describe('guardAllWebContents', () => {
  it('guards every WebContents the app creates, not only the bench window', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as never);
    const stray = fakeContents();
    app.emit('web-contents-created', {}, stray);
    expect(preventedEvents(stray)).toHaveLength(4);
    const open = stray.openHandler as (d: { url: string }) => { action: string };
    expect(open({ url: 'app://bench/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('registerAppScheme', () => {
  it('makes app: a standard, secure scheme that does not bypass the CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const [[schemes]] = registerSchemesAsPrivileged.mock.calls as [[{ privileges: object }[]]];
    expect(schemes[0]?.privileges).not.toHaveProperty('bypassCSP');
    expect(schemes[0]?.privileges).not.toHaveProperty('corsEnabled');
  });
});

describe('serveRenderer', () => {
  async function handlerFor() {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-app-scheme-'));
    const renderer = path.join(dir, 'renderer');
    await mkdir(path.join(renderer, 'assets'), { recursive: true });
    await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>bench</title>');
    await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
    const handle = vi.fn();
    serveRenderer({ protocol: { handle } } as never, {
      preload: path.join(dir, 'preload.cjs'),
      rendererIndex: path.join(renderer, 'index.html'),
    });
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = handle.mock.calls[0]?.[1] as (r: { url: string; method: string }) => Promise<Response>;
    return (url: string, method = 'GET') => handler({ url, method });
  }

  it('serves the renderer files with the Electron CSP, which allows no WebSocket', async () => {
    const get = await handlerFor();
    const index = await get('app://bench/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>bench</title>');
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(ELECTRON_CSP);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/ws:|wss:/);
    expect((await get('app://bench/assets/app.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it.each([
    'app://bench/../secret.txt',
    'app://bench/%2e%2e/secret.txt',
    'app://bench/assets/..%2f..%2fsecret.txt',
    'app://other/index.html',
    'app://bench/missing.js',
    'not a url',
  ])('answers 404 for %s, never a file outside the renderer folder', async (url) => {
    const res = await (await handlerFor())(url);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('TOP-SECRET');
  });

  it('answers only GET', async () => {
    expect((await (await handlerFor())('app://bench/index.html', 'POST')).status).toBe(404);
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
