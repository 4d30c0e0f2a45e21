/**
 * The bench log at 100,000 records: the first index of a journal (400,000 lines across rotated files, as the
 * jobs area writes them), an incremental refresh after 100 more jobs, a filtered page with its summary, and
 * the three exports (target: CSV under 2 s). Also prints the longest event-loop stall during the first index,
 * which is what the operator would feel in the window.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../../main/journal/journal-entry';
import { exportRecords } from '../../main/log/export/export-log';
import { LogChannels } from '../../main/log/log-channels';
import { LogIndex } from '../../main/log/log-index';
import { jsonlFileName } from '../../main/storage/jsonl-files';
import type { LogRecord } from '../../preload/log-domain';
import { jobEntries, journalText, makeRecord } from '../main/log/journal-fixtures';

const JOBS = 100_000;
const PER_FILE = 10_000;
let dataDir: string;
let journal: string;
let records: LogRecord[];
let channels: LogChannels;
let extra = 0;

const record = (i: number) =>
  makeRecord(i, {
    outcome: i % 20 === 0 ? 'failed' : 'succeeded',
    sessionId: `session-${Math.floor(i / 500)}`,
    serialNumber: `SN${String(i).padStart(10, '0')}`,
  });

/** Wall time of `task` and the longest the event loop was held while it ran. */
async function stalls(task: () => Promise<unknown>): Promise<{ ms: string; stall: string }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  await task();
  // A stall is recorded when the delayed timer finally runs: let it run before reading the histogram.
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { ms: (performance.now() - started).toFixed(0), stall: (histogram.max / 1e6).toFixed(0) };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-log-'));
  journal = path.join(dataDir, JOURNAL_DIR);
  await mkdir(journal, { recursive: true });
  for (let start = 0; start < JOBS; start += PER_FILE) {
    const batch = Array.from({ length: PER_FILE }, (_, k) => record(start + k));
    await writeFile(
      path.join(journal, jsonlFileName(JOURNAL_PREFIX, start / PER_FILE + 1)),
      journalText(batch),
    );
  }
  channels = new LogChannels({ dataDir, secrets: { secrets: async () => [] } });
  const indexed = await stalls(() => channels.index.refresh());
  const queried = await stalls(() => channels.queryLog({}));
  console.log(
    `first index of 100,000 jobs: ${indexed.ms} ms, longest event-loop stall ${indexed.stall} ms; ` +
      `first query (sort, filter, summary): ${queried.ms} ms, stall ${queried.stall} ms`,
  );
  records = channels.index.records().map((r) => r.record);
  // The machine these run on is shared, so wall time varies; CPU time says what the export itself costs.
  for (const format of ['csv', 'intune', 'json'] as const) {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    await exportRecords(
      records,
      { format, outcome: 'all' },
      { now: Date.now(), secrets: ['S3cr3t-Ch4llenge'] },
    );
    const used = process.cpuUsage(cpu);
    console.log(
      `export ${format} of ${records.length}: ${(performance.now() - wall).toFixed(0)} ms wall, ` +
        `${((used.user + used.system) / 1000).toFixed(0)} ms CPU`,
    );
  }
}, 300_000);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('bench log, 100,000 records', () => {
  bench(
    'open: first index of the journal',
    async () => {
      await new LogIndex(journal, JOURNAL_PREFIX).refresh();
    },
    { iterations: 3, time: 0, warmupIterations: 0 },
  );

  bench(
    'refresh after 100 more jobs ended',
    async () => {
      const more = Array.from({ length: 100 }, () => jobEntries(record(JOBS + extra++))).flat();
      await appendFile(
        path.join(journal, jsonlFileName(JOURNAL_PREFIX, JOBS / PER_FILE)),
        more.map((e) => `${JSON.stringify(e)}\n`).join(''),
      );
      await channels.queryLog({});
    },
    { iterations: 10, time: 0 },
  );

  bench(
    'query: search, filter, summary and one page (a new search each time)',
    async () => {
      await channels.queryLog({ search: `sn00000${extra++ % 10}`, outcome: 'succeeded', limit: 500 });
    },
    { iterations: 10, time: 0 },
  );

  bench(
    'next page of the same query',
    async () => {
      await channels.queryLog({ outcome: 'all', offset: (extra++ % 100) * 500, limit: 500 });
    },
    { iterations: 20, time: 0 },
  );

  for (const format of ['csv', 'intune', 'json'] as const) {
    bench(
      `export ${format}`,
      async () => {
        await exportRecords(
          records,
          { format, outcome: 'all' },
          { now: Date.now(), secrets: ['S3cr3t-Ch4llenge'] },
        );
      },
      { iterations: 3, time: 0 },
    );
  }
});
