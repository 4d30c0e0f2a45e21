/**
 * Where the bench keeps its settings, log, profile and supervision identity when run from the CLI.
 *
 * Electron passes `app.getPath('userData')` instead; both land in the same per-user folder on a Mac, so the
 * app and `enroll-bench serve` share one bench log.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ENROLL_BENCH_DATA) return path.resolve(env.ENROLL_BENCH_DATA);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Enroll Bench');
  const base =
    env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
      ? env.XDG_DATA_HOME
      : path.join(home, '.local', 'share');
  return path.join(base, 'enroll-bench');
}
