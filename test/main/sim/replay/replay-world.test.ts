import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startRecording } from '../../../../main/record/bundle-writer';
import { REPLAY_MISS_EXIT, startReplay } from '../../../../main/sim/replay/replay-world';

const run = promisify(execFile);
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function bundleWith(stdout: string, stderr: string, exitCode: number): Promise<string> {
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'replay-')), 'bundle');
  dirs.push(path.dirname(dir));
  const bundle = await startRecording({ appVersion: '0.1.0-test', dir, recordedBy: 'test' });
  const args = ['--format', 'JSON', 'list'];
  await bundle.record({
    args,
    startedAtMs: 0,
    run: { argv: ['/c', ...args], exitCode, signal: null, stdout, stderr, durationMs: 1, outcome: 'exited' },
  });
  await bundle.close();
  return dir;
}

describe('the replay cfgutil', () => {
  it('prints the recorded stdout and stderr and exits with the recorded code', async () => {
    const replay = await startReplay({
      bundleDir: await bundleWith('{"Devices":[]}\n', 'objc[1]: noise\n', 1),
    });
    try {
      const result = await run(replay.cfgutilPath, ['--format', 'JSON', 'list']).catch((e: unknown) => e);
      expect(result).toMatchObject({ code: 1, stdout: '{"Devices":[]}\n', stderr: 'objc[1]: noise\n' });
    } finally {
      await replay.close();
    }
  });

  it(`exits ${REPLAY_MISS_EXIT} with a clear message when the recording has no answer`, async () => {
    const replay = await startReplay({ bundleDir: await bundleWith('{}', '', 0) });
    try {
      const result = await run(replay.cfgutilPath, ['-e', '0x1', '--format', 'JSON', 'erase']).catch(
        (e: unknown) => e,
      );
      expect(result).toMatchObject({ code: REPLAY_MISS_EXIT });
      expect((result as { stderr: string }).stderr).toMatch(
        /no recorded answer: .*never talked to device 0x1/,
      );
      expect(replay.unanswered()).toHaveLength(1);
    } finally {
      await replay.close();
    }
  });
});
