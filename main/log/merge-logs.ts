/**
 * `enroll-bench log merge`: one log out of the logs of several Macs. Each input is a JSON export
 * (`enroll-bench log export --format json`), a copied journal file, or JSON Lines of records. Records are
 * validated like the journal's, keep their own station name, and are de-duplicated by job id (the later
 * finish wins: a retried job) and by serial number and finish time (the same job seen through two files).
 */
import { open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LogRecord } from '../../preload/log-domain';
import { scanJsonlFile } from '../storage/jsonl-scan';
import { parseLine } from '../storage/jsonl-files';
import { JSON_EXPORT_FORMAT } from './export/json-export';
import { parseJobEnded, parseLogRecord } from './log-record-schema';

/** A JSON export is parsed whole; beyond this it must be JSON Lines (which is read line by line). */
const MAX_JSON_BYTES = 512 * 1024 * 1024;

export interface MergeInput {
  readonly records: LogRecord[];
  readonly warnings: string[];
}

export async function readLogFile(file: string): Promise<MergeInput> {
  const name = path.basename(file);
  const size = (await stat(file)).size;
  const start = (await readStart(file)).trimStart();
  if (start.startsWith('[') || start.startsWith(`{"format":"${JSON_EXPORT_FORMAT}"`)) {
    if (size > MAX_JSON_BYTES) return { records: [], warnings: [`${name}: larger than 512 MB, not read.`] };
    return fromJson(name, await readFile(file, 'utf8'));
  }
  const records: LogRecord[] = [];
  const warnings: string[] = [];
  const result = await scanJsonlFile(file, (line, lineNumber) => {
    const parsed = parseLine(line, (value) => {
      const ended = parseJobEnded(value);
      return ended === undefined ? parseLogRecord(value) : ended;
    });
    if (!parsed.ok) warnings.push(`${name} line ${lineNumber}: ${parsed.problem}, skipped.`);
    else if (parsed.value !== 'other') records.push(parsed.value);
  });
  if (result.tailBytes > 0) warnings.push(`${name}: the last line was cut off and was skipped.`);
  return { records, warnings };
}

async function readStart(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.toString('utf8', 0, bytesRead).replace(/^\uFEFF/, '');
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
    const record = parseLogRecord(item);
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
