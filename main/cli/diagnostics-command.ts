/**
 * `enroll-bench diagnostics export [--out FILE] [--lines N] [--simulate | --cfgutil PATH] [--json]`: the zip
 * for a bug report (main/diagnostics/export/). Prints where it was written; with --json, the names inside.
 */
import { APP_VERSION } from '../app/app-version';
import { defaultDataDir } from '../storage/data-dir';
import {
  defaultArchiveName,
  DEFAULT_LINES,
  exportDiagnostics,
} from '../diagnostics/export/diagnostics-export';
import { headlessPreflightDeps } from '../preflight/headless-preflight';
import { PreflightChannels } from '../preflight/preflight-channels';
import type { PreflightDeps } from '../preflight/run-preflight';
import { flagSpec } from './command-table';
import { EXIT } from './exit-codes';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface DiagnosticsCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Stand-ins for the outside world, for tests. */
  readonly deps?: (dataDir: string) => Promise<PreflightDeps>;
}

const defaultIo: DiagnosticsCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
  cwd: process.cwd(),
};

export async function runDiagnosticsCommand(
  argv: readonly string[],
  io: DiagnosticsCommandIo = defaultIo,
): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb !== 'export')
    throw new UsageError(
      verb === undefined
        ? 'diagnostics needs a subcommand: export'
        : `unknown subcommand "${verb}" (diagnostics has: export)`,
    );
  const { flags, positional } = parseFlags(rest, flagSpec('diagnostics', 'export'));
  if (positional.length > 0)
    throw new UsageError(`diagnostics export takes no arguments (got "${positional[0]}")`);
  const lines = flags.lines === undefined ? DEFAULT_LINES : Number(flags.lines);
  if (!Number.isInteger(lines) || lines < 1 || lines > 100_000)
    throw new UsageError('--lines must be a whole number from 1 to 100000');
  const dataDir = defaultDataDir(io.env);
  const out = flags.out ?? defaultArchiveName(io.cwd);
  const names = await exportDiagnostics({
    dataDir,
    appVersion: APP_VERSION,
    lines,
    out,
    preflight: async () => {
      const deps = io.deps
        ? await io.deps(dataDir)
        : await headlessPreflightDeps({
            dataDir,
            env: io.env,
            ...(flags.simulate ? { simulate: true } : {}),
            ...(flags.cfgutil ? { cfgutilFlag: flags.cfgutil } : {}),
          });
      const report = await new PreflightChannels(deps).getPreflight();
      return report.ok ? report.value : { error: report.error };
    },
  });
  io.err(`enroll-bench: diagnostics written to ${out}`);
  if (flags.json) io.out(JSON.stringify({ file: out, entries: names }));
  return EXIT.ok;
}
