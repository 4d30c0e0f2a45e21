/**
 * Electron entry: lifecycle only. Everything that matters is composed by `createBench` from plain Node
 * modules, which the CLI's headless server uses too; this file adds the window, the IPC bridge and the
 * platform hooks (single instance, quit).
 *
 * The same binary is also the simulated bench's `cfgutil` (sim-cfgutil-mode.ts). That launch is told apart first,
 * at the bottom of this file, before anything here runs.
 */
import { app, BrowserWindow, dialog, protocol, session } from 'electron';
import path from 'node:path';
import { createBench, type Bench } from '../app/create-bench';
import { defaultDataDir } from '../storage/data-dir';
import { BenchError } from '../errors/bench-error';
import { startBenchSafety } from '../jobs/safety/bench-safety';
import { parseElectronFlags } from '../cli/app-flags';
import { APP_VERSION } from '../app/app-version';
import { startRecordReplay } from '../record/command-hooks';
import { electronIntuneOptions } from './intune-shell';
import { openControlSocket } from '../control/open-control-socket';
import { installMacShell, type MacShell } from './mac-shell';
import { reportOpenedProfile, warnAboutStartupProblems } from './notify';
import { runSimCfgutilIfAsked } from './sim-cfgutil-mode';
import { registerBenchIpc } from './typed-ipc';
import {
  createBenchWindow,
  guardAllWebContents,
  lockDownSession,
  registerAppScheme,
  rendererIndexUrl,
  serveRenderer,
  type WindowPaths,
} from './window';

const paths: WindowPaths = {
  preload: path.join(__dirname, '../preload/preload.cjs'),
  rendererIndex: path.join(__dirname, '../renderer/index.html'),
};

let bench: Bench | undefined;
let mainWindow: BrowserWindow | undefined;
/** Menu, window place, Dock badge, notifications, no-sleep and quit guard (mac-shell.ts). */
let mac: MacShell | undefined;
/** Files handed to the app by Finder ("Open With", a double-click) before the bench was ready. */
const pendingOpenFiles: string[] = [];

function importOpenedFile(filePath: string): void {
  if (!bench) {
    pendingOpenFiles.push(filePath);
    return;
  }
  // An accepted profile reaches the window through profileChanged; a refusal gets a message box.
  bench.profiles.importPath(filePath, 'open-with').then(
    (summary) => mainWindow && reportOpenedProfile(mainWindow, summary),
    (error: unknown) => {
      bench?.log('profile.open-with-failed', { file: filePath, error });
      if (mainWindow) reportOpenedProfile(mainWindow, error);
    },
  );
}

async function openWindow(): Promise<void> {
  if (!bench) return;
  const window = createBenchWindow(paths, { devTools: !app.isPackaged });
  mainWindow = window;
  mac?.adoptWindow(window);
  const unregister = registerBenchIpc(window.webContents, bench.host, rendererIndexUrl());
  window.on('closed', () => {
    unregister();
    if (mainWindow === window) mainWindow = undefined;
  });
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const [existing] = BrowserWindow.getAllWindows();
    if (existing?.isMinimized()) existing.restore();
    existing?.focus();
  });
  // macOS delivers "Open With" as an event that may fire before `ready`.
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    importOpenedFile(filePath);
  });
  // Electron's own argv starts with the binary and the app path.
  const { app: appFlags, record } = parseElectronFlags(process.argv.slice(1));
  await app.whenReady();
  lockDownSession(session.defaultSession);
  serveRenderer(session.defaultSession, paths);
  // ENROLL_BENCH_DATA overrides the folder here too, so the app and `enroll-bench` share one data folder.
  const dataDir = process.env.ENROLL_BENCH_DATA ? defaultDataDir() : app.getPath('userData');
  // One bench per data folder and per device (issue 19): a second one is refused with who has the folder.
  const safety = startBenchSafety({
    dataDir,
    command: 'the Enroll Bench app',
    simulated: appFlags.simulate,
  });
  app.once('will-quit', () => safety.release());
  // `start --record DIR` / `--replay BUNDLE` (the field kit): after the lock, as `serve` does.
  const hooks = await startRecordReplay(record, {
    recordedBy: 'app',
    appVersion: APP_VERSION,
    dataDir,
    ...(appFlags.cfgutilFlag === undefined ? {} : { cfgutilPath: appFlags.cfgutilFlag }),
    warn: (text) => console.warn(`enroll-bench: ${text}`),
  });
  app.once('will-quit', () => void hooks.stop());
  const flags = hooks.cfgutilPath ? { ...appFlags, cfgutilFlag: hooks.cfgutilPath } : appFlags;
  bench = await createBench({
    ...flags,
    dataDir,
    deviceLocks: safety.deviceLocks,
    intune: electronIntuneOptions(),
  });
  // Control socket hook: `enroll-bench status|jobs|arm|disarm|log tail` steer this window's bench.
  const control = await openControlSocket({ host: bench.host, dataDir, log: bench.log });
  mac = installMacShell({
    host: bench.host,
    dataDir,
    window: () => mainWindow,
    openProfile: importOpenedFile,
    // Only the Mac app notifies from main; `serve` leaves it to the browser (renderer/bench/notify-button.tsx).
    attention: () => {
      const { notify, sounds } = bench?.currentSettings() ?? { notify: true, sounds: false };
      return { notify, sound: sounds };
    },
  });
  await openWindow();
  if (mainWindow) {
    warnAboutStartupProblems(mainWindow, bench.problems);
    if (bench.startupProfile) reportOpenedProfile(mainWindow, bench.startupProfile);
  }
  for (const filePath of pendingOpenFiles.splice(0)) importOpenedFile(filePath);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void openWindow();
  });
  app.on('window-all-closed', () => app.quit());
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !bench) return;
    if (mac && !mac.allowQuit()) return event.preventDefault();
    // Stop USB hotplug and any cfgutil child before the process goes (node-usb#438).
    closing = true;
    event.preventDefault();
    void (control.ok ? control.server.close() : Promise.resolve()) // control socket hook
      .then(() => bench?.close())
      .finally(() => app.quit());
  });
}

function startApp(): void {
  // Both before `ready`: a privileged scheme can only be registered then, and no WebContents may escape the guard.
  registerAppScheme(protocol);
  guardAllWebContents(app);
  main().catch((error: unknown) => {
    console.error('Enroll Bench failed to start:', error);
    // The operator started an app, not a terminal: say what is wrong in a window before quitting.
    const detail = error instanceof BenchError ? `${error.info.title}. ${error.info.detail}` : String(error);
    dialog.showErrorBox('Enroll Bench could not start', detail);
    app.exit(1);
  });
}

// The first thing this file does. The simulator's cfgutil is this binary with a flag (after the app folder when
// Electron runs it unpackaged): it must never take the single-instance lock (it would quit and focus the bench
// window), register the scheme, or open a window.
if (!runSimCfgutilIfAsked(app, process.argv.slice(process.defaultApp ? 2 : 1))) startApp();
