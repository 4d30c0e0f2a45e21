/**
 * The CLI's last word on an error nobody expected: one sentence on stderr, never a stack trace; the details
 * (name, message, stack) go to the diagnostics log in the data folder, or, when the data folder itself is
 * what fails (read-only, full), to a private file in the temporary folder, and the sentence says where.
 */
import { stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDiagnosticsLog } from '../diagnostics/diagnostics-log';
import { EXIT } from './exit-codes';

/** File-system failures that mean "this folder cannot be used", with the words for each. */
const FOLDER_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the folder is on a read-only volume',
  EACCES: 'this user may not write there',
  EPERM: 'this user may not write there',
  ENOTDIR: 'part of its path is a file, not a folder',
};

export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "The data folder /x cannot be used: the disk is full." for a file-system failure, else undefined. */
export function folderProblemSentence(error: unknown, dataDir: string): string | undefined {
  const code = errnoCode(error);
  const why = code ? FOLDER_PROBLEMS[code] : undefined;
  if (!why) return undefined;
  const where = (error as { path?: unknown }).path;
  const place = typeof where === 'string' ? where : dataDir;
  return `${place} cannot be written: ${why}. Free space or fix the folder's permissions (or set ENROLL_BENCH_DATA to another folder), then run the command again.`;
}

async function recordDetails(error: unknown, dataDir: string): Promise<string | undefined> {
  const detail = {
    name: error instanceof Error ? error.name : typeof error,
    message: error instanceof Error ? error.message : String(error),
    code: errnoCode(error),
    stack: error instanceof Error ? error.stack : undefined,
  };
  try {
    const log = openDiagnosticsLog({ dataDir });
    log.log('cli.unexpected-error', detail);
    await Promise.race([log.close(), new Promise((_, reject) => setTimeout(reject, 2000).unref())]);
    // The log swallows its own write failures (logging never breaks a caller): check the record landed.
    if ((await stat(log.path)).size === 0) throw new Error('empty');
    return log.path;
  } catch {
    // The data folder is the problem: keep the details where this user alone can read them.
    const file = path.join(os.tmpdir(), `enroll-bench-error-${process.pid}-${Date.now()}.json`);
    try {
      await writeFile(file, `${JSON.stringify({ time: new Date().toISOString(), ...detail })}\n`, {
        mode: 0o600,
      });
      return file;
    } catch {
      return undefined;
    }
  }
}

/** Prints the sentence (through `err`, the sanitised writer) and returns the exit code: the bench could not run. */
export async function reportUnexpected(
  error: unknown,
  dataDir: string,
  err: (line: string) => void,
): Promise<number> {
  const where = await recordDetails(error, dataDir);
  const details = where ? ` Details are in ${where}.` : '';
  const folder = folderProblemSentence(error, dataDir);
  err(
    folder
      ? `enroll-bench: ${folder}${details}`
      : `enroll-bench: stopped on an unexpected error (${error instanceof Error ? error.name : 'unknown'}).${details}`,
  );
  return EXIT.cannotRun;
}
