/** One bench per data folder: the second is refused naming the first; a crashed one's lock is taken over. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FOLDER_LOCK, lockDataFolder } from '../../../main/storage/data-folder-lock';
import { tryLock } from '../../../main/storage/pid-lock';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'data-lock-'));
  dirs.push(dir);
  return dir;
}

describe('lockDataFolder', () => {
  it('refuses a second bench with the pid, the command, since when and how to stop it', async () => {
    const dir = await folder();
    const first = lockDataFolder(dir, { command: 'enroll-bench serve', now: () => Date.UTC(2026, 11, 5, 9) });
    let refusal: unknown;
    try {
      lockDataFolder(dir, { command: 'enroll-bench run' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ info: { title: 'Another bench is using this data folder' } });
    const detail = (refusal as { info: { detail: string } }).info.detail;
    expect(detail).toContain(`enroll-bench serve (pid ${process.pid})`);
    expect(detail).toContain('since 2026-12-05T09:00:00.000Z');
    expect(detail).toContain(`kill ${process.pid}`);
    first.release();
    lockDataFolder(dir, { command: 'enroll-bench run' }).release();
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const dir = await folder();
    await writeFile(
      join(dir, DATA_FOLDER_LOCK),
      JSON.stringify({ pid: 999_999, token: 'crashed', what: 'enroll-bench run', since: 1 }),
    );
    const lock = lockDataFolder(dir, { command: 'enroll-bench serve', alive: (pid) => pid !== 999_999 });
    expect(JSON.parse(await readFile(join(dir, DATA_FOLDER_LOCK), 'utf8'))).toMatchObject({
      pid: process.pid,
      what: 'enroll-bench serve',
    });
    lock.release();
  });

  it('of two takers of one stale lock exactly one wins', async () => {
    const dir = await folder();
    const file = join(dir, DATA_FOLDER_LOCK);
    await writeFile(file, JSON.stringify({ pid: 999_999, token: 'crashed', what: 'x', since: 1 }));
    const alive = (pid: number) => pid !== 999_999;
    const a = tryLock(file, { pid: process.pid, token: 'a', what: 'a', since: 2 }, alive);
    const b = tryLock(file, { pid: process.pid, token: 'b', what: 'b', since: 3 }, alive);
    expect([a.kind, b.kind]).toEqual(['acquired', 'held']);
    expect(b.holder.token).toBe('a');
  });

  it('a lock file still being written (empty, just created) is not taken over', async () => {
    const dir = await folder();
    const file = join(dir, DATA_FOLDER_LOCK);
    await writeFile(file, '');
    expect(tryLock(file, { pid: process.pid, token: 'late', what: 'x', since: 1 }).kind).toBe('held');
  });
});
