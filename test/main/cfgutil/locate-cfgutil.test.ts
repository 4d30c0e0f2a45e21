import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfgutilError } from '../../../main/cfgutil/cfgutil-error';
import {
  type CheckFile,
  DEFAULT_CFGUTIL_PATHS,
  type FileCheck,
  checkFileOnDisk,
  locateCfgutil,
} from '../../../main/cfgutil/locate-cfgutil';
import { fakeCfgutil } from './process-helpers';

const [LOCAL_BIN, APP, APP2] = DEFAULT_CFGUTIL_PATHS as [string, string, string];

function disk(files: Record<string, FileCheck>): { checkFile: CheckFile; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    checkFile: (path) => {
      asked.push(path);
      return Promise.resolve(files[path] ?? 'missing');
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<CfgutilError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CfgutilError);
  return error as CfgutilError;
}

describe('locateCfgutil', () => {
  it('tries the three well-known paths in order (§1)', () => {
    expect(DEFAULT_CFGUTIL_PATHS).toEqual([
      '/usr/local/bin/cfgutil',
      '/Applications/Apple Configurator.app/Contents/MacOS/cfgutil',
      '/Applications/Apple Configurator 2.app/Contents/MacOS/cfgutil',
    ]);
  });

  it.each([
    [{ [LOCAL_BIN]: 'executable', [APP]: 'executable' } as const, LOCAL_BIN],
    [{ [APP]: 'executable', [APP2]: 'executable' } as const, APP],
    [{ [APP2]: 'executable' } as const, APP2],
    [{ [LOCAL_BIN]: 'not-executable', [APP]: 'executable' } as const, APP],
  ])('finds the first usable default (%j)', async (files, expected) => {
    const fs = disk(files);
    await expect(locateCfgutil({ checkFile: fs.checkFile })).resolves.toMatchObject({
      kind: 'found',
      path: expected,
      source: 'default',
    });
  });

  it('reports every searched path when nothing is installed', async () => {
    const fs = disk({});
    await expect(
      locateCfgutil({ checkFile: fs.checkFile, settingPath: '/opt/old/cfgutil' }),
    ).resolves.toEqual({
      kind: 'missing',
      searched: ['/opt/old/cfgutil', ...DEFAULT_CFGUTIL_PATHS],
    });
  });

  it('prefers the flag over the environment, the setting and the defaults', async () => {
    const fs = disk({
      '/x/flag': 'executable',
      '/x/env': 'executable',
      '/x/set': 'executable',
      [LOCAL_BIN]: 'executable',
    });
    const found = await locateCfgutil({
      checkFile: fs.checkFile,
      flagPath: '/x/flag',
      envPath: '/x/env',
      settingPath: '/x/set',
    });
    expect(found).toMatchObject({ kind: 'found', path: '/x/flag', source: 'flag' });
    expect(fs.asked).toEqual(['/x/flag']);
  });

  it('prefers the environment over the setting', async () => {
    const fs = disk({ '/x/env': 'executable', '/x/set': 'executable' });
    await expect(
      locateCfgutil({ checkFile: fs.checkFile, envPath: '/x/env', settingPath: '/x/set' }),
    ).resolves.toMatchObject({ source: 'env', path: '/x/env' });
  });

  it('uses the saved setting before the defaults', async () => {
    const fs = disk({ '/x/set': 'executable', [LOCAL_BIN]: 'executable' });
    await expect(locateCfgutil({ checkFile: fs.checkFile, settingPath: '/x/set' })).resolves.toMatchObject({
      source: 'setting',
      path: '/x/set',
    });
  });

  it('skips a stale saved setting but says so', async () => {
    const fs = disk({ [APP]: 'executable' });
    const found = await locateCfgutil({ checkFile: fs.checkFile, settingPath: '/gone/cfgutil' });
    expect(found).toEqual({
      kind: 'found',
      path: APP,
      source: 'default',
      skipped: [
        { path: '/gone/cfgutil', source: 'setting', check: 'missing' },
        { path: LOCAL_BIN, source: 'default', check: 'missing' },
      ],
    });
  });

  it('fails, naming the path, when the flag points at a missing file, without falling through', async () => {
    const fs = disk({ [LOCAL_BIN]: 'executable' });
    const error = await rejection(locateCfgutil({ checkFile: fs.checkFile, flagPath: '/typo/cfgutl' }));
    expect(error.code).toBe('cfgutil-missing');
    expect(error.info.detail).toContain('--cfgutil');
    expect(error.info.detail).toContain('/typo/cfgutl');
    expect(fs.asked).toEqual(['/typo/cfgutl']);
  });

  it('fails, naming the path, when the environment variable points at a file that cannot run', async () => {
    const fs = disk({ '/x/env': 'not-executable', [LOCAL_BIN]: 'executable' });
    const error = await rejection(locateCfgutil({ checkFile: fs.checkFile, envPath: '/x/env' }));
    expect(error.code).toBe('cfgutil-not-executable');
    expect(error.info.detail).toContain('ENROLL_BENCH_CFGUTIL');
    expect(error.info.detail).toContain('/x/env');
  });

  it('resolves a relative flag against the working directory, never against PATH', async () => {
    const fs = disk({ '/home/tech/bin/cfgutil': 'executable' });
    await expect(
      locateCfgutil({ checkFile: fs.checkFile, flagPath: 'bin/cfgutil', cwd: '/home/tech' }),
    ).resolves.toMatchObject({
      path: '/home/tech/bin/cfgutil',
    });
  });

  it('ignores empty flag and environment values', async () => {
    const fs = disk({ [LOCAL_BIN]: 'executable' });
    await expect(
      locateCfgutil({ checkFile: fs.checkFile, flagPath: '', envPath: '  ' }),
    ).resolves.toMatchObject({ source: 'default' });
  });
});

describe('checkFileOnDisk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-locate-'));
  const plain = join(dir, 'plain');
  writeFileSync(plain, 'x');
  chmodSync(plain, 0o644);
  const link = join(dir, 'link');
  symlinkSync(fakeCfgutil('echo.mjs'), link);
  const broken = join(dir, 'broken');
  symlinkSync(join(dir, 'nowhere'), broken);

  it.each([
    ['an executable file', fakeCfgutil('echo.mjs'), 'executable'],
    ['a symlink to one (like /usr/local/bin/cfgutil)', link, 'executable'],
    ['a file without execute permission', plain, 'not-executable'],
    ['a directory', dir, 'not-executable'],
    ['a missing file', join(dir, 'missing'), 'missing'],
    ['a broken symlink', broken, 'missing'],
    ['a path through a file', join(plain, 'cfgutil'), 'missing'],
  ])('says %s is %s', async (_name, path, expected) => {
    await expect(checkFileOnDisk(path)).resolves.toBe(expected);
  });
});
