/** `serve` takes the data folder before it assembles anything: a second bench on it is refused (issue 19). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAppFlags } from '../../../main/cli/app-flags';
import { serveBench } from '../../../main/cli/serve-command';
import { lockDataFolder } from '../../../main/storage/data-folder-lock';

const saved = process.env.ENROLL_BENCH_DATA;
const dirs: string[] = [];
afterEach(async () => {
  if (saved === undefined) delete process.env.ENROLL_BENCH_DATA;
  else process.env.ENROLL_BENCH_DATA = saved;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('enroll-bench serve', () => {
  it('refuses to start on a data folder another bench is using, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'serve-lock-'));
    dirs.push(dir);
    process.env.ENROLL_BENCH_DATA = dir;
    const running = lockDataFolder(dir, { command: 'enroll-bench run' });
    try {
      await expect(serveBench(parseAppFlags(['--simulate']))).rejects.toMatchObject({
        info: {
          title: 'Another bench is using this data folder',
          detail: expect.stringContaining(`enroll-bench run (pid ${process.pid})`),
        },
      });
    } finally {
      running.release();
    }
  });
});
