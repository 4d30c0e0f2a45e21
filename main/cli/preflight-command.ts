/**
 * `enroll-bench preflight [--json]`: the preflight checklist from a terminal, on the app's data folder;
 * `enroll-bench preflight clean NAME… | --all`: delete restore leftovers the checklist listed.
 *
 * Exit codes: 0 every check ok or a warning (clean: all deleted), 1 any problem (clean: something was
 * skipped), 2 usage.
 */
import type { PreflightReport, PreflightStatus } from '../../preload/preflight-domain';
import { defaultDataDir } from '../storage/data-dir';
import { headlessPreflightDeps } from '../preflight/headless-preflight';
import { formatBytes } from '../preflight/preflight-check';
import { PreflightChannels } from '../preflight/preflight-channels';
import type { PreflightDeps } from '../preflight/run-preflight';
import { sanitizeText } from '../text/sanitize-text';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface PreflightCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** Stand-ins for the outside world, for tests. */
  readonly deps?: (dataDir: string) => Promise<PreflightDeps>;
}

const defaultIo: PreflightCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
};

const USAGE =
  'usage: enroll-bench preflight [--simulate] [--cfgutil PATH] [--workflow ID] [--json] | preflight clean NAME… | --all [--json]';

const mark: Readonly<Record<PreflightStatus, string>> = {
  ok: 'ok     ',
  warning: 'warning',
  problem: 'PROBLEM',
};

export function formatReport(report: PreflightReport): string {
  const lines: string[] = [];
  for (const c of report.checks) {
    lines.push(`${mark[c.status]}  ${c.title.padEnd(26)} ${c.sentence}`);
    if (c.fix && c.status !== 'ok') lines.push(`${' '.repeat(37)}Fix: ${c.fix}`);
  }
  const leftovers = report.leftovers;
  if (leftovers && leftovers.items.length > 0) {
    lines.push('', `Restore leftovers in ${leftovers.folder}${leftovers.simulated ? ' (simulated)' : ''}:`);
    for (const item of leftovers.items) lines.push(`  ${item.name}  ${formatBytes(item.sizeBytes)}`);
    lines.push('Delete them with: enroll-bench preflight clean NAME… (or --all)');
  }
  lines.push('', `Overall: ${report.overall}.`);
  return lines.join('\n');
}

export async function runPreflightCommand(
  argv: readonly string[],
  io: PreflightCommandIo = defaultIo,
): Promise<number> {
  const cleaning = argv[0] === 'clean';
  const { flags, positional } = parseFlags(cleaning ? argv.slice(1) : argv, flagSpec('preflight'));
  const dataDir = defaultDataDir(io.env);
  const deps = io.deps
    ? await io.deps(dataDir)
    : await headlessPreflightDeps({
        dataDir,
        env: io.env,
        ...(flags.simulate ? { simulate: true } : {}),
        ...(flags.cfgutil ? { cfgutilFlag: flags.cfgutil } : {}),
        ...(flags.workflow ? { workflowId: flags.workflow } : {}),
      });
  const channels = new PreflightChannels(deps);
  const report = await channels.getPreflight();
  if (!report.ok) throw new UsageError(report.error.detail);
  if (!cleaning) {
    if (positional.length > 0 || flags.all) throw new UsageError(USAGE);
    io.out(flags.json ? JSON.stringify(report.value, null, 2) : formatReport(report.value));
    return report.value.overall === 'problem' ? 1 : 0;
  }
  const listed = report.value.leftovers?.items.map((item) => item.name) ?? [];
  if (Boolean(flags.all) === positional.length > 0)
    throw new UsageError('preflight clean takes folder names or --all');
  const names = flags.all ? listed : positional;
  if (names.length === 0) {
    io.out(
      flags.json
        ? JSON.stringify({ deleted: [], freedBytes: 0, skipped: [] })
        : 'No restore leftovers to delete.',
    );
    return 0;
  }
  const outcome = await channels.cleanRestoreLeftovers({ names });
  if (!outcome.ok) {
    io.err(`enroll-bench: ${outcome.error.title}. ${outcome.error.detail}`);
    return 1;
  }
  const { deleted, freedBytes, skipped } = outcome.value;
  if (flags.json) io.out(JSON.stringify(outcome.value, null, 2));
  else {
    io.out(
      `Deleted ${deleted.length} folder${deleted.length === 1 ? '' : 's'}, ${formatBytes(freedBytes)} freed.`,
    );
    for (const s of skipped)
      io.err(`enroll-bench: skipped ${sanitizeText(s.name, { maxLength: 60 })}: ${s.reason}`);
  }
  return skipped.length > 0 ? 1 : 0;
}
