/**
 * The standard Mac menu bar: the app menu (About, Settings…, Hide, Quit), File (Import Profile…, Export
 * Log…), Edit (so copy and paste work in text fields), View, Window and Help (the README).
 *
 * What a menu item does comes from {@link MenuCommands}, so this file only describes the menu.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { LogExportFormat } from '../../preload/log-domain';

export interface MenuCommands {
  importProfile(): void;
  exportLog(format: LogExportFormat): void;
  openReadme(): void;
  /** Opens the window's Settings panel (the same as its Settings button). */
  openSettings(): void;
  /** Opens the window's Preflight panel. */
  openPreflight(): void;
  /** Help ▸ Export Diagnostics… (main/electron/diagnostics-menu.ts). */
  exportDiagnostics?(): void;
}

const EXPORTS: readonly { format: LogExportFormat; label: string }[] = [
  { format: 'csv', label: 'Bench Log (CSV)…' },
  { format: 'intune', label: 'Intune Device List (CSV)…' },
  { format: 'json', label: 'Bench Log (JSON)…' },
];

export function appMenuTemplate(appName: string, commands: MenuCommands): MenuItemConstructorOptions[] {
  return [
    {
      label: appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => commands.openSettings() },
        { label: 'Preflight…', click: () => commands.openPreflight() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: 'File',
      submenu: [
        { label: 'Import Profile…', accelerator: 'CmdOrCtrl+O', click: () => commands.importProfile() },
        {
          label: 'Export Log',
          submenu: EXPORTS.map(({ format, label }) => ({ label, click: () => commands.exportLog(format) })),
        },
        { type: 'separator' },
        { role: 'close' },
      ],
    },
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        { label: `${appName} README`, click: () => commands.openReadme() },
        ...(commands.exportDiagnostics
          ? [{ label: 'Export Diagnostics…', click: () => commands.exportDiagnostics?.() }]
          : []),
      ],
    },
  ];
}

export function installAppMenu(appName: string, commands: MenuCommands): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(appName, commands)));
}
