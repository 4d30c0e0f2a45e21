/** Journals built from the shared types, as the jobs area writes them. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JournalEntry } from '../../../main/journal/journal-entry';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../../../main/journal/journal-entry';
import { jsonlFileName } from '../../../main/storage/jsonl-files';
import type { LogRecord } from '../../../preload/log-domain';

export const T0 = Date.parse('2026-03-02T08:00:00Z');

export function makeRecord(i: number, over: Partial<LogRecord> = {}): LogRecord {
  const startedAt = T0 + i * 60_000;
  return {
    jobId: `job-${i}`,
    startedAt,
    finishedAt: startedAt + 300_000,
    durationMs: 300_000,
    serialNumber: `F7TLWCLB${String(i).padStart(4, '0')}`,
    ecid: `0x${(0x8294e3a41000 + i).toString(16).toUpperCase()}`,
    udid: `00008101-${(0x8294e3a41000 + i).toString(16).toUpperCase()}`,
    deviceType: 'iPad13,16',
    model: 'iPad Air (5th generation)',
    iosVersion: '17.4',
    finalName: `CART-A-${String(i).padStart(2, '0')}`,
    workflowId: 'supervise-and-enroll',
    workflowName: 'Supervise and enroll',
    profileIdentifier: 'com.microsoft.intune.enrollment.3f1c7a2e',
    organization: 'Contoso Schools',
    portLabel: `Hub 1 port ${(i % 7) + 1}`,
    outcome: 'succeeded',
    overrides: [],
    steps: [
      { step: 'erase', outcome: 'done' },
      { step: 'prepare', outcome: 'done' },
      { step: 'install-enrollment-profile', outcome: 'done' },
    ],
    stationName: 'Bench Mac 1',
    appVersion: '0.1.0',
    sessionId: 'session-1',
    ...over,
  };
}

/** The entries one job leaves in the journal: created, a few transitions, ended. */
export function jobEntries(record: LogRecord): JournalEntry[] {
  const base = { v: 1 as const, jobId: record.jobId, ecid: record.ecid };
  return [
    {
      ...base,
      kind: 'job-created',
      at: record.startedAt,
      sessionId: record.sessionId,
      workflowId: record.workflowId,
      ...(record.serialNumber ? { serialNumber: record.serialNumber } : {}),
    },
    {
      ...base,
      kind: 'job-transition',
      at: record.startedAt + 1,
      phase: 'running',
      step: 'erase',
      attempt: 1,
    },
    {
      ...base,
      kind: 'job-transition',
      at: record.startedAt + 2,
      phase: 'running',
      step: 'prepare',
      attempt: 1,
    },
    { ...base, kind: 'job-ended', at: record.finishedAt, record },
  ];
}

export function journalDir(dataDir: string): string {
  return path.join(dataDir, JOURNAL_DIR);
}

export function journalFile(dataDir: string, index = 1): string {
  return path.join(journalDir(dataDir), jsonlFileName(JOURNAL_PREFIX, index));
}

export function journalText(records: readonly LogRecord[]): string {
  const session: JournalEntry = {
    v: 1,
    kind: 'session-started',
    at: T0,
    sessionId: 'session-1',
    stationName: 'Bench Mac 1',
    appVersion: '0.1.0',
  };
  return [session, ...records.flatMap(jobEntries)].map((e) => `${JSON.stringify(e)}\n`).join('');
}

/** Writes `records` as a journal in `dataDir`, `perFile` jobs to a file (rotated files). */
export async function writeJournal(
  dataDir: string,
  records: readonly LogRecord[],
  perFile = Infinity,
): Promise<void> {
  await mkdir(journalDir(dataDir), { recursive: true });
  for (let i = 0, file = 1; i < Math.max(records.length, 1); i += perFile, file++) {
    await writeFile(journalFile(dataDir, file), journalText(records.slice(i, i + perFile)));
  }
}
