import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  jsonlFileName,
  listJsonlFiles,
  openJsonlAppender,
  readJsonlFiles,
} from '../../../main/storage/jsonl-files';

let dir: string;
const any = (value: unknown) => value as { n: number };
const numbered = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as { n?: unknown }).n === 'number'
    ? (value as { n: number })
    : undefined;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jsonl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openJsonlAppender', () => {
  it('writes one line per record, and rotates to the next file at the size limit', async () => {
    const appender = await openJsonlAppender({ dir, prefix: 'jobs', rotateBytes: 100 });
    for (let n = 0; n < 20; n++) await appender.append({ n, text: 'line\nwith a newline' });
    await appender.close();
    const files = await listJsonlFiles(dir, 'jobs');
    expect(files.length).toBeGreaterThan(3);
    expect(path.basename(files[0] ?? '')).toBe(jsonlFileName('jobs', 1));
    for (const file of files) expect((await stat(file)).size).toBeLessThanOrEqual(100);
    const { records, warnings } = await readJsonlFiles(dir, 'jobs', any);
    expect(warnings).toEqual([]);
    expect(records.map((r) => r.n)).toEqual([...Array(20).keys()]);
  });

  it('ends a torn last line left by a crash, so the next record is not glued onto it', async () => {
    await writeFile(path.join(dir, jsonlFileName('jobs', 1)), '{"n":0}\n{"n":1,"tor');
    const appender = await openJsonlAppender({ dir, prefix: 'jobs' });
    await appender.append({ n: 2 });
    await appender.close();
    const text = await readFile(path.join(dir, jsonlFileName('jobs', 1)), 'utf8');
    expect(text).toBe('{"n":0}\n{"n":1,"tor\n{"n":2}\n');
    const { records, warnings } = await readJsonlFiles(dir, 'jobs', numbered);
    expect(records.map((r) => r.n)).toEqual([0, 2]);
    expect(warnings).toEqual(['jobs-000001.jsonl line 2: not JSON, skipped.']);
  });

  it('continues the newest existing file after a restart', async () => {
    const first = await openJsonlAppender({ dir, prefix: 'jobs', rotateBytes: 30 });
    for (let n = 0; n < 6; n++) await first.append({ n });
    await first.close();
    const before = await listJsonlFiles(dir, 'jobs');
    const second = await openJsonlAppender({ dir, prefix: 'jobs', rotateBytes: 30 });
    await second.append({ n: 6 });
    await second.close();
    const after = await listJsonlFiles(dir, 'jobs');
    expect(after.slice(0, before.length)).toEqual(before);
    expect((await readJsonlFiles(dir, 'jobs', any)).records.map((r) => r.n)).toEqual([...Array(7).keys()]);
  });

  it('rejects the caller of a failed append and keeps serving the next one', async () => {
    const appender = await openJsonlAppender({ dir, prefix: 'jobs' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(appender.append(cyclic)).rejects.toThrow();
    await appender.append({ n: 1 });
    await appender.close();
    expect((await readJsonlFiles(dir, 'jobs', any)).records).toEqual([{ n: 1 }]);
  });
});

describe('readJsonlFiles', () => {
  it('skips a torn last line, garbage and unknown records with warnings naming file and line', async () => {
    await writeFile(path.join(dir, jsonlFileName('jobs', 1)), '{"n":1}\nnot json\n{"other":true}\n');
    await writeFile(path.join(dir, jsonlFileName('jobs', 2)), '{"n":2}\n{"n":3');
    const { records, warnings } = await readJsonlFiles(dir, 'jobs', numbered);
    expect(records).toEqual([{ n: 1 }, { n: 2 }]);
    expect(warnings).toEqual([
      'jobs-000001.jsonl line 2: not JSON, skipped.',
      'jobs-000001.jsonl line 3: not a record this bench knows, skipped.',
      'jobs-000002.jsonl: the last line was cut off (a crash while writing) and was skipped.',
    ]);
  });

  it('parses only lines holding the needle, and names a line too long to read', async () => {
    const file = path.join(dir, jsonlFileName('jobs', 1));
    await writeFile(file, '{"n":1,"k":"keep"}\nbroken but not wanted\n');
    await appendFile(file, `{"n":9,"k":"keep","big":"${'x'.repeat(1_200_000)}"}\n{"n":2,"k":"keep"}\n`);
    const { records, warnings } = await readJsonlFiles(dir, 'jobs', numbered, undefined, '"keep"');
    expect(records.map((r) => r.n)).toEqual([1, 2]);
    expect(warnings).toEqual(['jobs-000001.jsonl line 3: longer than 1 MB, skipped.']);
  });

  it('reads nothing, without error, from a folder that does not exist', async () => {
    expect(await readJsonlFiles(path.join(dir, 'missing'), 'jobs', any)).toEqual({
      records: [],
      warnings: [],
    });
  });
});
