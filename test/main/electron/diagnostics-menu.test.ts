import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readZip } from '../diagnostics/export/read-zip';

const electron = vi.hoisted(() => ({
  saveAnswer: { canceled: false, filePath: '' as string | undefined },
  shown: [] as string[],
  errors: [] as string[],
}));
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: async () => electron.saveAnswer,
    showErrorBox: (title: string) => electron.errors.push(title),
  },
  shell: { showItemInFolder: (file: string) => electron.shown.push(file) },
  Menu: { buildFromTemplate: (template: unknown) => ({ template }), setApplicationMenu: () => {} },
}));

const { saveDiagnosticsFromMenu } = await import('../../../main/electron/diagnostics-menu');
const { appMenuTemplate } = await import('../../../main/electron/app-menu');

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  electron.shown.length = 0;
  electron.errors.length = 0;
});

describe('Help ▸ Export Diagnostics…', () => {
  it('is in the Help menu when the shell provides it, and calls it', () => {
    const exportDiagnostics = vi.fn();
    const base = {
      importProfile: vi.fn(),
      exportLog: vi.fn(),
      openReadme: vi.fn(),
      openSettings: vi.fn(),
      openPreflight: vi.fn(),
    };
    const help = appMenuTemplate('Enroll Bench', { ...base, exportDiagnostics }).at(-1);
    const item = (help?.submenu as { label?: string; click?: () => void }[]).find(
      (i) => i.label === 'Export Diagnostics…',
    );
    item?.click?.();
    expect(exportDiagnostics).toHaveBeenCalledOnce();
    const without = appMenuTemplate('Enroll Bench', base).at(-1);
    expect((without?.submenu as { label?: string }[]).map((i) => i.label)).not.toContain(
      'Export Diagnostics…',
    );
  });

  it('saves the zip where the admin chose and shows it in Finder', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diag-menu-'));
    dirs.push(dir);
    electron.saveAnswer = { canceled: false, filePath: path.join(dir, 'report.zip') };
    const saved = await saveDiagnosticsFromMenu({
      dataDir: dir,
      window: () => undefined,
      preflight: async () => ({ checks: [], overall: 'ok' }),
    });
    expect(saved).toBe(path.join(dir, 'report.zip'));
    expect(electron.shown).toEqual([saved]);
    const names = readZip(await readFile(path.join(dir, 'report.zip'))).map((e) => e.name);
    expect(names).toContain('preflight.json');
  });

  it('writes nothing when the save sheet is cancelled', async () => {
    electron.saveAnswer = { canceled: true, filePath: undefined };
    const saved = await saveDiagnosticsFromMenu({ dataDir: '/nonexistent', window: () => undefined });
    expect(saved).toBeUndefined();
    expect(electron.shown).toEqual([]);
  });
});
