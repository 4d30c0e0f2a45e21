/**
 * The bench window, locked down per Electron's security checklist (./README.md E1).
 *
 * The web preferences are set explicitly even where they are defaults, so a test can assert them and no
 * upgrade silently changes them. The page comes from `app://bench` (./trusted-sender.ts), not file://.
 * Every WebContents the app ever creates (not only this window's) is guarded: no webviews, no navigation of
 * any frame, no redirects, no new windows. DevTools exist only in development builds.
 */
import {
  BrowserWindow,
  shell,
  type App,
  type Event as ElectronEvent,
  type Protocol,
  type Session,
  type WebContents,
} from 'electron';
import path from 'node:path';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, RENDERER_INDEX_URL, appSchemeHandler } from './trusted-sender';

export interface WindowPaths {
  readonly preload: string;
  readonly rendererIndex: string;
}

export interface WindowOptions {
  /** False in packaged builds: the DevTools cannot be opened at all. */
  readonly devTools: boolean;
}

/** The URL the window loads and the only page whose IPC is trusted. */
export function rendererIndexUrl(): string {
  return RENDERER_INDEX_URL;
}

/** Links the UI may open in the system browser (Microsoft and Apple documentation only). */
const EXTERNAL_ALLOW_LIST = ['https://learn.microsoft.com/', 'https://support.apple.com/'];

/**
 * The window needs no network at all: everything comes from the bundle and IPC. Whatever the CSP says, the
 * session itself cancels every network request.
 */
export const BLOCKED_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'];

/** Must run before the app is ready: only then can a scheme be made standard and secure. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Answers `app://bench/…` from the renderer folder (the folder of index.html). */
export function serveRenderer(session: Session, paths: WindowPaths): void {
  session.protocol.handle(APP_SCHEME, appSchemeHandler(path.dirname(path.resolve(paths.rendererIndex))));
}

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: BLOCKED_URL_PATTERNS }, (_details, callback) =>
    callback({ cancel: true }),
  );
}

const prevent = (event: ElectronEvent): void => event.preventDefault();

/** No webviews, no navigation of the page or any frame in it, no redirects, no new windows. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-attach-webview', prevent);
  contents.on('will-navigate', prevent);
  contents.on('will-frame-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.setWindowOpenHandler(({ url }) => {
    if (EXTERNAL_ALLOW_LIST.some((prefix) => url.startsWith(prefix))) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

/** App-wide: every WebContents, including ones nobody here meant to create. */
export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

export function createBenchWindow(paths: WindowPaths, options: WindowOptions): BrowserWindow {
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
      webviewTag: false,
      devTools: options.devTools,
      spellcheck: false,
    },
  });
  const contents = window.webContents;
  guardWebContents(contents);
  // Belt and braces: should anything open them anyway in a packaged build, close them at once.
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(RENDERER_INDEX_URL);
  return window;
}
