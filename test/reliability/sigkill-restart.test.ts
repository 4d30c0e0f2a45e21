/**
 * Issue 14 item 2: `enroll-bench run` on a simulated cart, SIGKILLed at seeded random moments, then started
 * again on the same data folder. After each restart: the journal reads back (at most the torn line of the
 * moment of the kill), the bench log exports every ended job exactly once, every device of the cart is
 * accounted for, and no device a killed job had started on is touched again without the operator's word.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../main/journal/journal-entry';
import { readJournal } from '../../main/journal/job-journal';
import { listJsonlFiles } from '../../main/storage/jsonl-files';
import { runLogCommand } from '../../main/cli/log-command';
import { bundleCli } from './cli-bundle';
import { recordFigures } from './figures';

const runs = 20;
const lanes = 2;
const cart = 3;
const seed = 1414;
/**
 * Kill moments, in ms after the spawn: from start-up to past a whole run of the cart (3.5 to 6 s here,
 * with two lanes), so some kills land mid-step and some after every device was done.
 */
const killWindowMs: [number, number] = [300, 8_000];

let cli = '';
beforeAll(async () => {
  cli = await bundleCli();
}, 60_000);

/** Mulberry32: the same kill moments on every run of the suite. */
function seeded(value: number): () => number {
  let state = value >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
}

function runBench(dataDir: string, killAfterMs?: number): Promise<Exit> {
  const child = spawn(
    process.execPath,
    [cli, 'run', '--workflow', 'supervise-and-enroll', '--simulate', '--cart', String(cart)].concat([
      '--time-scale',
      '0.005',
      '--until-idle',
      '--json',
    ]),
    { env: { ...process.env, ENROLL_BENCH_DATA: dataDir }, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  // A bound on a run that never ends: that would be a wedge, and the test fails on the SIGKILL it gets.
  const wedge = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(wedge);
      resolve({ code, signal, stdout });
    }),
  );
}

async function rawJournal(dataDir: string): Promise<{ entries: JournalEntry[]; torn: number }> {
  const entries: JournalEntry[] = [];
  let torn = 0;
  for (const file of await listJsonlFiles(path.join(dataDir, 'journal'), 'jobs')) {
    for (const line of (await readFile(file, 'utf8')).split('\n')) {
      if (line === '') continue;
      try {
        entries.push(JSON.parse(line) as JournalEntry);
      } catch {
        torn += 1;
      }
    }
  }
  return { entries, torn };
}

async function exportedLog(dataDir: string): Promise<{ jobId?: string; ecid?: string; outcome?: string }[]> {
  let out = '';
  const code = await runLogCommand(['export', '--format', 'json', '--outcome', 'all'], {
    out: (text) => (out += text),
    err: () => {},
    env: { ...process.env, ENROLL_BENCH_DATA: dataDir },
    now: () => Date.now(),
  });
  expect(code).toBe(0);
  const parsed = JSON.parse(out) as unknown;
  const records = Array.isArray(parsed) ? parsed : (parsed as { records?: unknown[] }).records;
  return (records ?? []) as { jobId?: string; ecid?: string; outcome?: string }[];
}

interface RunFigures {
  killedAtMs: number;
  killed: boolean;
  endedBeforeKill: number;
  interrupted: number;
  /** Ended jobs of the killed bench missing from the final log, plus cart devices without any record. */
  lost: number;
  rerunAfterDone: number;
  torn: number;
}

async function killAndRestart(killAtMs: number): Promise<RunFigures> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-kill-'));
  const first = await runBench(dataDir, killAtMs);
  const afterKill = await rawJournal(dataDir);
  const second = await runBench(dataDir);
  expect(second.signal, 'the restarted bench ran to idle by itself').toBeNull();

  const { entries, torn } = await rawJournal(dataDir);
  // Only the line being written at the kill may be torn; the restart ended it and wrote on.
  expect(torn).toBeLessThanOrEqual(1);
  expect((await readJournal(dataDir)).warnings.length).toBeLessThanOrEqual(1);
  const restartAt = entries.findLastIndex((e) => e.kind === 'session-started');
  // One session when the kill came before the bench wrote anything, else two.
  const sessions = entries.filter((e) => e.kind === 'session-started').length;
  expect(sessions === 2 || (sessions === 1 && afterKill.entries.length === 0)).toBe(true);
  const before = entries.slice(0, restartAt);
  const after = entries.slice(restartAt);

  // Devices the killed bench had started a step on, and those whose job it finished.
  const touched = new Set(
    before.flatMap((e) => (e.kind === 'job-transition' && e.step !== undefined ? [e.ecid] : [])),
  );
  const endedBefore = new Set(before.flatMap((e) => (e.kind === 'job-ended' ? [e.ecid] : [])));
  for (const entry of after) {
    if (entry.kind !== 'job-transition' || !touched.has(entry.ecid)) continue;
    expect(entry.phase, `${entry.ecid} ran again after the restart without the operator`).not.toBe('running');
  }

  // Every job that ended is in the bench log exactly once, and every device of the cart has a record.
  const ended = entries.flatMap((e) => (e.kind === 'job-ended' ? [e] : []));
  expect(new Set(ended.map((e) => e.jobId)).size).toBe(ended.length);
  const log = await exportedLog(dataDir);
  expect(log).toHaveLength(ended.length);
  expect(new Set(log.map((r) => r.jobId)).size).toBe(log.length);
  const report = JSON.parse(second.stdout) as { devices: { ecid: string; outcome: string }[] };
  expect(report.devices).toHaveLength(cart);
  for (const device of report.devices) {
    const records = ended.filter((e) => e.ecid === device.ecid);
    // Interrupted by the kill, then recorded once as interrupted; or finished (before or after) once.
    const finished = records.filter((e) => e.record.outcome === 'succeeded');
    expect(finished.length, `${device.ecid} succeeded at most once`).toBeLessThanOrEqual(1);
    expect(records.length, `${device.ecid} has a record`).toBeGreaterThanOrEqual(1);
    if (touched.has(device.ecid) && !endedBefore.has(device.ecid)) {
      expect(device.outcome, `${device.ecid} cut off mid-step waits for the operator`).toBe('interrupted');
    }
  }
  const loggedJobs = new Set(log.map((r) => r.jobId));
  const lost =
    afterKill.entries.filter((e) => e.kind === 'job-ended' && !loggedJobs.has(e.jobId)).length +
    report.devices.filter((d) => !ended.some((e) => e.ecid === d.ecid)).length;
  expect(lost).toBe(0);
  // A device done before the kill is "already done" after it: no second job runs a step on it.
  const rerunAfterDone = after.filter(
    (e) => e.kind === 'job-transition' && e.phase === 'running' && endedBefore.has(e.ecid),
  ).length;
  expect(rerunAfterDone).toBe(0);
  return {
    killedAtMs: killAtMs,
    lost,
    rerunAfterDone,
    killed: first.signal === 'SIGKILL',
    endedBeforeKill: afterKill.entries.filter((e) => e.kind === 'job-ended').length,
    interrupted: report.devices.filter((d) => d.outcome === 'interrupted').length,
    torn,
  };
}

describe('SIGKILL mid-cart, then restart', () => {
  it(`keeps the journal and the log whole over ${runs} seeded kills`, async () => {
    const random = seeded(seed);
    const moments = Array.from({ length: runs }, () =>
      Math.round(killWindowMs[0] + random() * (killWindowMs[1] - killWindowMs[0])),
    );
    const results: RunFigures[] = [];
    const queue = [...moments];
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let at = queue.shift(); at !== undefined; at = queue.shift())
          results.push(await killAndRestart(at));
      }),
    );
    expect(results).toHaveLength(runs);
    recordFigures('sigkill', {
      runs,
      cart,
      seed,
      killedMidRun: results.filter((r) => r.killed).length,
      devicesInterruptedAndHeld: results.reduce((n, r) => n + r.interrupted, 0),
      jobsEndedBeforeKill: results.reduce((n, r) => n + r.endedBeforeKill, 0),
      tornLines: results.reduce((n, r) => n + r.torn, 0),
      stepsRerunAfterRestart: results.reduce((n, r) => n + r.rerunAfterDone, 0),
      recordsLost: results.reduce((n, r) => n + r.lost, 0),
      killMomentsMs: moments,
    });
  }, 240_000);
});
