/**
 * Help ▸ Export Diagnostics…: asks where to save, writes the zip (main/diagnostics/export/) and shows it in
 * Finder. The preflight inside is the headless one, so the menu works even when the window is broken.
 */
import { APP_VERSION } from '../app/app-version';
import { dialog, shell, type BrowserWindow } from 'electron';
import os from 'node:os';
import {
  defaultArchiveName,
  exportDiagnostics,
  type DiagnosticsExportOptions,
} from '../diagnostics/export/diagnostics-export';
import { headlessPreflightDeps } from '../preflight/headless-preflight';
import { PreflightChannels } from '../preflight/preflight-channels';

export interface DiagnosticsMenuOptions {
  readonly dataDir: string;
  readonly window: () => BrowserWindow | undefined;
  readonly log?: (message: string, detail?: unknown) => void;
  /** The preflight to include; defaults to the headless checklist. */
  readonly preflight?: DiagnosticsExportOptions['preflight'];
}

async function headlessPreflight(dataDir: string): Promise<unknown> {
  const report = await new PreflightChannels(
    await headlessPreflightDeps({ dataDir, env: process.env }),
  ).getPreflight();
  return report.ok ? report.value : { error: report.error };
}

export async function saveDiagnosticsFromMenu(options: DiagnosticsMenuOptions): Promise<string | undefined> {
  const ask = {
    title: 'Export Diagnostics',
    defaultPath: defaultArchiveName(os.homedir()),
    filters: [{ name: 'Zip archive', extensions: ['zip'] }],
  };
  const current = options.window();
  const choice = current ? await dialog.showSaveDialog(current, ask) : await dialog.showSaveDialog(ask);
  if (choice.canceled || !choice.filePath) return undefined;
  try {
    await exportDiagnostics({
      appVersion: APP_VERSION,
      dataDir: options.dataDir,
      out: choice.filePath,
      preflight: options.preflight ?? (() => headlessPreflight(options.dataDir)),
    });
  } catch (error) {
    options.log?.('diagnostics export failed', error);
    dialog.showErrorBox(
      'Diagnostics were not exported',
      error instanceof Error ? error.message : String(error),
    );
    return undefined;
  }
  shell.showItemInFolder(choice.filePath);
  return choice.filePath;
}
