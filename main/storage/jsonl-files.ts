/**
 * Append-only JSON Lines files, rotated by size: the storage under the jobs' journal and the bench log.
 *
 * Each record is exactly one `write` of one whole line on a file opened with O_APPEND, flushed to disk
 * (`fdatasync`) before `append` resolves, so a crash loses at most the record being written, and two writers
 * (two processes, or two appenders in one) never interleave parts of their lines: the kernel appends each
 * write as a unit. A reader skips a torn last line (no newline, or not JSON) with a warning instead of failing,
 * and reads every rotated file in order. An appender that finds a torn last line (the previous writer crashed
 * mid-write) first ends it with a newline, so its own first record is not glued onto the fragment.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { scanJsonlFile } from './jsonl-scan';

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
const NEWLINE = 0x0a;

export function jsonlFileName(prefix: string, index: number): string {
  return `${prefix}-${String(index).padStart(6, '0')}.jsonl`;
}

function filePattern(prefix: string): RegExp {
  return new RegExp(`^${prefix.replace(/[^a-z0-9-]/gi, '')}-(\\d{6})\\.jsonl$`);
}

/** The index in a file name made by {@link jsonlFileName}, or undefined. */
export function jsonlFileIndex(file: string, prefix: string): number | undefined {
  const match = filePattern(prefix).exec(path.basename(file));
  return match ? Number(match[1]) : undefined;
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
  const pattern = filePattern(prefix);
  return names
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Ends a torn last line with a newline, so the next record starts a line of its own. */
async function endTornLine(handle: FileHandle): Promise<number> {
  const { size } = await handle.stat();
  if (size === 0) return 0;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  if (last[0] === NEWLINE) return size;
  await writeWhole(handle, Buffer.from('\n'));
  return size + 1;
}

/** One write(2) of the whole buffer. A short write (disk full) is an error, never finished by a second write. */
async function writeWhole(handle: FileHandle, data: Buffer): Promise<void> {
  const { bytesWritten } = await handle.write(data, 0, data.length);
  if (bytesWritten !== data.length) {
    throw new Error(`only ${bytesWritten} of ${data.length} bytes were written (is the disk full?)`);
  }
}

export async function openJsonlAppender(options: JsonlOptions): Promise<JsonlAppender> {
  const rotateBytes = options.rotateBytes ?? DEFAULT_ROTATE_BYTES;
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  // The journal never follows a link out of the data folder: its folder must be a real folder, and each file is
  // opened with O_NOFOLLOW (a link planted in place of a file is refused, never appended through).
  if (!(await lstat(options.dir)).isDirectory()) {
    throw Object.assign(
      new Error(
        `${options.dir} is a symbolic link, not a folder; the bench does not write its journal through a link.`,
      ),
      { code: 'ELOOP' },
    );
  }
  const existing = await listJsonlFiles(options.dir, options.prefix);
  let index = existing.length === 0 ? 1 : (jsonlFileIndex(existing.at(-1) ?? '', options.prefix) ?? 1);
  const appendFlags =
    constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const openFile = async (): Promise<FileHandle> => {
    const file = path.join(options.dir, jsonlFileName(options.prefix, index));
    const opened = await open(file, appendFlags, 0o600);
    if (!(await opened.stat()).isFile()) {
      await opened.close();
      throw Object.assign(new Error(`${file} is not a regular file; the bench does not append to it.`), {
        code: 'ENOTREGULAR',
      });
    }
    return opened;
  };
  let handle: FileHandle = await openFile();
  await endTornLine(handle);
  let queue: Promise<void> = Promise.resolve();

  async function write(record: unknown): Promise<void> {
    // JSON.stringify escapes every newline inside values, so one record is always exactly one line.
    const line = Buffer.from(`${JSON.stringify(record)}\n`, 'utf8');
    // The size on disk, not a count of our own writes: another process may append to the same file.
    const size = (await handle.stat()).size;
    if (size > 0 && size + line.length > rotateBytes) {
      await handle.close();
      index += 1;
      handle = await openFile();
      await endTornLine(handle);
    }
    try {
      await writeWhole(handle, line);
    } catch (error) {
      // Whatever part reached the file is ended here, so it costs this record only, never the next one.
      await endTornLine(handle).catch(() => 0);
      throw error;
    }
    await handle.datasync();
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
 * skipped with a warning. `prefilter` lets a caller skip lines by text before parsing them at all; `needle`
 * does the same before a line is even decoded (the faster of the two).
 */
export async function readJsonlFiles<T>(
  dir: string,
  prefix: string,
  accept: (value: unknown) => T | undefined,
  prefilter?: (line: string) => boolean,
  needle?: string,
): Promise<JsonlReadResult<T>> {
  const records: T[] = [];
  const warnings: string[] = [];
  for (const file of await listJsonlFiles(dir, prefix)) {
    if ((await stat(file)).size === 0) continue;
    const name = path.basename(file);
    const result = await scanJsonlFile(
      file,
      (line, lineNumber) => {
        if (prefilter && !prefilter(line)) return;
        const record = parseLine(line, accept);
        if (record.ok) records.push(record.value);
        else warnings.push(`${name} line ${lineNumber}: ${record.problem}, skipped.`);
      },
      {
        ...(needle === undefined ? {} : { needle }),
        onLongLine: (lineNumber) => warnings.push(`${name} line ${lineNumber}: longer than 1 MB, skipped.`),
      },
    );
    if (result.tailBytes > 0) warnings.push(tornLineWarning(name));
  }
  return { records, warnings };
}

export function tornLineWarning(fileName: string): string {
  return `${fileName}: the last line was cut off (a crash while writing) and was skipped.`;
}

/** JSON.parse then `accept`, as a value or the reason the line was skipped. */
export function parseLine<T>(
  line: string,
  accept: (value: unknown) => T | undefined,
): { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, problem: 'not JSON' };
  }
  const record = accept(value);
  return record === undefined
    ? { ok: false, problem: 'not a record this bench knows' }
    : { ok: true, value: record };
}
