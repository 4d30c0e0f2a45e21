import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfgutilError } from '../../../main/cfgutil/cfgutil-error';
import { SAFE_PATH } from '../../../main/cfgutil/cfgutil-env';
import { outputTooLargeMessage, runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { fakeCfgutil, isGoneOrZombie, lineWaiter, signalFails } from './process-helpers';

async function startError(promise: Promise<unknown>): Promise<CfgutilError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CfgutilError);
  return error as CfgutilError;
}

describe('runCfgutil', () => {
  it('keeps stdout, stderr, exit code and argv when the process exits on its own', async () => {
    const run = await runCfgutil(fakeCfgutil('echo.mjs'), ['--format', 'JSON', 'get', 'a b', '$(rm -rf /)'], {
      env: { FAKE_EXIT: '3' },
      label: 'echo',
    });
    expect(run.outcome).toBe('exited');
    expect(run.exitCode).toBe(3);
    expect(run.signal).toBeNull();
    expect(run.label).toBe('echo');
    expect(run.argv).toEqual([fakeCfgutil('echo.mjs'), '--format', 'JSON', 'get', 'a b', '$(rm -rf /)']);
    const report = JSON.parse(run.stdout.split('\n')[1] ?? '') as { argv: string[] };
    expect(report.argv).toEqual(['--format', 'JSON', 'get', 'a b', '$(rm -rf /)']);
    expect(run.stderr).toContain('cfgutil: warning: something odd');
  });

  it('passes only allow-listed variables, a fixed PATH, and the explicit extras', async () => {
    const saved = { secret: process.env.BENCH_SECRET_TOKEN, lang: process.env.LANG };
    process.env.BENCH_SECRET_TOKEN = 'do-not-leak';
    process.env.LANG = 'fr_FR.UTF-8';
    try {
      const run = await runCfgutil(fakeCfgutil('echo.mjs'), [], { env: { SIM_WORLD: '/tmp/world' } });
      const report = JSON.parse(run.stdout.split('\n')[1] ?? '') as { env: Record<string, string> };
      expect(report.env.BENCH_SECRET_TOKEN).toBeUndefined();
      expect(report.env.PATH).toBe(SAFE_PATH);
      expect(report.env.LANG).toBe('fr_FR.UTF-8');
      expect(report.env.SIM_WORLD).toBe('/tmp/world');
    } finally {
      if (saved.secret === undefined) delete process.env.BENCH_SECRET_TOKEN;
      if (saved.lang === undefined) delete process.env.LANG;
      else process.env.LANG = saved.lang;
    }
  });

  it('streams stdout and stderr lines to the callbacks', async () => {
    const out: string[] = [];
    const err: string[] = [];
    await runCfgutil(fakeCfgutil('echo.mjs'), ['x'], {
      onStdoutLine: (l) => out.push(l),
      onStderrLine: (l) => err.push(l),
    });
    expect(out[0]).toBe('progress line');
    expect(out).toHaveLength(2);
    expect(err).toEqual(['objc[42]: noise', 'cfgutil: warning: something odd']);
  });

  it('survives a line callback that throws', async () => {
    const run = await runCfgutil(fakeCfgutil('echo.mjs'), [], {
      onStdoutLine: () => {
        throw new Error('listener bug');
      },
    });
    expect(run.outcome).toBe('exited');
    expect(run.exitCode).toBe(0);
  });

  it('stops a hanging process at the timeout and leaves no process behind', async () => {
    const run = await runCfgutil(fakeCfgutil('hang.mjs'), [], { timeoutMs: 300, killGraceMs: 2_000 });
    expect(run.outcome).toBe('timed-out');
    expect(run.signal).toBe('SIGTERM');
    expect(run.stdout).toMatch(/^pid \d+/);
    expect(run.pid).toBeDefined();
    expect(signalFails(run.pid ?? 0)).toBe(true);
  });

  it('escalates to SIGKILL when SIGTERM is ignored', async () => {
    const run = await runCfgutil(fakeCfgutil('ignore-sigterm.mjs'), [], { timeoutMs: 400, killGraceMs: 300 });
    expect(run.outcome).toBe('timed-out');
    // The fixture prints the marker from its SIGTERM handler, so SIGTERM came first and did not stop it…
    expect(run.stderr).toContain('ignoring SIGTERM');
    // …and only the escalation did.
    expect(run.signal).toBe('SIGKILL');
    expect(signalFails(run.pid ?? 0)).toBe(true);
  });

  it('cancels on abort, resolving instead of throwing', async () => {
    const controller = new AbortController();
    const started = lineWaiter(/^pid (\d+)/);
    const pending = runCfgutil(fakeCfgutil('ignore-sigterm.mjs'), [], {
      signal: controller.signal,
      killGraceMs: 200,
      onStdoutLine: started.onLine,
    });
    const pid = Number((await started.match)[1]);
    controller.abort();
    const run = await pending;
    expect(run.outcome).toBe('cancelled');
    expect(run.pid).toBe(pid);
    expect(signalFails(pid)).toBe(true);
  });

  it('kills processes the child started, even when they ignore SIGTERM', async () => {
    const controller = new AbortController();
    const helper = lineWaiter(/^child (\d+)/);
    const pending = runCfgutil(fakeCfgutil('grandchild.mjs'), [], {
      signal: controller.signal,
      killGraceMs: 200,
      onStdoutLine: helper.onLine,
    });
    const helperPid = Number((await helper.match)[1]);
    expect(isGoneOrZombie(helperPid)).toBe(false);
    controller.abort();
    const run = await pending;
    expect(run.outcome).toBe('cancelled');
    expect(signalFails(run.pid ?? 0)).toBe(true);
    expect(isGoneOrZombie(helperPid)).toBe(true);
  });

  it('does not start at all when the signal is already aborted', async () => {
    const run = await runCfgutil(fakeCfgutil('hang.mjs'), [], { signal: AbortSignal.abort() });
    expect(run.outcome).toBe('cancelled');
    expect(run.pid).toBeUndefined();
    expect(run.durationMs).toBe(0);
  });

  it('stops a flood of output at the cap and keeps exactly the cap', async () => {
    const run = await runCfgutil(fakeCfgutil('flood.mjs'), [], {
      maxOutputBytes: 200_000,
      timeoutMs: 10_000,
    });
    expect(run.outcome).toBe('output-too-large');
    expect(Buffer.byteLength(run.stdout)).toBe(200_000);
    expect(run.outputLimitBytes).toBe(200_000);
    expect(signalFails(run.pid ?? 0)).toBe(true);
  });

  it('names the cap in words: "cfgutil printed more than N MB"', () => {
    expect(outputTooLargeMessage()).toBe('cfgutil printed more than 32 MB; the bench stopped it');
    expect(outputTooLargeMessage(200_000)).toBe('cfgutil printed more than 195 KB; the bench stopped it');
  });

  it('rejects with cfgutil-missing when the file does not exist', async () => {
    const error = await startError(
      runCfgutil('/nonexistent/Apple Configurator.app/Contents/MacOS/cfgutil', ['list']),
    );
    expect(error.code).toBe('cfgutil-missing');
  });

  it('rejects with cfgutil-not-executable when the file has no execute permission', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-cfgutil-'));
    const path = join(dir, 'cfgutil');
    writeFileSync(path, '#!/bin/sh\necho hi\n');
    chmodSync(path, 0o644);
    const error = await startError(runCfgutil(path, ['list']));
    expect(error.code).toBe('cfgutil-not-executable');
    expect(error.info.originalMessage).toContain(path);
  });

  it('refuses a relative path, which would otherwise be looked up on PATH', async () => {
    const error = await startError(runCfgutil('cfgutil', ['list']));
    expect(error.code).toBe('cfgutil-missing');
  });
});
