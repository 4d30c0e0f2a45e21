/**
 * A restart mid-cart (the app quit or crashed): the journal says where each job was. Attached devices cut off
 * mid-step show interrupted and run nothing until the operator's Retry; a device already done shows Done
 * (skipped, already-done) and is rerun only on Rerun.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../main/journal/journal-entry';
import { JOURNAL_DIR } from '../../../main/journal/journal-entry';
import { foldJournal, openJournal, readJournal } from '../../../main/journal/job-journal';
import { jobOf, jobsBench, until } from './jobs-sim-harness';

const CHANGING = new Set(['erase', 'prepare', 'install-profile', 'rename']);

describe('restart mid-cart from the journal', () => {
  it('shows cut-off jobs as interrupted, reruns nothing by itself, and goes on at the step on Retry', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const world = bench.handle.world;
    const done = world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, done.ecid)?.phase === 'succeeded', 30_000);
    const cut = world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, cut.ecid)?.step === 'prepare', 30_000);
    // A crash: the journal as it was on disk at this moment, without the shutdown's own entries.
    const onDisk = foldJournal([...(bench.journal.entries as JournalEntry[])]);
    expect(onDisk.lastByEcid.get(cut.ecid)).toMatchObject({ phase: 'running', ended: false, stepIndex: 2 });
    const board = await bench.restart(onDisk);
    const after = await until(
      { board },
      (j) => j.length === 2 && j.every((x) => x.phase === 'interrupted' || x.phase === 'skipped'),
    );
    expect(jobOf(after, done.ecid)).toMatchObject({ phase: 'skipped', skipReason: 'already-done' });
    expect(jobOf(after, cut.ecid)).toMatchObject({ phase: 'interrupted', stepIndex: 2, step: 'prepare' });
    const before = bench.runs.filter((r) => CHANGING.has(r.command)).length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(bench.runs.filter((r) => CHANGING.has(r.command)).length).toBe(before);

    board.jobAction(cut.ecid, 'retry');
    const finished = await until({ board }, (j) => jobOf(j, cut.ecid)?.phase === 'succeeded', 30_000);
    expect(jobOf(finished, cut.ecid)?.steps[0]?.step).toBe('prepare');
    expect(bench.runs.filter((r) => r.ecid === cut.ecid && r.command === 'erase')).toHaveLength(1);

    board.jobAction(done.ecid, 'rerun');
    await until(
      { board },
      (j) => jobOf(j, done.ecid)?.phase === 'succeeded' && (jobOf(j, done.ecid)?.steps.length ?? 0) === 8,
      30_000,
    );
    expect(bench.runs.filter((r) => r.ecid === done.ecid && r.command === 'erase')).toHaveLength(2);
  }, 60_000);
});

describe('restart after the bench was closed mid-job', () => {
  it('shows the job interrupted at its step and runs nothing by itself', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.step === 'prepare', 30_000);
    const entries = bench.journal.entries as JournalEntry[];
    await bench.board.close();
    expect(entries.at(-1)).toMatchObject({ kind: 'job-ended', record: { outcome: 'interrupted' } });
    const board = await bench.restart(foldJournal([...entries]));
    const jobs = await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'interrupted');
    expect(jobOf(jobs, device.ecid)?.step).toBe('prepare');
    const before = bench.runs.filter((r) => CHANGING.has(r.command)).length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bench.runs.filter((r) => CHANGING.has(r.command)).length).toBe(before);
  }, 40_000);
});

describe('the journal on disk', () => {
  it('appends one line per entry and reads back with a torn last line skipped with a warning', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'journal-'));
    try {
      const sink = await openJournal(dir, (e) => {
        throw e;
      });
      sink.append({
        v: 1,
        kind: 'job-created',
        at: 1,
        sessionId: 's',
        jobId: 'j',
        ecid: '0xA',
        workflowId: 'w',
        serialNumber: 'S1',
        profileSha256: 'p',
      });
      sink.append({
        v: 1,
        kind: 'job-transition',
        at: 2,
        jobId: 'j',
        ecid: '0xA',
        phase: 'running',
        step: 'erase',
        stepIndex: 0,
        attempt: 1,
      });
      await sink.close();
      const file = path.join(dir, JOURNAL_DIR, 'jobs-000001.jsonl');
      expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(3);
      await writeFile(file, `${await readFile(file, 'utf8')}{"v":1,"kind":"job-tra`, { flag: 'w' });
      const history = await readJournal(dir);
      expect(history.warnings).toEqual([expect.stringMatching(/last line was cut off/)]);
      expect(history.lastByEcid.get('0xA')).toMatchObject({
        jobId: 'j',
        phase: 'running',
        stepIndex: 0,
        ended: false,
        serialNumber: 'S1',
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
