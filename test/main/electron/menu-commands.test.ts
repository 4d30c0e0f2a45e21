import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronMain } from '../../fakes/electron-main';
import { settle } from '../../fakes/manual-timers';

vi.mock('electron', async () => (await import('../../fakes/electron-main')).electronMain);

const { electronMenuCommands, isPlainFileName, readmePath } =
  await import('../../../main/electron/menu-commands');

const files = [
  { fileName: 'bench-log-2026-12-01.csv', text: 'serial\nF17A\n' },
  { fileName: 'intune-devices-1.csv', text: 'F17A,iPad\n' },
];

function commandsExporting(exported: { fileName: string; text: string }[]) {
  return electronMenuCommands({
    window: () => undefined,
    openProfile: vi.fn(),
    exportLog: async () => ({ ok: true, value: { files: exported } }),
  });
}

beforeEach(() => vi.clearAllMocks());

describe('Export Log', () => {
  it('writes every file the bench exported into the folder the operator picks', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    electronMain.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    commandsExporting(files).exportLog('csv');
    await vi.waitFor(() => expect(electronMain.shell.showItemInFolder).toHaveBeenCalled());
    expect(readFileSync(path.join(folder, 'bench-log-2026-12-01.csv'), 'utf8')).toBe('serial\nF17A\n');
    expect(readFileSync(path.join(folder, 'intune-devices-1.csv'), 'utf8')).toBe('F17A,iPad\n');
    expect(electronMain.shell.showItemInFolder).toHaveBeenCalledWith(path.join(folder, files[0]!.fileName));
  });

  it('never overwrites a file already in the folder, and says so', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    writeFileSync(path.join(folder, files[0]!.fileName), 'keep me');
    electronMain.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    commandsExporting(files).exportLog('csv');
    await vi.waitFor(() => expect(electronMain.dialog.showMessageBox).toHaveBeenCalled());
    expect(readFileSync(path.join(folder, files[0]!.fileName), 'utf8')).toBe('keep me');
    const [box] = electronMain.dialog.showMessageBox.mock.calls[0] as [{ detail: string }];
    expect(box.detail).toMatch(/already in that folder/);
  });

  it('refuses a file name that would leave the chosen folder', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'export-'));
    electronMain.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [folder] });
    commandsExporting([{ fileName: '../escape.csv', text: 'x' }]).exportLog('csv');
    await vi.waitFor(() => expect(electronMain.dialog.showMessageBox).toHaveBeenCalled());
    const [box] = electronMain.dialog.showMessageBox.mock.calls[0] as [{ detail: string }];
    expect(box.detail).toMatch(/Refused the file name/);
  });
});

describe('isPlainFileName', () => {
  it.each(['a.csv', 'bench log.json'])('accepts %s', (name) => expect(isPlainFileName(name)).toBe(true));
  it.each(['', '../a.csv', 'a/b.csv', '/etc/passwd', '.hidden', 'x'.repeat(201)])('refuses %j', (name) =>
    expect(isPlainFileName(name)).toBe(false),
  );
});

describe('Help ▸ README', () => {
  it('opens the README beside the app in development, and the bundled copy when packaged', async () => {
    commandsExporting([]).openReadme();
    await settle();
    expect(electronMain.shell.openPath).toHaveBeenCalledWith('/repo/README.md');
    const processWithResources = process as { resourcesPath?: string };
    electronMain.app.isPackaged = true;
    processWithResources.resourcesPath = '/Applications/Enroll Bench.app/Contents/Resources';
    try {
      expect(readmePath()).toBe('/Applications/Enroll Bench.app/Contents/Resources/README.md');
    } finally {
      electronMain.app.isPackaged = false;
      delete processWithResources.resourcesPath;
    }
  });
});
