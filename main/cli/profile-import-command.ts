/**
 * `enroll-bench profile import FILE [--json]`: saves the Intune enrollment profile into the data folder with
 * the same checks as the window (the same ProfileService), so a Mac mini over SSH can be set up headless.
 *
 * Exit code 0 when the profile was saved and can be used now, 1 when it was refused (nothing saved; the current
 * profile stays) or saved but expired (runs need an override), 2 for a usage error or an unreadable file.
 */
import { defaultDataDir } from '../storage/data-dir';
import { BenchError } from '../errors/bench-error';
import { formatProfileSummary } from '../profiles/format-profile-summary';
import { ProfileService } from '../profiles/profile-service';
import { ProfileChannels } from '../profiles/profile-channels';
import { IdentityService } from '../identity/identity-service';
import { TRAINING_LABEL } from '../../preload/domain';
import { chooseEngine } from '../engine/choose-engine';
import { locateCfgutil } from '../cfgutil/locate-cfgutil';
import { loadBenchSettings } from '../settings/bench-settings';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface ProfileImportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly now?: () => Date;
  readonly platform?: NodeJS.Platform;
}

const defaultIo: ProfileImportIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
};

/** Takes the arguments after `profile import`. */
export async function runProfileImportCommand(
  argv: readonly string[],
  io: ProfileImportIo = defaultIo,
): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('profile', 'import'));
  const [file, ...extra] = positional;
  if (!file || extra.length > 0) throw new UsageError('usage: enroll-bench profile import FILE [--json]');
  const profiles = new ProfileService({
    dataDir: defaultDataDir(io.env),
    ...(io.now ? { now: io.now } : {}),
  });
  await profiles.restore();
  let summary: Awaited<ReturnType<ProfileService['importPath']>>;
  try {
    summary = await profiles.importPath(file, 'command-line');
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    return 2;
  }
  const saved = summary.verdict !== 'unusable';
  io.out(flags.json ? JSON.stringify({ saved, profile: summary }, null, 2) : formatProfileSummary(summary));
  if (!saved)
    io.err('enroll-bench: the profile was refused and not saved; the current profile (if any) stays.');
  else if (summary.verdict === 'expired') {
    io.err(
      'enroll-bench: saved, but it has expired: export a fresh one from Intune, or override in the window.',
    );
  }
  return summary.verdict === 'ready' || summary.verdict === 'ready-with-warnings' ? 0 : 1;
}

/**
 * `enroll-bench profile training [--simulate | --cfgutil PATH] [--json]`: loads the generated training profile
 * ("TRAINING – simulator only") into the data folder, so a trainee can run a simulated cart without an Intune
 * tenant. The engine is chosen as `serve` would choose it; with real cfgutil the profile is refused (exit 1).
 */
export async function runProfileTrainingCommand(
  argv: readonly string[],
  io: ProfileImportIo = defaultIo,
): Promise<number> {
  const { flags, positional } = parseFlags(argv, flagSpec('profile', 'training'));
  if (positional.length > 0)
    throw new UsageError('usage: enroll-bench profile training [--simulate | --cfgutil PATH] [--json]');
  const dataDir = defaultDataDir(io.env);
  const { settings } = await loadBenchSettings(dataDir);
  const located = await locateCfgutil({
    ...(flags.cfgutil ? { flagPath: flags.cfgutil } : {}),
    ...(io.env.ENROLL_BENCH_CFGUTIL ? { envPath: io.env.ENROLL_BENCH_CFGUTIL } : {}),
    ...(settings.cfgutilPath ? { settingPath: settings.cfgutilPath } : {}),
  });
  const engine = chooseEngine({
    simulate: flags.simulate === true,
    located,
    platform: io.platform ?? process.platform,
  });
  const profiles = new ProfileService({ dataDir, ...(io.now ? { now: io.now } : {}) });
  await profiles.restore();
  const channels = new ProfileChannels(profiles, new IdentityService({ dataDir }), () => engine);
  let summary: Awaited<ReturnType<ProfileService['importBytes']>>;
  try {
    const result = await channels.useTrainingProfile();
    if (!result.ok) throw new BenchError(result.error);
    summary = result.value;
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    return 1;
  }
  io.out(
    flags.json ? JSON.stringify({ saved: true, profile: summary }, null, 2) : formatProfileSummary(summary),
  );
  io.err(
    `enroll-bench: ${TRAINING_LABEL}: runs with it only on the simulated bench (serve --simulate, run --simulate).`,
  );
  return 0;
}
