/**
 * The environment cfgutil runs with: an allow-list, never the app's whole environment.
 *
 * GUI apps on macOS do not inherit the shell's PATH and we never look cfgutil up on PATH
 * (main/cfgutil/README.md §1), so PATH is a fixed system value. Everything else the app process holds
 * (tokens, proxies, Electron flags) stays out unless a caller passes it explicitly
 * (an allow-list rather than a list of blocked keys).
 */

/** The only PATH cfgutil ever sees. */
export const SAFE_PATH = '/usr/bin:/bin:/usr/sbin:/sbin';

const PASSED_THROUGH = new Set(['HOME', 'USER', 'LOGNAME', 'LANG', 'TMPDIR']);

function isPassedThrough(name: string): boolean {
  return PASSED_THROUGH.has(name) || name.startsWith('LC_');
}

/**
 * Builds the child environment from `parent` (normally `process.env`) plus an explicit `extra`.
 *
 * `extra` wins over everything, PATH included: it is the caller's deliberate choice (the simulator, tests).
 */
export function buildCfgutilEnv(
  parent: Readonly<Record<string, string | undefined>>,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && isPassedThrough(name)) env[name] = value;
  }
  env.PATH = SAFE_PATH;
  return { ...env, ...extra };
}
