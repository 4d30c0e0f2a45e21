/**
 * `enroll-bench identity create|import|show`: the supervision identity, headless, on the app's data folder.
 *
 * The password of a `.p12` comes from `ENROLL_BENCH_P12_PASSWORD` or is asked on the terminal without echo;
 * with neither (a script, a pipe) the command says to set the variable rather than read stdin. No password and
 * no key is ever printed: output is the allow-listed summary (subject, expiry, fingerprint).
 * Exit codes: 0 done, 1 refused (wrong password, no identity yet, one already there), 2 usage or unreadable file.
 */
import path from 'node:path';
import type { IdentitySummary } from '../../preload/domain';
import { defaultDataDir } from '../storage/data-dir';
import { BenchError } from '../errors/bench-error';
import { IdentityService } from '../identity/identity-service';
import { readBoundedBytes } from '../jobs/workflow/read-bounded-file';
import { MAX_PROFILE_BYTES } from '../profiles/detect-file-kind';
import { sanitizeText } from '../text/sanitize-text';
import { askHiddenLine, PasswordEntryCancelled, type HiddenInput } from './ask-password';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine, stderrText } from './terminal-output';

export const P12_PASSWORD_VARIABLE = 'ENROLL_BENCH_P12_PASSWORD';

export interface IdentityCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The terminal to ask the password on; `undefined` or not a TTY means there is none. */
  readonly stdin?: HiddenInput;
  /** Where the password prompt goes (stderr: stdout may be a pipe to a script). */
  readonly prompt?: (text: string) => void;
}

const defaultIo: IdentityCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
  stdin: process.stdin,
  prompt: stderrText,
};

const USAGE =
  'usage: enroll-bench identity create --organization NAME [--replace] [--json] | identity import FILE.p12 [--replace] [--json] | identity show [--json]';

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The summary for a terminal; subject and organization come from a certificate, so they are scrubbed. */
export function formatIdentity(summary: IdentitySummary): string {
  return [
    `Supervision identity: ${sanitizeText(summary.organizationName, { maxLength: 80 })} (${summary.source})`,
    `  subject      ${sanitizeText(summary.subject)}`,
    `  valid        ${day(summary.notBefore)} to ${day(summary.notAfter)}`,
    `  fingerprint  SHA-256 ${summary.fingerprintSha256}`,
  ].join('\n');
}

export async function runIdentityCommand(
  argv: readonly string[],
  io: IdentityCommandIo = defaultIo,
): Promise<number> {
  const [sub, ...rest] = argv;
  const { flags, positional } = parseFlags(rest, flagSpec('identity', sub));
  const service = new IdentityService({ dataDir: defaultDataDir(io.env) });
  const current = await service.restore();
  const print = (summary: IdentitySummary) =>
    io.out(flags.json ? JSON.stringify(summary, null, 2) : formatIdentity(summary));

  if (sub === 'show') {
    if (positional.length > 0 || flags.organization !== undefined) throw new UsageError(USAGE);
    if (current) print(current);
    else {
      if (flags.json) io.out('null');
      io.err('enroll-bench: there is no supervision identity yet: run identity create or identity import.');
    }
    return current ? 0 : 1;
  }
  if (sub !== 'create' && sub !== 'import') throw new UsageError(USAGE);
  if (current && !flags.replace) {
    io.err(
      `enroll-bench: this bench already has a supervision identity (${sanitizeText(current.subject)}). Devices it supervised trust only it; add --replace to change it anyway.`,
    );
    return 1;
  }
  try {
    print(
      sub === 'create'
        ? await create(service, flags.organization, positional)
        : await importP12(service, positional, io),
    );
    return 0;
  } catch (error) {
    if (error instanceof PasswordEntryCancelled) {
      io.err('enroll-bench: no password was given; nothing was imported.');
      return 1;
    }
    if (!(error instanceof BenchError)) throw error;
    io.err(`enroll-bench: ${error.info.title}. ${error.info.detail}`);
    return 1;
  }
}

async function create(
  service: IdentityService,
  organization: string | undefined,
  positional: readonly string[],
): Promise<IdentitySummary> {
  if (organization === undefined || positional.length > 0) {
    throw new UsageError(
      'identity create needs --organization NAME (the name devices will show as supervisor)',
    );
  }
  return service.create(organization);
}

async function importP12(
  service: IdentityService,
  positional: readonly string[],
  io: IdentityCommandIo,
): Promise<IdentitySummary> {
  const [file, ...extra] = positional;
  if (!file || extra.length > 0) throw new UsageError('identity import takes exactly one FILE.p12');
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedBytes(file, MAX_PROFILE_BYTES, { followSymlink: true });
  } catch {
    throw new UsageError(`the identity file cannot be read: ${file}`);
  }
  const password = await passwordFor(file, io);
  return service.importP12({ fileName: path.basename(file), bytes, password });
}

async function passwordFor(file: string, io: IdentityCommandIo): Promise<string> {
  const fromEnv = io.env[P12_PASSWORD_VARIABLE];
  if (fromEnv !== undefined) return fromEnv;
  if (!io.stdin?.isTTY) {
    throw new UsageError(
      `no password for ${path.basename(file)}: set ${P12_PASSWORD_VARIABLE} (there is no terminal to ask on)`,
    );
  }
  return askHiddenLine(
    `Password for ${sanitizeText(path.basename(file), { maxLength: 80 })}: `,
    io.stdin,
    io.prompt ?? (() => {}),
  );
}
