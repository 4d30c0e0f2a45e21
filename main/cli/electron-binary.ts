/**
 * Finds the Electron binary without triggering its download.
 *
 * Since Electron 42 the npm package fetches its binary lazily, the first time `require('electron')` runs
 * (../build/README.md B4). Where no network reaches the mirror that call blocks and throws,
 * so `start` looks for the files itself and falls back to the headless server when they are not there.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronLookup =
  | { readonly kind: 'found'; readonly binary: string }
  | { readonly kind: 'unavailable'; readonly reason: string };

export function findElectronBinary(
  packageDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ElectronLookup {
  if (!packageDir) return { kind: 'unavailable', reason: 'the electron package is not installed' };
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  if (!relative && !env.ELECTRON_OVERRIDE_DIST_PATH) {
    return {
      kind: 'unavailable',
      reason: 'the Electron binary has not been downloaded (run `npx install-electron`)',
    };
  }
  const binary = path.join(distDir, relative || 'electron');
  return existsSync(binary)
    ? { kind: 'found', binary }
    : { kind: 'unavailable', reason: `the Electron binary is missing at ${binary}` };
}
