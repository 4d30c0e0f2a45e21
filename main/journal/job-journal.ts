/**
 * The jobs' journal: every transition appended to JSON Lines in the data folder (main/storage/jsonl-files.ts,
 * flushed per record), and read back after a restart into what the bench needs to know: the last state of
 * each device's last job, and which serials already succeeded with which workflow and profile.
 */
import path from 'node:path';
import type { Ecid } from '../../preload/domain';
import type { JobPhase } from '../../preload/jobs-domain';
import { openJsonlAppender, readJsonlFiles, type JsonlAppender } from '../storage/jsonl-files';
import { JOURNAL_DIR, JOURNAL_PREFIX, type JournalEntry } from './journal-entry';
import { retryingJournal, type JournalHealthListener } from './journal-retry';

export interface LastJobState {
  readonly jobId: string;
  readonly workflowId: string;
  readonly phase: JobPhase;
  readonly stepIndex?: number;
  readonly serialNumber?: string;
  readonly profileSha256?: string;
  /** A `job-ended` entry closed it. */
  readonly ended: boolean;
}

export interface JournalHistory {
  readonly lastByEcid: ReadonlyMap<Ecid, LastJobState>;
  /** serial → `workflowId profileSha256` keys it succeeded with. */
  readonly doneBySerial: ReadonlyMap<string, ReadonlySet<string>>;
  readonly warnings: readonly string[];
}

export function doneKey(workflowId: string, profileSha256: string | undefined): string {
  return `${workflowId} ${profileSha256 ?? '-'}`;
}

const KINDS = new Set(['session-started', 'job-created', 'job-transition', 'job-ended']);

function acceptEntry(value: unknown): JournalEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as { v?: unknown; kind?: unknown; at?: unknown };
  if (
    entry.v !== 1 ||
    typeof entry.kind !== 'string' ||
    !KINDS.has(entry.kind) ||
    typeof entry.at !== 'number'
  ) {
    return undefined;
  }
  if (entry.kind !== 'session-started' && typeof (value as { ecid?: unknown }).ecid !== 'string')
    return undefined;
  return value as JournalEntry;
}

/** Folds journal entries into the history (pure, for tests). */
export function foldJournal(
  entries: readonly JournalEntry[],
  warnings: readonly string[] = [],
): JournalHistory {
  const last = new Map<Ecid, LastJobState>();
  const created = new Map<string, Extract<JournalEntry, { kind: 'job-created' }>>();
  const done = new Map<string, Set<string>>();
  for (const entry of entries) {
    if (entry.kind === 'job-created') {
      created.set(entry.jobId, entry);
      last.set(entry.ecid, {
        jobId: entry.jobId,
        workflowId: entry.workflowId,
        phase: 'queued',
        ended: false,
        ...(entry.serialNumber ? { serialNumber: entry.serialNumber } : {}),
        ...(entry.profileSha256 ? { profileSha256: entry.profileSha256 } : {}),
      });
    } else if (entry.kind === 'job-transition') {
      const before = last.get(entry.ecid);
      if (!before || before.jobId !== entry.jobId) continue;
      last.set(entry.ecid, {
        ...before,
        phase: entry.phase,
        ...(entry.stepIndex === undefined ? {} : { stepIndex: entry.stepIndex }),
      });
    } else if (entry.kind === 'job-ended') {
      const before = last.get(entry.ecid);
      if (before && before.jobId === entry.jobId) last.set(entry.ecid, { ...before, ended: true });
      const origin = created.get(entry.jobId);
      const serial = entry.record.serialNumber ?? origin?.serialNumber;
      if (entry.record.outcome === 'succeeded' && serial) {
        const keys = done.get(serial) ?? new Set<string>();
        keys.add(doneKey(entry.record.workflowId, origin?.profileSha256));
        done.set(serial, keys);
      }
    }
  }
  return { lastByEcid: last, doneBySerial: done, warnings };
}

export async function readJournal(dataDir: string): Promise<JournalHistory> {
  const { records, warnings } = await readJsonlFiles(
    path.join(dataDir, JOURNAL_DIR),
    JOURNAL_PREFIX,
    acceptEntry,
  );
  return foldJournal(records, warnings);
}

/** Where new entries go. A write that fails is reported and retried (./journal-retry.ts), never thrown into a job. */
export interface JournalSink {
  append(entry: JournalEntry): void;
  close(): Promise<void>;
  /** Told when entries cannot be written (a message for the operator) and when they can again (undefined). */
  onHealth?(listener: JournalHealthListener): () => void;
}

export interface OpenJournalOptions {
  readonly retryMs?: number;
  /** The storage under the journal; tests wrap it to inject write errors. */
  readonly openAppender?: typeof openJsonlAppender;
}

export async function openJournal(
  dataDir: string,
  onError: (error: unknown) => void,
  options: OpenJournalOptions = {},
): Promise<JournalSink> {
  const appender: JsonlAppender = await (options.openAppender ?? openJsonlAppender)({
    dir: path.join(dataDir, JOURNAL_DIR),
    prefix: JOURNAL_PREFIX,
  });
  return retryingJournal(appender, onError, options.retryMs);
}

export const memoryJournal = (): JournalSink & { readonly entries: JournalEntry[] } => {
  const entries: JournalEntry[] = [];
  return { entries, append: (e) => void entries.push(e), close: async () => {} };
};
