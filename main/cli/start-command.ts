/**
 * `enroll-bench start` (and `npm start`): the desktop app in Electron, or, where the Electron binary cannot
 * be had (no network to fetch it, a Linux dev machine), the same UI served headless with a printed URL.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseStartFlags } from './app-flags';
import { findElectronBinary } from './electron-binary';
import { packageRoot } from './package-root';
import { serveBench } from './serve-command';
import { stderrLine, stdoutLine } from './terminal-output';

function electronPackageDir(root: string): string | undefined {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export async function runStartCommand(argv: readonly string[]): Promise<number> {
  const { app: flags, record } = parseStartFlags(argv);
  if (flags.serve) return serveBench(flags, record);
  const root = packageRoot();
  const electron = findElectronBinary(electronPackageDir(root));
  if (electron.kind === 'unavailable') {
    stdoutLine(`Electron cannot run here (${electron.reason}); serving the UI in headless mode instead.`);
    return serveBench(flags, record);
  }
  const child = spawn(electron.binary, [root, ...argv], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', (error) => {
      stderrLine(`Electron failed to start: ${error.message}`);
      resolve(1);
    });
  });
}
