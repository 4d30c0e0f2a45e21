/**
 * The bench window, locked down per Electron's security checklist (../shared/reference/platform.md §4).
 *
 * The three web preferences are set explicitly even where they are defaults, so a test can assert them and
 * no upgrade silently changes them. The page may not navigate, open windows or ask for permissions.
 */
import { BrowserWindow, shell, type Session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface WindowPaths {
  readonly preload: string;
  readonly rendererIndex: string;
}

export function rendererIndexUrl(paths: WindowPaths): string {
  return pathToFileURL(paths.rendererIndex).href;
}

/** Links the UI may open in the system browser (Microsoft and Apple documentation only). */
const EXTERNAL_ALLOW_LIST = ['https://learn.microsoft.com/', 'https://support.apple.com/'];

/**
 * The window needs no network at all: everything comes from the bundle and IPC. The page's CSP must allow
 * `ws:` for the browser build (served over HTTP), so in Electron the session itself cancels every network
 * request, whatever the CSP says.
 */
export const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: BLOCKED_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

export function createBenchWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Enroll Bench',
    backgroundColor: '#f4f5f7',
    show: false,
    webPreferences: {
      preload: path.resolve(paths.preload),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(paths.rendererIndex);
  return window;
}
