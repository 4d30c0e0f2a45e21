import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetPrepareFlags,
  listedPrepareFlags,
  MAX_HELP_BYTES,
  paneKeysOf,
} from '../../../main/cfgutil/prepare-flag-support';
import type { CfgutilRunner } from '../../../main/cfgutil/run-cfgutil';

afterEach(() => forgetPrepareFlags());

function runnerAnswering(stdout: string) {
  const calls: { args: readonly string[]; options: Parameters<CfgutilRunner>[2] }[] = [];
  const runner: CfgutilRunner = async (path, args, options) => {
    calls.push({ args, options });
    return {
      argv: [path, ...args],
      exitCode: 0,
      signal: null,
      stdout,
      stderr: '',
      durationMs: 1,
      outcome: 'exited',
    };
  };
  return { runner, calls };
}

describe('listedPrepareFlags', () => {
  it('asks `help prepare` once per cfgutil path, bounded in time and size', async () => {
    const { runner, calls } = runnerAnswering('  --skip-all\n  --skip-appleid\n  --skip-holo-setup\n');
    const first = await listedPrepareFlags('/usr/local/bin/cfgutil', runner);
    const again = await listedPrepareFlags('/usr/local/bin/cfgutil', runner);
    expect(again).toBe(first);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args).toEqual(['help', 'prepare']);
    expect(calls[0]?.options?.maxOutputBytes).toBe(MAX_HELP_BYTES);
    expect(MAX_HELP_BYTES).toBeLessThanOrEqual(256 * 1024);
    expect(calls[0]?.options?.timeoutMs).toBeGreaterThan(0);
    expect(paneKeysOf(first)).toEqual(['appleid', 'holo-setup']);
    await listedPrepareFlags('/opt/other/cfgutil', runner);
    expect(calls).toHaveLength(2);
  });

  it('a help naming no pane gives undefined (the known list is used)', async () => {
    const { runner } = runnerAnswering('cfgutil prepare: initial configuration\n');
    expect(paneKeysOf(await listedPrepareFlags('/usr/local/bin/cfgutil', runner))).toBeUndefined();
  });
});
