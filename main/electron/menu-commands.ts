/**
 * What the menu's File and Help items do, in Electron: native open and folder dialogs around the bench's
 * own services. Export goes through the same `exportLog` channel as the window (validated, local), so it
 * works as soon as the log area answers it; until then its refusal is shown as it is.
 */
import { app, dialog, shell, type BrowserWindow } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LogInvokeChannels, MenuCommand } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import type { LogExportFormat } from '../../preload/log-domain';
import type { MenuCommands } from './app-menu';
import { sendMenuCommand } from './typed-ipc';

export interface MenuCommandOptions {
  readonly window: () => BrowserWindow | undefined;
  /** Imports a profile file, reporting a refusal in a message box (electron-main's "Open With" path). */
  readonly openProfile: (filePath: string) => void;
  readonly exportLog: LogInvokeChannels['exportLog'];
}

/** A file name the bench offers for an export, accepted only as a plain name inside the chosen folder. */
export function isPlainFileName(name: string): boolean {
  return name.length > 0 && name.length <= 200 && path.basename(name) === name && !name.startsWith('.');
}

/** The README shipped in Contents/Resources (electron-builder.yml `extraResources`), or the repository's. */
export function readmePath(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'README.md')
    : path.join(app.getAppPath(), 'README.md');
}

async function showProblem(window: BrowserWindow | undefined, message: string, detail: string) {
  const options = { type: 'warning' as const, message, detail };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

const describe = (error: ErrorInfo) => `${error.title}. ${error.detail}`;

export function electronMenuCommands(options: MenuCommandOptions): MenuCommands {
  const { window } = options;
  return {
    importProfile() {
      const ask = {
        title: 'Import the Intune enrollment profile',
        properties: ['openFile' as const],
        filters: [{ name: 'Configuration profiles', extensions: ['mobileconfig'] }],
      };
      const current = window();
      void (current ? dialog.showOpenDialog(current, ask) : dialog.showOpenDialog(ask)).then((choice) => {
        const [filePath] = choice.filePaths;
        if (!choice.canceled && filePath) options.openProfile(filePath);
      });
    },
    exportLog(format: LogExportFormat) {
      void exportTo(format);
    },
    openReadme() {
      void shell.openPath(readmePath()).then((error) => {
        if (error) void showProblem(window(), 'The README could not be opened', error);
      });
    },
    openSettings: () => tellWindow('open-settings'),
    openPreflight: () => tellWindow('open-preflight'),
  };

  /** The panels live in the window's page: ask it, on the window-only menu channel of the contract. */
  function tellWindow(command: MenuCommand): void {
    const current = window();
    if (!current || current.webContents.isDestroyed()) return;
    current.show();
    sendMenuCommand(current.webContents, command);
  }

  async function exportTo(format: LogExportFormat): Promise<void> {
    const result = await options.exportLog({ format });
    if (!result.ok) return showProblem(window(), 'The log could not be exported', describe(result.error));
    const ask = {
      title: 'Choose a folder for the export',
      buttonLabel: 'Export Here',
      properties: ['openDirectory' as const, 'createDirectory' as const],
    };
    const current = window();
    const choice = await (current ? dialog.showOpenDialog(current, ask) : dialog.showOpenDialog(ask));
    const [folder] = choice.filePaths;
    if (choice.canceled || !folder) return;
    try {
      for (const file of result.value.files) {
        if (!isPlainFileName(file.fileName))
          throw new Error(`Refused the file name ${JSON.stringify(file.fileName)}.`);
        // `wx`: an export never overwrites a file that is already there.
        await writeFile(path.join(folder, file.fileName), file.text, { flag: 'wx' });
      }
      shell.showItemInFolder(path.join(folder, result.value.files[0]?.fileName ?? ''));
    } catch (error) {
      const detail =
        (error as NodeJS.ErrnoException).code === 'EEXIST'
          ? 'A file of the same name is already in that folder. Choose another folder or move the old file.'
          : String(error instanceof Error ? error.message : error);
      await showProblem(window(), 'The log could not be exported', detail);
    }
  }
}
