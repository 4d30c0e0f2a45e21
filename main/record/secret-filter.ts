/**
 * Keeps secrets out of a recording: file arguments become their name and hash, option values that look like
 * passwords or tokens become `<secret>`, private-key text in output becomes `<private key removed>`.
 *
 * cfgutil's file arguments are the supervision certificate (`-C`), its private key (`-K`), the profile
 * (`install-profile`) and `--host-cert`. None of their contents may reach a bug report; their name and SHA-256
 * are enough to tell "the same profile" from "another one" in a field report.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';

/** Option names whose value is a secret, whatever the command (`--password`, `--token`, `-p`…). */
const SECRET_OPTION = /^(?:-p|--?(?:[\w-]*(?:pass(?:word|phrase)?|secret|token|pin))[\w-]*)$/i;
/** Environment names never recorded. */
const SECRET_ENV = /pass|secret|token|key|auth|credential|cookie/i;
/** Files above this are not hashed (no cfgutil input is near it); the hash says so instead. */
const MAX_HASH_BYTES = 64 * 1024 * 1024;

export type FileHasher = (file: string) => Promise<string>;

/** SHA-256 of a file's bytes, or `unreadable` / `too-large`: never throws, never returns content. */
export const sha256OfFile: FileHasher = async (file) => {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_HASH_BYTES) return 'too-large';
      return createHash('sha256')
        .update(await handle.readFile())
        .digest('hex');
    } finally {
      await handle.close();
    }
  } catch {
    return 'unreadable';
  }
};

/** The placeholder recorded for a file argument; the replay matches any file at that place. */
export function filePlaceholder(file: string, sha256: string): string {
  return `<file:${path.basename(file)} sha256:${sha256}>`;
}

export const FILE_PLACEHOLDER = /^<file:[^>]*>$/;

/** The arguments with file paths and secret option values replaced. */
export async function filterArgs(
  args: readonly string[],
  hash: FileHasher = sha256OfFile,
): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const previous = i > 0 ? (args[i - 1] ?? '') : '';
    const inline = /^(--[\w-]+)=(.*)$/s.exec(arg);
    if (inline?.[1] && SECRET_OPTION.test(inline[1])) out.push(`${inline[1]}=<secret>`);
    else if (SECRET_OPTION.test(previous)) out.push('<secret>');
    else if (path.isAbsolute(arg)) out.push(filePlaceholder(arg, await hash(arg)));
    else out.push(arg);
  }
  return out;
}

/** The extra environment with secret-named variables dropped and paths reduced to their names. */
export function filterEnv(
  env: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  if (env === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (SECRET_ENV.test(name)) continue;
    out[name] = path.isAbsolute(value) ? `<file:${path.basename(value)}>` : value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Output text with PEM blocks and `password: …`-style values removed. */
export function filterText(text: string): string {
  return text
    .replace(/-----BEGIN [A-Z ]*-----[\s\S]*?(?:-----END [A-Z ]*-----|$)/g, '<private key removed>')
    .replace(/\b(pass(?:word|phrase)|secret|token)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi, '$1$2<secret>');
}
