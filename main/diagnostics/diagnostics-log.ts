/**
 * The bench's one diagnostics log: JSON Lines in `<data folder>/logs/diagnostics.jsonl`, written through one
 * sink that every service is injected with as {@link LogFn}.
 *
 * One record per line, `{"time", "event", "detail"}`: the event name and every detail value pass
 * ./log-value.ts, and JSON escapes what is left, so no value (a cfgutil path with a newline and a fake
 * timestamp, an escape code from a device name) can start a record of its own. Identical records are counted
 * (./repeat-counter.ts), and the files are capped and rotated (./rotating-log-file.ts).
 */
import path from 'node:path';
import type { LogFn } from './log-fn';
import { cleanLogText, toLogValue, type LogValue } from './log-value';
import { RepeatCounter } from './repeat-counter';
import { openRotatingLogFile } from './rotating-log-file';

export interface DiagnosticsRecord {
  readonly time: string;
  readonly event: string;
  readonly detail?: LogValue;
  /** On a summary record: how many identical records followed the first within the window. */
  readonly repeated?: number;
  /** On a summary record: when the first of them was written. */
  readonly since?: string;
}

export interface DiagnosticsLogOptions {
  /** The data folder; the log goes in its `logs/` folder. */
  readonly dataDir: string;
  readonly maxFileBytes?: number;
  readonly keepFiles?: number;
  readonly repeatWindowMs?: number;
  readonly now?: () => number;
}

export interface DiagnosticsLog {
  readonly log: LogFn;
  /** The file being written now. */
  readonly path: string;
  /** Writes pending repeat counts and waits until every record so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export const DIAGNOSTICS_FOLDER = 'logs';
const DEFAULTS = { maxFileBytes: 2 * 1024 * 1024, keepFiles: 3, repeatWindowMs: 60_000 } as const;
/** A record above this (it cannot be, after log-value's caps, but bounds are cheap) keeps its event only. */
const MAX_LINE_BYTES = 32 * 1024;

export function diagnosticsDir(dataDir: string): string {
  return path.join(dataDir, DIAGNOSTICS_FOLDER);
}

/** One record as its line: everything sanitised, then JSON (which escapes any newline left). */
export function formatRecord(record: DiagnosticsRecord): string {
  const line = JSON.stringify(record);
  if (Buffer.byteLength(line) <= MAX_LINE_BYTES) return line;
  return JSON.stringify({ time: record.time, event: record.event, detail: '[record too large]' });
}

export function openDiagnosticsLog(options: DiagnosticsLogOptions): DiagnosticsLog {
  const now = options.now ?? Date.now;
  const file = openRotatingLogFile({
    dir: diagnosticsDir(options.dataDir),
    baseName: 'diagnostics',
    maxFileBytes: options.maxFileBytes ?? DEFAULTS.maxFileBytes,
    keepFiles: options.keepFiles ?? DEFAULTS.keepFiles,
  });
  const repeats = new RepeatCounter<{ event: string; detail?: LogValue }>({
    windowMs: options.repeatWindowMs ?? DEFAULTS.repeatWindowMs,
    now,
    onRepeats: (original, count, firstAt) => {
      const since = new Date(firstAt).toISOString();
      file.write(formatRecord({ time: new Date(now()).toISOString(), ...original, repeated: count, since }));
    },
  });

  const log: LogFn = (message, detail) => {
    try {
      const event = cleanLogText(String(message), 120);
      const clean = detail === undefined ? undefined : toLogValue(detail);
      const body = clean === undefined ? { event } : { event, detail: clean };
      const key = JSON.stringify(body);
      if (!repeats.admit(key, body)) return;
      file.write(formatRecord({ time: new Date(now()).toISOString(), ...body }));
    } catch {
      // Logging must never break the caller.
    }
  };

  return {
    log,
    path: file.path,
    flush: async () => {
      repeats.flush();
      await file.drain();
    },
    close: async () => {
      repeats.flush();
      await file.close();
    },
  };
}
