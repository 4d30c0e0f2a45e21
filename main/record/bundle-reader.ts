/**
 * Reads a recording bundle back, bounded and validated: a bundle arrives attached to a bug report, so it is
 * outside input like any other.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BenchError } from '../errors/bench-error';
import { listJsonlFiles, readJsonlFiles } from '../storage/jsonl-files';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  type BundleManifest,
  EXCHANGES_PREFIX,
  MANIFEST_FILE,
  type RecordedExchange,
} from './bundle-format';

const MAX_MANIFEST_BYTES = 64 * 1024;
const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
const OUTCOMES = new Set(['exited', 'timed-out', 'cancelled', 'output-too-large', 'start-failed']);

export interface ReadBundle {
  readonly manifest: BundleManifest;
  readonly exchanges: readonly RecordedExchange[];
  /** Torn or unreadable lines that were skipped (a crash while recording). */
  readonly warnings: readonly string[];
}

/** A folder that cannot be replayed; a `BenchError`, so the CLI explains it instead of printing a stack. */
export class BundleError extends BenchError {
  constructor(detail: string) {
    super({ code: 'invalid-request', title: 'Not a usable recording', detail, retryable: false });
  }
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** The exchange when `value` has every field with the right type; undefined otherwise. */
export function acceptExchange(value: unknown): RecordedExchange | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Record<string, unknown>;
  const ok =
    Number.isSafeInteger(e.seq) &&
    typeof e.startedAtMs === 'number' &&
    typeof e.durationMs === 'number' &&
    isStringArray(e.args) &&
    typeof e.command === 'string' &&
    (e.ecid === undefined || typeof e.ecid === 'string') &&
    (e.env === undefined || isStringRecord(e.env)) &&
    typeof e.stdout === 'string' &&
    typeof e.stderr === 'string' &&
    (e.exitCode === null || Number.isSafeInteger(e.exitCode)) &&
    (e.signal === null || typeof e.signal === 'string') &&
    typeof e.outcome === 'string' &&
    OUTCOMES.has(e.outcome);
  return ok ? (value as RecordedExchange) : undefined;
}

function acceptManifest(value: unknown, dir: string): BundleManifest {
  const m = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (m.format !== BUNDLE_FORMAT)
    throw new BundleError(
      `${dir} is not an Enroll Bench recording (its manifest has no "format": "${BUNDLE_FORMAT}")`,
    );
  if (m.version !== BUNDLE_VERSION)
    throw new BundleError(
      `${dir} is a recording of version ${String(m.version)}; this bench reads version ${BUNDLE_VERSION}`,
    );
  return value as BundleManifest;
}

export async function readBundle(dir: string): Promise<ReadBundle> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    if ((await stat(manifestPath)).size > MAX_MANIFEST_BYTES)
      throw new BundleError(`${manifestPath} is larger than a manifest can be`);
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(
      `${dir} has no readable ${MANIFEST_FILE}: is it a recording folder made by --record?`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BundleError(`${manifestPath} is not JSON`);
  }
  const manifest = acceptManifest(parsed, dir);
  let total = 0;
  for (const file of await listJsonlFiles(dir, EXCHANGES_PREFIX)) total += (await stat(file)).size;
  if (total > MAX_BUNDLE_BYTES)
    throw new BundleError(`${dir} holds more than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB of exchanges`);
  const { records, warnings } = await readJsonlFiles(dir, EXCHANGES_PREFIX, acceptExchange);
  return { manifest, exchanges: [...records].sort((a, b) => a.seq - b.seq), warnings };
}
