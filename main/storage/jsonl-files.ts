/**
 * Append-only JSON Lines files, rotated by size: the storage under the jobs' journal and the bench log.
 *
 * Each record is one `write` of one line on a file opened for appending, flushed to disk (`fdatasync`) before
 * `append` resolves, so a crash loses at most the record being written. A reader skips a torn last line (no
 * newline, or not JSON) with a warning instead of failing, and reads every rotated file in order.
 */
import { mkdir, open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface JsonlAppender {
  append(record: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface JsonlOptions {
  /** Folder holding the files; created when missing. */
  readonly dir: string;
  /** File names are `<prefix>-000001.jsonl`, `<prefix>-000002.jsonl`, … */
  readonly prefix: string;
  /** A file that reaches this size is closed and the next one started. */
  readonly rotateBytes?: number;
}

const DEFAULT_ROTATE_BYTES = 16 * 1024 * 1024;

export function jsonlFileName(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(6, '0')}.jsonl`;
}

/** The existing files for `prefix`, oldest first. */
export async function listJsonlFiles(dir: string, prefix: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pattern = new RegExp(`^${prefix.replace(/[^a-z0-9-]/gi, '')}-(\\d{6})\\.jsonl$`);
  return names
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function openJsonlAppender(options: JsonlOptions): Promise<JsonlAppender> {
  const rotateBytes = options.rotateBytes ?? DEFAULT_ROTATE_BYTES;
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const existing = await listJsonlFiles(options.dir, options.prefix);
  let index = existing.length === 0 ? 1 : Number(/(\d{6})\.jsonl$/.exec(existing.at(-1) ?? '')?.[1] ?? 1);
  let handle: FileHandle = await open(
    path.join(options.dir, jsonlFileName(options.prefix, index)),
    'a',
    0o600,
  );
  let size = (await handle.stat()).size;
  let queue: Promise<void> = Promise.resolve();

  async function write(record: unknown): Promise<void> {
    // JSON.stringify escapes every newline inside values, so one record is always exactly one line.
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    if (size > 0 && size + line.length > rotateBytes) {
      await handle.close();
      index += 1;
      handle = await open(path.join(options.dir, jsonlFileName(options.prefix, index)), 'a', 0o600);
      size = 0;
    }
    await handle.write(line);
    await handle.datasync();
    size += line.length;
  }

  return {
    append(record) {
      const next = queue.then(() => write(record));
      // A failed write rejects its own caller; the queue itself carries on for the next record.
      queue = next.catch(() => {});
      return next;
    },
    async close() {
      await queue;
      await handle.close();
    },
  };
}

export interface JsonlReadResult<T> {
  readonly records: T[];
  /** Plain-language notes: torn or unreadable lines skipped, with file and line number. */
  readonly warnings: string[];
}

/**
 * Reads every file for `prefix`. `accept` validates (and may narrow) each parsed line; a line it rejects is
 * skipped with a warning. `prefilter` lets a caller skip lines by text before parsing them at all.
 */
export async function readJsonlFiles<T>(
  dir: string,
  prefix: string,
  accept: (value: unknown) => T | undefined,
  prefilter?: (line: string) => boolean,
): Promise<JsonlReadResult<T>> {
  const records: T[] = [];
  const warnings: string[] = [];
  for (const file of await listJsonlFiles(dir, prefix)) {
    if ((await stat(file)).size === 0) continue;
    const text = await readFile(file, 'utf8');
    const lines = text.split('\n');
    const last = lines.pop() ?? '';
    if (last !== '')
      warnings.push(
        `${path.basename(file)}: the last line was cut off (a crash while writing) and was skipped.`,
      );
    lines.forEach((line, i) => {
      if (line === '' || (prefilter && !prefilter(line))) return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        warnings.push(`${path.basename(file)} line ${i + 1}: not JSON, skipped.`);
        return;
      }
      const record = accept(value);
      if (record === undefined)
        warnings.push(`${path.basename(file)} line ${i + 1}: not a record this bench knows, skipped.`);
      else records.push(record);
    });
  }
  return { records, warnings };
}
