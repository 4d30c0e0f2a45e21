/**
 * The journal's promises under real processes: a writer killed with SIGKILL mid-append loses at most the
 * record in flight and never an earlier one, and two writer processes on one folder never interleave lines.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listJsonlFiles, readJsonlFiles } from '../../../main/storage/jsonl-files';
import { buildChildWriter, startChildWriter } from './child-writer';

interface Line {
  readonly writer: string;
  readonly seq: number;
  readonly padding: string;
}

const accept = (value: unknown): Line | undefined =>
  typeof value === 'object' && value !== null && 'seq' in value ? (value as Line) : undefined;

let root: string;
let script: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'jsonl-proc-'));
  script = await buildChildWriter(root);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a writer killed with SIGKILL mid-append', () => {
  it('keeps every acknowledged record and every earlier one, over three crashes and restarts', async () => {
    const dir = path.join(root, 'killed');
    const rounds: { writer: string; acked: number }[] = [];
    for (const round of ['r1', 'r2', 'r3']) {
      // Big lines and small files: the kill lands inside writes and rotations, not only between them.
      const writer = startChildWriter(script, [dir, 'jobs', round, 1_000_000, 3000, 64 * 1024]);
      await writer.waitForAck(40 + Math.floor(Math.random() * 40));
      writer.child.kill('SIGKILL');
      expect((await writer.exited).signal).toBe('SIGKILL');
      rounds.push({ writer: round, acked: writer.lastAck() });
    }
    const { records, warnings } = await readJsonlFiles(path.join(dir), 'jobs', accept);
    // The only loss allowed is a cut-off last line; a restarted writer ends it so nothing after it is lost.
    for (const warning of warnings) expect(warning).toMatch(/cut off|line \d+: not JSON/);
    for (const { writer, acked } of rounds) {
      const seqs = records.filter((r) => r.writer === writer).map((r) => r.seq);
      // A contiguous prefix 0..n-1: no earlier record is missing, and nothing is duplicated.
      expect(seqs).toEqual(seqs.map((_, i) => i));
      expect(seqs.length).toBeGreaterThanOrEqual(acked + 1);
      expect(records.filter((r) => r.writer === writer).every((r) => r.padding.length === 3000)).toBe(true);
    }
  });
});

describe('two writer processes on one folder', () => {
  it('write whole lines only: every record of both is read back once, in each writer order', async () => {
    const dir = path.join(root, 'two');
    const count = 600;
    // 9 KB lines are larger than a pipe's atomic write size, so only one write per line keeps them whole.
    const writers = ['a', 'b'].map((id) =>
      startChildWriter(script, [dir, 'jobs', id, count, 9000, 512 * 1024]),
    );
    const exits = await Promise.all(writers.map((w) => w.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    const { records, warnings } = await readJsonlFiles(dir, 'jobs', accept);
    expect(warnings).toEqual([]);
    for (const id of ['a', 'b']) {
      expect(records.filter((r) => r.writer === id).map((r) => r.seq)).toEqual(
        Array.from({ length: count }, (_, i) => i),
      );
    }
    expect((await listJsonlFiles(dir, 'jobs')).length).toBeGreaterThan(5);
  });
});
