import { execFile } from 'node:child_process';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastWorld, scratchDir } from '../sim-test-kit';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function lines(file: string): Promise<string[]> {
  return (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
}

describe('exec', () => {
  it('runs the hooks on attach and detach with the device in the environment and cfgutil on PATH', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const log = path.join(dir, 'events.log');
    const hook = path.join(dir, 'hook.sh');
    await writeFile(
      hook,
      [
        '#!/bin/sh',
        'if [ -n "$attachPID" ]; then kind=detach; else kind=attach; fi',
        `echo "$kind $ECID $locationID $bootedState $(command -v cfgutil)" >> "${log}"`,
        '',
      ].join('\n'),
    );
    await chmod(hook, 0o755);
    const child = execFile(handle.cfgutilPath, ['-e', '0x1', 'exec', '-a', hook, '-d', hook]);
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, signal) => resolve(signal)),
    );
    const d = handle.world.attach({ paired: true });
    // Re-plug until the watcher is listening (it connects a moment after the spawn).
    const deadline = Date.now() + 5000;
    while ((await lines(log)).length === 0) {
      if (Date.now() > deadline) throw new Error('exec never ran a hook');
      handle.world.detach(d.ecid);
      handle.world.attach({ ecid: d.ecid });
      await sleep(50);
    }
    await sleep(200);
    const seen = await lines(log);
    const attach = seen.find((l) => l.startsWith('attach'));
    const detach = seen.find((l) => l.startsWith('detach'));
    expect(attach).toBe(`attach ${d.ecid} ${d.locationID} Booted ${handle.cfgutilPath}`);
    expect(detach).toBe(`detach ${d.ecid} ${d.locationID} Booted ${handle.cfgutilPath}`);
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    await sleep(100);
    const before = (await lines(log)).length;
    handle.world.detach(d.ecid);
    handle.world.attach({ ecid: d.ecid });
    await sleep(200);
    expect((await lines(log)).length).toBe(before);
  });

  it('needs at least one hook', async () => {
    const handle = await fastWorld();
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
      execFile(handle.cfgutilPath, ['exec'], (error, _out, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
      ),
    );
    expect([run.code, run.stderr]).toEqual([1, 'cfgutil: error: exec requires -a and/or -d\n']);
  });
});
