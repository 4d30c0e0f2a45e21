/**
 * `enroll-bench profile inspect FILE [--json]`: the same verdict as the window, for a terminal or a script.
 *
 * Exit code 0 when the profile can be used now (ready, possibly with warnings), 1 when it is refused or expired,
 * 2 for a usage error or an unreadable file. Nothing is stored: inspecting is read-only.
 */
import { BenchError } from '../errors/bench-error';
import { loadProfile } from '../profiles/load-profile';
import { formatProfileSummary } from '../profiles/format-profile-summary';
import { readProfileFile } from '../profiles/read-profile-file';
import { summarizeProfile } from '../profiles/summarize-profile';
import path from 'node:path';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface ProfileCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => Date;
}

const defaultIo: ProfileCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  now: () => new Date(),
};

export async function runProfileCommand(
  argv: readonly string[],
  io: ProfileCommandIo = defaultIo,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'inspect') throw new UsageError('usage: enroll-bench profile inspect FILE [--json]');
  const { flags, positional } = parseFlags(rest, flagSpec('profile', 'inspect'));
  const [file, ...extra] = positional;
  if (!file || extra.length > 0) throw new UsageError('profile inspect takes exactly one FILE');
  let read: Awaited<ReturnType<typeof readProfileFile>>;
  try {
    read = await readProfileFile(file);
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    return 2;
  }
  const now = io.now().getTime();
  const loaded = await loadProfile(read.bytes, path.basename(file));
  const summary = summarizeProfile(loaded, {
    fileName: path.basename(file),
    importedAt: now,
    fileModifiedAt: read.modifiedAt,
    now,
  });
  io.out(flags.json ? JSON.stringify(summary, null, 2) : formatProfileSummary(summary));
  return summary.verdict === 'ready' || summary.verdict === 'ready-with-warnings' ? 0 : 1;
}
