import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../main/storage/atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the whole file and leaves no temporary file beside it', async () => {
    const file = path.join(dir, 'log.csv');
    await writeFile(file, 'old contents that are longer than the new ones');
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['log.csv']);
  });

  it('cleans up its temporary file when the rename cannot happen', async () => {
    // A non-empty folder where the file should go: the rename fails after the temporary file was written.
    const blocked = path.join(dir, 'blocked');
    await mkdir(path.join(blocked, 'inner'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'data')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['blocked']);
    expect(await readdir(blocked)).toEqual(['inner']);
  });
});
