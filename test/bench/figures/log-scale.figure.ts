/**
 * Figure 5, the bench log at scale. Append: job entries written one by one through the journal's own JSON
 * Lines appender (one write and one fdatasync each, as the jobs area writes them). Then a journal of 100,000
 * jobs (400,000 lines over ten files, as test/bench/bench-log.bench.ts builds it) opened (first index),
 * filtered (a new search with its summary) and exported to CSV through the log's own channels, the way the
 * window asks for them. CPU time is printed beside wall time: on a shared machine wall time is mostly waiting.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { JOURNAL_DIR, JOURNAL_PREFIX } from '../../../main/journal/journal-entry';
import { LogChannels } from '../../../main/log/log-channels';
import { jsonlFileName, openJsonlAppender } from '../../../main/storage/jsonl-files';
import { jobEntries, journalText, makeRecord } from '../../main/log/journal-fixtures';
import { emit, figure, info, quick, round, say } from './figure-record';

const JOBS = quick ? 20_000 : 100_000;
const PER_FILE = 10_000;
const APPENDS = quick ? 400 : 2_000;

async function timed<T>(
  task: () => Promise<T>,
): Promise<{ value: T; ms: number; cpuMs: number; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await task();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { value, ms, cpuMs: (used.user + used.system) / 1000, stallMs: histogram.max / 1e6 };
}

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-log-figure-'));
try {
  const journal = path.join(dataDir, JOURNAL_DIR);
  // Append throughput, on a journal of its own.
  const appender = await openJsonlAppender({ dir: path.join(dataDir, 'append'), prefix: JOURNAL_PREFIX });
  const entries = Array.from({ length: APPENDS / 4 }, (_, i) => jobEntries(makeRecord(i))).flat();
  const appended = await timed(async () => {
    for (const entry of entries) await appender.append(entry);
  });
  await appender.close();
  const perSecond = entries.length / (appended.ms / 1000);
  say(`appended ${entries.length} entries in ${Math.round(appended.ms)} ms (each flushed to disk)`);

  await mkdir(journal, { recursive: true });
  for (let start = 0; start < JOBS; start += PER_FILE) {
    const batch = Array.from({ length: PER_FILE }, (_, k) => {
      const i = start + k;
      return makeRecord(i, {
        outcome: i % 20 === 0 ? 'failed' : 'succeeded',
        sessionId: `session-${Math.floor(i / 500)}`,
        serialNumber: `SN${String(i).padStart(10, '0')}`,
      });
    });
    await writeFile(
      path.join(journal, jsonlFileName(JOURNAL_PREFIX, start / PER_FILE + 1)),
      journalText(batch),
    );
  }
  const channels = new LogChannels({ dataDir, secrets: { secrets: async () => [] } });
  const opened = await timed(async () => {
    await channels.index.refresh();
    return channels.queryLog({});
  });
  const filtered = await timed(() =>
    channels.queryLog({ search: 'sn000000042', outcome: 'succeeded', limit: 500 }),
  );
  const exported = await timed(() => channels.exportLog({ format: 'csv', outcome: 'all' }));
  if (!opened.value.ok || !filtered.value.ok || !exported.value.ok) throw new Error('a log channel refused');
  const total = opened.value.value.total;
  say(
    `open ${Math.round(opened.ms)} ms (CPU ${Math.round(opened.cpuMs)}, stall ${Math.round(opened.stallMs)}), ` +
      `filter ${Math.round(filtered.ms)} ms, export CSV ${Math.round(exported.ms)} ms (CPU ${Math.round(exported.cpuMs)}); ${total} records`,
  );
  const n = `${JOBS.toLocaleString('en')} records`;
  emit([
    figure(
      'log: append throughput (each entry flushed)',
      Math.round(perSecond),
      'entries/s',
      ['>=', 100],
      `${entries.length} entries, one fdatasync each`,
    ),
    figure(
      `log: open (first index + first page), ${n}`,
      round(opened.ms / 1000, 2),
      's',
      ['<', 10],
      `CPU ${round(opened.cpuMs / 1000, 2)} s; built in the background at start`,
    ),
    info(`log: longest event-loop stall while opening, ${n}`, Math.round(opened.stallMs), 'ms'),
    figure(`log: filter (new search + summary), ${n}`, Math.round(filtered.ms), 'ms', ['<', 200]),
    figure(
      `log: export CSV, ${n}`,
      round(exported.ms / 1000, 2),
      's',
      ['<', 2],
      `CPU ${round(exported.cpuMs / 1000, 2)} s`,
    ),
  ]);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
