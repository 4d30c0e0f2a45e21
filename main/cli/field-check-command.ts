/**
 * `enroll-bench field-check`: the first-real-Mac check (main/fieldkit/field-check.ts).
 *
 *   enroll-bench field-check [--cfgutil PATH | --simulate [--time-scale X]] [--ecid ECID]
 *     [--erase-serial SERIAL] [--yes] [--profile FILE] [--out DIR] [--record DIR [--record-raw]] [--json]
 *
 * Questions on stdout, answers on stdin. Writes the report (markdown + JSON) into --out (default: the data
 * folder's `field-check/`). Exit 0 when every row is confirmed, 1 otherwise (./exit-codes.ts).
 * Its flags, with their help, are in the command table (./command-table.ts).
 */
import { APP_VERSION } from '../app/app-version';
import path from 'node:path';
import { defaultDataDir } from '../storage/data-dir';
import { createCfgutilClient } from '../cfgutil/cfgutil-client';
import { locateCfgutil } from '../cfgutil/locate-cfgutil';
import { runFieldCheck } from '../fieldkit/field-check';
import { lineIo } from '../fieldkit/field-io';
import { writeFieldReport } from '../fieldkit/field-report';
import { prepareFieldSetup } from '../fieldkit/field-setup';
import { type CliRecording, startCliRecording } from '../record/cli-recording';
import { recordFlagsFrom } from '../record/record-flags';
import { BenchCannotRun } from './cannot-run';
import { flagSpec } from './command-table';
import { EXIT } from './exit-codes';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

const FLAGS = flagSpec('field-check');

export interface FieldCheckCommandIo {
  readonly input: NodeJS.ReadableStream;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: FieldCheckCommandIo = {
  input: process.stdin,
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
};

async function cfgutilFor(flag: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const found = await locateCfgutil({
    ...(flag === undefined ? {} : { flagPath: flag }),
    ...(env.ENROLL_BENCH_CFGUTIL === undefined ? {} : { envPath: env.ENROLL_BENCH_CFGUTIL }),
  });
  if (found.kind === 'missing')
    throw new BenchCannotRun(
      `cfgutil was not found (looked in ${found.searched.join(', ')}): install Apple Configurator's Automation Tools, or pass --cfgutil PATH (or --simulate to try the check)`,
    );
  return found.path;
}

export async function runFieldCheckCommand(
  argv: readonly string[],
  io: FieldCheckCommandIo = defaultIo,
): Promise<number> {
  const { flags, positional } = parseFlags(argv, FLAGS);
  if (positional.length > 0) throw new UsageError(`field-check takes no arguments (got "${positional[0]}")`);
  if (flags.simulate && flags.cfgutil)
    throw new UsageError('--simulate and --cfgutil cannot be used together');
  const record = recordFlagsFrom(flags);
  const timeScale = flags['time-scale'] === undefined ? 1 : Number(flags['time-scale']);
  if (!(timeScale > 0 && timeScale <= 10))
    throw new UsageError('--time-scale must be a number above 0 and at most 10');
  if (flags['time-scale'] !== undefined && !flags.simulate)
    throw new UsageError('--time-scale needs --simulate');
  const dataDir = defaultDataDir(io.env);
  const cfgutilPath = flags.simulate ? undefined : await cfgutilFor(flags.cfgutil, io.env);

  const setup = await prepareFieldSetup({
    dataDir,
    ...(flags.profile ? { profileFile: flags.profile } : {}),
    ...(flags.simulate ? { simulate: { timeScale } } : {}),
    note: (text) => io.err(`enroll-bench: ${text}`),
  });
  let recording: CliRecording | undefined;
  const answers = lineIo(io.input, io.out);
  try {
    if (record.record !== undefined)
      recording = await startCliRecording({
        dir: record.record,
        raw: record.recordRaw,
        recordedBy: 'field-check',
        appVersion: APP_VERSION,
        dataDir,
        ...(cfgutilPath === undefined ? {} : { cfgutilPath }),
        warn: (text) => io.err(`enroll-bench: ${text}`),
      });
    const client = createCfgutilClient({ cfgutilPath: cfgutilPath ?? (setup.world?.cfgutilPath as string) });
    const report = await runFieldCheck(
      {
        client,
        identity: setup.identity,
        organizationName: setup.organizationName,
        profile: setup.profile,
        ...(flags.ecid ? { ecid: flags.ecid } : {}),
        ...(flags['erase-serial'] ? { eraseSerial: flags['erase-serial'] } : {}),
        ...(flags.yes ? { yes: true } : {}),
        pollMs: Math.max(50, 2_000 * timeScale),
        waitMs: Math.max(2_000, 300_000 * timeScale),
      },
      answers,
    );
    const files = await writeFieldReport(report, flags.out ?? path.join(dataDir, 'field-check'));
    io.err(`enroll-bench: report written to ${files.markdown} and ${files.json}`);
    if (recording)
      io.err(
        `enroll-bench: recording of ${recording.bundle.count()} cfgutil runs in ${recording.bundle.dir}`,
      );
    if (flags.json) io.out(JSON.stringify(report));
    return report.rows.every((r) => r.status === 'confirmed') ? EXIT.ok : EXIT.failed;
  } finally {
    answers.close();
    await recording?.stop();
    await setup.close();
  }
}
