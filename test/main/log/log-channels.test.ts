import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineSupervisor } from '../../../main/app/engine-supervisor';
import { composeHandlers } from '../../../main/app/compose-handlers';
import { unavailableJobChannels } from '../../../main/app/unavailable-channels';
import { createInvokeDispatcher } from '../../../main/ipc/dispatch-invoke';
import { EventHub } from '../../../main/events/event-hub';
import { LogChannels } from '../../../main/log/log-channels';
import type { BenchEvent } from '../../../preload/contract';
import { jobEntries, journalFile, makeRecord, T0, writeJournal } from './journal-fixtures';

let dataDir: string;
let channels: LogChannels;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'log-channels-'));
  channels = new LogChannels({ dataDir, secrets: { secrets: async () => [] }, now: () => T0 });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function page(query: Parameters<LogChannels['queryLog']>[0]) {
  const result = await channels.queryLog(query);
  if (!result.ok) throw new Error(result.error.title);
  return result.value;
}

describe('LogChannels.queryLog', () => {
  it('pages newest first, with the total and the summary of everything that matches', async () => {
    const records = Array.from({ length: 12 }, (_, i) =>
      makeRecord(i, { durationMs: (i + 1) * 60_000, outcome: i % 4 === 3 ? 'failed' : 'succeeded' }),
    );
    await writeJournal(dataDir, records);
    const first = await page({ limit: 5 });
    expect(first.records.map((r) => r.jobId)).toEqual(['job-11', 'job-10', 'job-9', 'job-8', 'job-7']);
    expect(first.total).toBe(12);
    const second = await page({ limit: 5, offset: 10 });
    expect(second.records.map((r) => r.jobId)).toEqual(['job-1', 'job-0']);
    // 9 succeeded with durations 1,2,3,5,6,7,9,10,11 minutes: the median is 6 minutes.
    expect(first.summary).toMatchObject({ prepared: 9, failed: 3, medianDurationMs: 360_000 });
    // One session from job-0's start (T0) to job-11's finish (T0 + 11 min + 5 min): 9 devices in 16 minutes.
    expect(first.summary.devicesPerHour).toBeCloseTo(9 / (16 / 60));
    expect(first.sessions).toEqual([{ sessionId: 'session-1', startedAt: T0 }]);
  });

  it('searches serial and name, and filters by outcome, date and session', async () => {
    await writeJournal(dataDir, [
      makeRecord(0),
      makeRecord(1, { finalName: 'Library iPad', outcome: 'failed' }),
      makeRecord(2, { sessionId: 'session-2', serialNumber: 'DMPXK1ABCD' }),
    ]);
    expect((await page({ search: 'library' })).records.map((r) => r.jobId)).toEqual(['job-1']);
    expect((await page({ search: 'dmpxk1' })).records.map((r) => r.jobId)).toEqual(['job-2']);
    expect((await page({ outcome: 'failed' })).total).toBe(1);
    expect((await page({ sessionId: 'session-2' })).total).toBe(1);
    expect((await page({ from: makeRecord(1).finishedAt })).total).toBe(2);
    expect((await page({ to: makeRecord(0).finishedAt })).total).toBe(1);
    expect((await page({ outcome: 'all' })).sessions.map((s) => s.sessionId)).toEqual([
      'session-2',
      'session-1',
    ]);
  });

  it('sees a job that ended after the last query, and reports journal warnings', async () => {
    await writeJournal(dataDir, [makeRecord(0)]);
    expect((await page({})).total).toBe(1);
    const lines = jobEntries(makeRecord(1)).map((e) => `${JSON.stringify(e)}\n`);
    await appendFile(journalFile(dataDir), `${lines.join('')}{"torn`);
    const after = await page({});
    expect(after.total).toBe(2);
    expect(after.warnings).toEqual([
      'jobs-000001.jsonl: the last line was cut off (a crash while writing) and was skipped.',
    ]);
  });

  it('answers an empty log when there is no journal yet', async () => {
    expect(await page({})).toMatchObject({ records: [], total: 0, summary: { prepared: 0, failed: 0 } });
  });
});

describe('LogChannels through the dispatcher', () => {
  it('is composed in place of the unavailable log area, and exports files as text', async () => {
    await writeJournal(dataDir, [makeRecord(0), makeRecord(1, { outcome: 'failed' })]);
    const dispatch = createInvokeDispatcher(
      composeHandlers({
        engines: {} as EngineSupervisor,
        simulator: { simulate: async () => ({ ok: true, value: [] }) },
        jobs: unavailableJobChannels(),
        log: channels,
      }),
    );
    const exported = await dispatch('exportLog', [{ format: 'csv' }]);
    expect(exported.ok).toBe(true);
    const files = exported.ok
      ? (exported.value as { files: { fileName: string; text: string }[] }).files
      : [];
    expect(files.map((f) => f.fileName)).toEqual(['enroll-bench-log-2026-03-02.csv']);
    expect(files[0]?.text.split('\r\n').filter(Boolean)).toHaveLength(2);
    const refused = await dispatch('exportLog', [{ format: 'xlsx' }]);
    expect(refused.ok).toBe(false);
    const queried = await dispatch('queryLog', [{ limit: 1 }]);
    expect(queried.ok && (queried.value as { total: number }).total).toBe(2);
  });

  it('exports what the view lists: the search and session filters reach the export', async () => {
    await writeJournal(dataDir, [
      makeRecord(0, { finalName: 'Library iPad 1' }),
      makeRecord(1, { finalName: 'Library iPad 2', sessionId: 'session-2' }),
      makeRecord(2, { finalName: 'Office iPad', sessionId: 'session-2' }),
    ]);
    const dispatch = createInvokeDispatcher(
      composeHandlers({
        engines: {} as EngineSupervisor,
        simulator: { simulate: async () => ({ ok: true, value: [] }) },
        jobs: unavailableJobChannels(),
        log: channels,
      }),
    );
    const filter = { search: 'library', sessionId: 'session-2', outcome: 'all' };
    const listed = await dispatch('queryLog', [filter]);
    const exported = await dispatch('exportLog', [{ format: 'json', ...filter }]);
    if (!listed.ok || !exported.ok) throw new Error('a log channel failed');
    const jobIdsIn = (records: readonly { jobId: string }[]) => records.map((r) => r.jobId);
    const file = (exported.value as { files: { text: string }[] }).files[0]?.text ?? '';
    expect(jobIdsIn((JSON.parse(file) as { records: { jobId: string }[] }).records)).toEqual(['job-1']);
    expect(jobIdsIn((listed.value as { records: { jobId: string }[] }).records)).toEqual(['job-1']);
    const tooLong = await dispatch('exportLog', [{ format: 'csv', search: 'x'.repeat(201) }]);
    expect(tooLong.ok).toBe(false);
  });
});

describe('LogChannels.announceChanges', () => {
  it('pushes logChanged when jobs that ended on the bench reach the journal, coalesced for a cart', async () => {
    await writeJournal(dataDir, [makeRecord(0)]);
    await page({});
    const hub = new EventHub();
    const events: BenchEvent[] = [];
    hub.subscribe((e) => events.push(e));
    const endings = new Set<() => void>();
    const jobEnded = () => {
      for (const listener of endings) listener();
    };
    const stop = channels.announceChanges(
      hub,
      (listener) => {
        endings.add(listener);
        return () => endings.delete(listener);
      },
      { intervalMs: 200, firstLookMs: 20 },
    );
    const logChanged = () => events.filter((e) => e.channel === 'logChanged');
    const cart = Array.from({ length: 64 }, (_, i) => makeRecord(i + 1));
    // The recorder tells of each ending; the journal's lines land a moment later (the appender is async).
    for (let i = 0; i < cart.length; i += 1) jobEnded();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = cart.flatMap(jobEntries).map((e) => `${JSON.stringify(e)}\n`);
    await appendFile(journalFile(dataDir), lines.join(''));
    await expect.poll(() => logChanged().at(-1)?.payload, { timeout: 5_000 }).toMatchObject({ records: 65 });
    // 64 endings, one journal write: one event (two if the write landed between two looks), never 64.
    expect(logChanged().length).toBeLessThanOrEqual(2);
    expect((await page({})).total).toBe(65);
    stop();
    expect(endings.size).toBe(0);
    jobEnded();
    await appendFile(
      journalFile(dataDir),
      jobEntries(makeRecord(99))
        .map((e) => `${JSON.stringify(e)}\n`)
        .join(''),
    );
    const before = logChanged().length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(logChanged()).toHaveLength(before);
  });
});
