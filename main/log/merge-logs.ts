/**
 * `enroll-bench log merge`: one log out of the logs of several Macs. Each input is a JSON export
 * (`enroll-bench log export --format json`), a copied journal file, or JSON Lines of records. Records are
 * validated like the journal's (with the Intune columns an export carries), keep their own station name, and
 * are de-duplicated by job id (the later finish wins: a retried job) and by serial number and finish time (the
 * same job seen through two files).
 */
import { openSafeFile, readSafeText, readUpTo } from '../storage/safe-file';
import path from 'node:path';
import type { LogRecord } from '../../preload/log-domain';
import { scanJsonlFile } from '../storage/jsonl-scan';
import { parseLine } from '../storage/jsonl-files';
import { JSON_EXPORT_FORMAT } from './export/json-export';
import { parseExportedRecord, parseJobEnded } from './log-record-schema';

/**
 * A JSON export is parsed whole, so it is bounded twice before JSON.parse: by size, and by how many lists and
 * objects it holds (450 MB of `[]` is tiny text and millions of objects in memory). A real export needs a
 * handful of containers per record. Bigger logs are merged as JSON Lines, which are read line by line.
 */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;
export const MAX_JSON_CONTAINERS = 2_000_000;
export const MAX_JSON_DEPTH = 64;

/** Counts `[` and `{` outside strings, stopping early; true when the text is within both bounds. */
function jsonShapeWithin(text: string): boolean {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      containers += 1;
      if (depth > MAX_JSON_DEPTH || containers > MAX_JSON_CONTAINERS) return false;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return true;
}

/** The operator names merge inputs: links are followed, but only to regular files (never a pipe or a device). */
const operatorNamed = { followLinks: true } as const;

export interface MergeInput {
  readonly records: LogRecord[];
  readonly warnings: string[];
}

export async function readLogFile(file: string): Promise<MergeInput> {
  const name = path.basename(file);
  const { start, size } = await readStart(file);
  if (start.startsWith('[') || start.startsWith(`{"format":"${JSON_EXPORT_FORMAT}"`)) {
    const tooBig = `${name}: a JSON export larger than ${MAX_JSON_BYTES / (1024 * 1024)} MB or with more than ${MAX_JSON_CONTAINERS.toLocaleString('en-US')} lists and objects, not read. Export it as JSON Lines (the journal files) and merge those.`;
    if (size > MAX_JSON_BYTES) return { records: [], warnings: [tooBig] };
    const text = await readSafeText(file, { ...operatorNamed, maxBytes: MAX_JSON_BYTES });
    if (!jsonShapeWithin(text)) return { records: [], warnings: [tooBig] };
    return fromJson(name, text);
  }
  const records: LogRecord[] = [];
  const warnings: string[] = [];
  const result = await scanJsonlFile(
    file,
    (line, lineNumber) => {
      const parsed = parseLine(line, (value) => {
        const ended = parseJobEnded(value);
        return ended === undefined ? parseExportedRecord(value) : ended;
      });
      if (!parsed.ok) warnings.push(`${name} line ${lineNumber}: ${parsed.problem}, skipped.`);
      else if (parsed.value !== 'other') records.push(parsed.value);
    },
    { open: operatorNamed },
  );
  if (result.tailBytes > 0) warnings.push(`${name}: the last line was cut off and was skipped.`);
  return { records, warnings };
}

async function readStart(file: string): Promise<{ start: string; size: number }> {
  const { handle, size } = await openSafeFile(file, operatorNamed);
  try {
    const start = (await readUpTo(handle, 256))
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimStart();
    return { start, size };
  } finally {
    await handle.close();
  }
}

function fromJson(name: string, text: string): MergeInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { records: [], warnings: [`${name}: not valid JSON, not read.`] };
  }
  const list = Array.isArray(value) ? value : (value as { records?: unknown }).records;
  if (!Array.isArray(list)) return { records: [], warnings: [`${name}: no "records" list, not read.`] };
  const records: LogRecord[] = [];
  let bad = 0;
  for (const item of list) {
    const record = parseExportedRecord(item);
    if (record) records.push(record);
    else bad += 1;
  }
  return {
    records,
    warnings: bad > 0 ? [`${name}: ${bad} records this bench does not know were skipped.`] : [],
  };
}

/** Oldest first, each job once. */
export function mergeRecords(lists: readonly (readonly LogRecord[])[]): LogRecord[] {
  const byJob = new Map<string, LogRecord>();
  for (const record of lists.flat()) {
    const known = byJob.get(record.jobId);
    if (!known || record.finishedAt > known.finishedAt) byJob.set(record.jobId, record);
  }
  const seen = new Set<string>();
  const merged: LogRecord[] = [];
  for (const record of [...byJob.values()].sort((a, b) => a.finishedAt - b.finishedAt)) {
    const key = record.serialNumber
      ? `${record.serialNumber.trim().toUpperCase()}|${record.finishedAt}`
      : undefined;
    if (key && seen.has(key)) continue;
    if (key) seen.add(key);
    merged.push(record);
  }
  return merged;
}
