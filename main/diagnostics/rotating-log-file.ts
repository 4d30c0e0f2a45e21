/**
 * An append-only log file with a size cap: `diagnostics.jsonl` grows to `maxFileBytes`, then becomes
 * `diagnostics.1.jsonl` (older ones shift to .2, .3 …) and a fresh file starts; beyond `keepFiles` old files
 * the oldest is deleted. So the log never takes more than (keepFiles + 1) × maxFileBytes of disk.
 *
 * Each line is one `write` on a file opened for appending, in order; a failed write is dropped (a full disk
 * must not take the bench down) and counted.
 */
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

export interface RotatingLogOptions {
  readonly dir: string;
  /** `diagnostics` → diagnostics.jsonl, diagnostics.1.jsonl, … */
  readonly baseName: string;
  readonly maxFileBytes: number;
  readonly keepFiles: number;
}

export interface RotatingLogFile {
  readonly path: string;
  /** Queues one line (without its newline); never throws. */
  write(line: string): void;
  /** Resolves when everything queued so far is on disk (or dropped). */
  drain(): Promise<void>;
  close(): Promise<void>;
  /** Lines that could not be written. */
  dropped(): number;
}

export function rotatedName(baseName: string, generation: number): string {
  return generation === 0 ? `${baseName}.jsonl` : `${baseName}.${generation}.jsonl`;
}

export function openRotatingLogFile(options: RotatingLogOptions): RotatingLogFile {
  const current = path.join(options.dir, rotatedName(options.baseName, 0));
  let handle: FileHandle | undefined;
  let size = 0;
  let lost = 0;
  let queue: Promise<void> = mkdir(options.dir, { recursive: true, mode: 0o700 }).then(
    () => undefined,
    () => undefined,
  );

  async function ensureOpen(): Promise<FileHandle> {
    if (!handle) {
      handle = await open(current, 'a', 0o600);
      size = (await handle.stat()).size;
    }
    return handle;
  }

  async function rotate(): Promise<void> {
    await handle?.close();
    handle = undefined;
    const name = (generation: number) => path.join(options.dir, rotatedName(options.baseName, generation));
    await rm(name(options.keepFiles), { force: true });
    for (let generation = options.keepFiles - 1; generation >= 0; generation--) {
      await rename(name(generation), name(generation + 1)).catch(() => {});
    }
  }

  async function append(line: string): Promise<void> {
    const bytes = Buffer.from(`${line}\n`, 'utf8');
    let file = await ensureOpen();
    if (size > 0 && size + bytes.length > options.maxFileBytes) {
      await rotate();
      file = await ensureOpen();
    }
    await file.write(bytes);
    size += bytes.length;
  }

  return {
    path: current,
    write(line) {
      queue = queue.then(() => append(line)).catch(() => void (lost += 1));
    },
    drain: () => queue,
    async close() {
      await queue;
      await handle?.close().catch(() => {});
      handle = undefined;
    },
    dropped: () => lost,
  };
}
