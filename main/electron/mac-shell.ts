/**
 * The macOS touches, joined in one place so electron-main.ts needs only a few lines: the app menu, the
 * window that remembers its place, the Dock badge and grouped notifications (main/attention/), no sleep while jobs run, and a
 * warning on quit while they do. Each piece is its own module with its own test; this file is wiring.
 */
import { app, dialog, powerSaveBlocker, screen, type BrowserWindow } from 'electron';
import type { InvokeDispatcher } from '../dispatch/dispatch-invoke';
import type { LogInvokeChannels } from '../../preload/contract';
import { installAppMenu } from './app-menu';
import { saveDiagnosticsFromMenu } from './diagnostics-menu';
import { trackJobActivity, type BenchEventSource } from '../attention/job-activity';
import { watchAttention, type AttentionPreferences } from '../attention/watch-attention';
import { electronMenuCommands } from './menu-commands';
import { electronAttentionSink } from './notifications';
import { keepAwakeWhileJobsRun } from './power-guard';
import { createQuitGuard } from './quit-guard';
import { rememberWindowState, type PlacedWindow } from './window-state';

export interface MacShellOptions {
  /** The bench host: its events feed the badge, notifications and guards; its dispatcher serves Export. */
  readonly host: BenchEventSource & { readonly dispatch: InvokeDispatcher };
  readonly dataDir: string;
  readonly window: () => BrowserWindow | undefined;
  readonly openProfile: (filePath: string) => void;
  /** The operator's notification and sound switches as they are now (Settings may change them any time). */
  readonly attention: () => AttentionPreferences;
  readonly log?: (message: string, detail?: unknown) => void;
}

export interface MacShell {
  /** Restores and remembers the window's place, and asks before a close that would cut jobs off. */
  adoptWindow(window: BrowserWindow): void;
  /** For `before-quit`: false when the operator chose to keep jobs running. */
  allowQuit(): boolean;
}

function placed(window: BrowserWindow): PlacedWindow {
  return {
    getNormalBounds: () => window.getNormalBounds(),
    isMaximized: () => window.isMaximized(),
    setBounds: (bounds) => window.setBounds(bounds),
    maximize: () => window.maximize(),
    onMovedOrResized: (listener) => {
      window.on('resize', listener);
      window.on('move', listener);
    },
    onClose: (listener) => window.on('close', listener),
  };
}

export function installMacShell(options: MacShellOptions): MacShell {
  const { host, window } = options;
  const exportLog: LogInvokeChannels['exportLog'] = (req) =>
    host.dispatch('exportLog', [req]) as ReturnType<LogInvokeChannels['exportLog']>;
  const commands = {
    ...electronMenuCommands({ window, openProfile: options.openProfile, exportLog }),
    exportDiagnostics: () =>
      void saveDiagnosticsFromMenu({
        dataDir: options.dataDir,
        window,
        ...(options.log ? { log: options.log } : {}),
      }),
  };
  installAppMenu(app.name, commands);

  const activity = trackJobActivity(host);
  keepAwakeWhileJobsRun(activity, powerSaveBlocker);
  const focus = () => {
    const current = window();
    if (current?.isMinimized()) current.restore();
    current?.show();
  };
  watchAttention(activity, electronAttentionSink(focus), { preferences: options.attention });
  const guard = createQuitGuard(activity, (question) => {
    const box = {
      type: 'warning' as const,
      message: question.message,
      detail: question.detail,
      buttons: [...question.buttons],
      defaultId: 0,
      cancelId: 0,
    };
    const current = window();
    return current ? dialog.showMessageBoxSync(current, box) : dialog.showMessageBoxSync(box);
  });

  return {
    adoptWindow(bench) {
      rememberWindowState(placed(bench), {
        dataDir: options.dataDir,
        workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
        ...(options.log ? { log: options.log } : {}),
      });
      bench.on('close', (event) => {
        if (!guard.allowQuit()) event.preventDefault();
      });
    },
    allowQuit: () => guard.allowQuit(),
  };
}
