/**
 * Finds cfgutil as an absolute path, in a fixed order, never through PATH.
 *
 * macOS GUI apps do not inherit the shell's PATH, and cfgutil lives inside the Configurator bundle unless the
 * operator installed the Automation Tools (README.md in this folder, §1). Order: `--cfgutil` flag → `ENROLL_BENCH_CFGUTIL` → saved setting → `/usr/local/bin/cfgutil` → the two
 * app-bundle paths. A path the operator named explicitly (flag or environment) that is unusable is an error that
 * names it: silently using another cfgutil would hide the typo.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cfgutilError, type CfgutilError } from './cfgutil-error';

/** The well-known install locations, in the order they are tried (§1). */
export const DEFAULT_CFGUTIL_PATHS: readonly string[] = [
  '/usr/local/bin/cfgutil',
  '/Applications/Apple Configurator.app/Contents/MacOS/cfgutil',
  '/Applications/Apple Configurator 2.app/Contents/MacOS/cfgutil',
];

/** Where a path came from. */
export type CfgutilSource = 'flag' | 'env' | 'setting' | 'default';

/** What the file system says about a candidate path. */
export type FileCheck = 'executable' | 'not-executable' | 'missing';

export type CheckFile = (path: string) => Promise<FileCheck>;

export interface LocateCfgutilOptions {
  /** `--cfgutil PATH`; relative paths are resolved against `cwd`. */
  readonly flagPath?: string;
  /** `ENROLL_BENCH_CFGUTIL`. */
  readonly envPath?: string;
  /** The path saved in the bench settings. */
  readonly settingPath?: string;
  /** Injected for tests; defaults to a real `stat` + `access(X_OK)` check. */
  readonly checkFile?: CheckFile;
  readonly cwd?: string;
}

/** A saved setting that no longer works is skipped (the app may have moved) but reported. */
export interface SkippedCandidate {
  readonly path: string;
  readonly source: CfgutilSource;
  readonly check: Exclude<FileCheck, 'executable'>;
}

export type LocateCfgutilResult =
  | {
      readonly kind: 'found';
      readonly path: string;
      readonly source: CfgutilSource;
      readonly skipped: readonly SkippedCandidate[];
    }
  | { readonly kind: 'missing'; readonly searched: readonly string[] };

/** The real check: a regular file (symlinks followed) that this process may execute. */
export const checkFileOnDisk: CheckFile = async (path) => {
  try {
    const info = await stat(path);
    if (!info.isFile()) return 'not-executable';
    await access(path, constants.X_OK);
    return 'executable';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? 'missing' : 'not-executable';
  }
};

function explicitPathError(
  path: string,
  source: 'flag' | 'env',
  check: Exclude<FileCheck, 'executable'>,
): CfgutilError {
  const where = source === 'flag' ? 'The --cfgutil option' : 'The ENROLL_BENCH_CFGUTIL setting';
  const problem =
    check === 'missing' ? 'names a file that does not exist' : 'names a file that cannot be run';
  return cfgutilError(check === 'missing' ? 'cfgutil-missing' : 'cfgutil-not-executable', {
    about: `${where} ${problem}: ${path}.`,
    originalMessage: `${source}: ${path} (${check})`,
  });
}

/**
 * Resolves cfgutil's absolute path. Rejects with a `CfgutilError` naming the path when the flag or the
 * environment variable points at something unusable; otherwise resolves `found` or `missing`.
 */
export async function locateCfgutil(options: LocateCfgutilOptions = {}): Promise<LocateCfgutilResult> {
  const checkFile = options.checkFile ?? checkFileOnDisk;
  const cwd = options.cwd ?? process.cwd();
  const explicit: ['flag' | 'env', string | undefined][] = [
    ['flag', options.flagPath],
    ['env', options.envPath],
  ];
  for (const [source, given] of explicit) {
    if (given === undefined || given.trim() === '') continue;
    const path = resolve(cwd, given);
    const check = await checkFile(path);
    if (check !== 'executable') throw explicitPathError(path, source, check);
    return { kind: 'found', path, source, skipped: [] };
  }
  const candidates: [CfgutilSource, string][] = DEFAULT_CFGUTIL_PATHS.map((path) => ['default', path]);
  const setting = options.settingPath?.trim();
  if (setting) candidates.unshift(['setting', resolve(cwd, setting)]);
  const skipped: SkippedCandidate[] = [];
  for (const [source, path] of candidates) {
    const check = await checkFile(path);
    if (check === 'executable') return { kind: 'found', path, source, skipped };
    skipped.push({ path, source, check });
  }
  return { kind: 'missing', searched: candidates.map(([, path]) => path) };
}
