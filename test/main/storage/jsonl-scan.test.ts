import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanJsonlFile } from '../../../main/storage/jsonl-scan';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'scan-'));
  file = path.join(dir, 'x.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(options: Parameters<typeof scanJsonlFile>[2]) {
  const seen: [string, number][] = [];
  const result = await scanJsonlFile(file, (line, n) => seen.push([line, n]), options);
  return { seen, result };
}

describe('scanJsonlFile', () => {
  it('reads complete lines across chunk boundaries, with line numbers, and stops before a partial tail', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `{"i":${i},"pad":"${'é'.repeat(i % 7)}"}`);
    await writeFile(file, `${lines.join('\n')}\n{"partial`);
    const { seen, result } = await collect({ chunkBytes: 7 });
    expect(seen.map(([l]) => l)).toEqual(lines);
    expect(seen.map(([, n]) => n)).toEqual(lines.map((_, i) => i + 1));
    expect(result.line).toBe(50);
    expect(result.tailBytes).toBe('{"partial'.length);
  });

  it('resumes from an earlier offset and reads only what was appended since', async () => {
    await writeFile(file, '{"a":1}\n{"a":2}\n{"a":');
    const first = await collect({});
    await appendFile(file, '3}\n{"a":4}\n');
    const second = await collect({ offset: first.result.offset, line: first.result.line });
    expect(second.seen).toEqual([
      ['{"a":3}', 3],
      ['{"a":4}', 4],
    ]);
    expect(second.result.tailBytes).toBe(0);
  });

  it('with a needle, visits only the lines holding it but still counts every line', async () => {
    await writeFile(file, 'one\ntwo needle\nthree\nneedle four\nfive\n');
    const { seen, result } = await collect({ needle: 'needle', chunkBytes: 5 });
    expect(seen).toEqual([
      ['two needle', 2],
      ['needle four', 4],
    ]);
    expect(result.line).toBe(5);
  });

  it('skips a line over the limit without holding it, and reads on after it', async () => {
    await writeFile(file, `short\n${'x'.repeat(100)}\nafter\n`);
    const long: number[] = [];
    const { seen } = await collect({ chunkBytes: 8, maxLineBytes: 20, onLongLine: (n) => long.push(n) });
    expect(seen.map(([l]) => l)).toEqual(['short', 'after']);
    expect(long).toEqual([2]);
  });
});
