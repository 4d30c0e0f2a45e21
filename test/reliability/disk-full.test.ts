/**
 * Issue 14 item 3: the disk fills (ENOSPC from the storage layer under the journal) while a cart is in the
 * middle of its workflow. The bench must say so in its run status and start no step that would go
 * unrecorded; the steps already running may finish; every entry is written once space returns, in order,
 * and the cart then finishes.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobView } from '../../preload/jobs-domain';
import { openJournal } from '../../main/journal/job-journal';
import type { JournalEntry } from '../../main/journal/journal-entry';
import { listJsonlFiles, openJsonlAppender, type JsonlOptions } from '../../main/storage/jsonl-files';
import { jobsBench, until } from '../main/jobs/jobs-sim-harness';
import { recordFigures } from './figures';

const cart = 3;

const startedSteps = (jobs: readonly JobView[]): number[] => jobs.map((j) => j.steps.length);

describe('disk full while the cart is being recorded', () => {
  it('pauses before the next step with a banner, drops nothing, and resumes when space returns', async () => {
    const disk = { full: false, refused: 0 };
    const openAppender = async (options: JsonlOptions) => {
      const real = await openJsonlAppender(options);
      return {
        append: async (record: unknown) => {
          if (disk.full) {
            disk.refused += 1;
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          }
          return real.append(record);
        },
        close: () => real.close(),
      };
    };
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-full-'));
    const journal = await openJournal(dataDir, () => {}, { openAppender, retryMs: 50 });
    const appended: JournalEntry[] = [];
    const counted = {
      ...journal,
      entries: appended,
      append: (entry: JournalEntry) => {
        appended.push(entry);
        journal.append(entry);
      },
    };
    // MDM installs silently on a device we supervise, so the cart runs to the end without a person.
    const bench = await jobsBench({ journal: counted, world: { quirks: { mdmSilentOnSupervised: true } } });
    for (let i = 0; i < cart; i += 1) bench.handle.world.attach({ deviceClass: 'iPad', paired: true });
    await until(bench, (jobs) => jobs.length === cart && jobs.every((j) => (j.stepIndex ?? 0) >= 2));

    disk.full = true;
    await until(bench, () => bench.board.snapshot().run.recordingProblem !== undefined);
    const banner = bench.board.snapshot().run.recordingProblem ?? '';
    expect(banner).toMatch(/Jobs are paused: the disk is full/);
    // Steps under way may finish; none starts while nothing can be recorded.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const whileFull = startedSteps(bench.board.views());
    await new Promise((resolve) => setTimeout(resolve, 700));
    const later = startedSteps(bench.board.views());
    const stepsStartedWhileFull = later.reduce((n, c, i) => n + c - (whileFull[i] ?? 0), 0);
    expect(later).toEqual(whileFull);
    expect(bench.board.views().some((j) => j.phase === 'succeeded')).toBe(false);

    disk.full = false;
    const done = await until(bench, (jobs) => jobs.every((j) => j.phase === 'succeeded'), 60_000);
    expect(bench.board.snapshot().run.recordingProblem).toBeUndefined();
    await journal.close();

    // Everything the board journaled is on disk, once each, in the order it was appended.
    const onDisk: JournalEntry[] = [];
    for (const file of await listJsonlFiles(path.join(dataDir, 'journal'), 'jobs')) {
      for (const line of (await readFile(file, 'utf8')).split('\n'))
        if (line !== '') onDisk.push(JSON.parse(line) as JournalEntry);
    }
    expect(onDisk).toEqual(appended);
    const ended = onDisk.filter((e) => e.kind === 'job-ended');
    expect(ended.map((e) => e.ecid).sort()).toEqual(done.map((j) => j.ecid).sort());
    recordFigures('disk-full', {
      cart,
      writesRefusedWhileFull: disk.refused,
      entriesJournaled: appended.length,
      entriesOnDisk: onDisk.length,
      recordsLost: appended.length - onDisk.length,
      stepsStartedWhileFull,
      banner,
    });
  }, 90_000);
});
