/**
 * Extra 'error' events on a running cfgutil child. `spawn` is wrapped (not replaced) so the test can reach the
 * real ChildProcess that runCfgutil started and emit on it the way Node itself would.
 */
import type * as childProcess from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { fakeCfgutil, lineWaiter } from './process-helpers';

const spawned = vi.hoisted(() => [] as ChildProcess[]);

vi.mock('node:child_process', async (importOriginal) => {
  const actual = await importOriginal<typeof childProcess>();
  return {
    ...actual,
    spawn: (command: string, args: readonly string[], options: SpawnOptions) => {
      const child = actual.spawn(command, args, options);
      spawned.push(child);
      return child;
    },
  };
});

function lastChild(): ChildProcess {
  const child = spawned.at(-1);
  if (!child) throw new Error('nothing was spawned');
  return child;
}

describe('runCfgutil and repeated error events', () => {
  it('keeps process and pipe errors after start for the log, and the run still ends normally', async () => {
    const controller = new AbortController();
    const started = lineWaiter(/^pid (\d+)/);
    const pending = runCfgutil(fakeCfgutil('hang.mjs'), [], {
      signal: controller.signal,
      killGraceMs: 2_000,
      onStdoutLine: started.onLine,
    });
    await started.match;
    const child = lastChild();
    try {
      // Without a listener for each of these, EventEmitter throws the error at the emitter (an uncaught exception).
      expect(() => child.emit('error', new Error('kill EPERM'))).not.toThrow();
      expect(() => child.emit('error', new Error('kill ESRCH'))).not.toThrow();
      expect(() => child.stdout?.emit('error', new Error('read EIO'))).not.toThrow();
      expect(() => child.stderr?.emit('error', new Error('read ECONNRESET'))).not.toThrow();
    } finally {
      controller.abort();
    }
    const run = await pending;
    expect(run.outcome).toBe('cancelled');
    expect(run.processErrors).toEqual([
      'process: kill EPERM',
      'process: kill ESRCH',
      'stdout: read EIO',
      'stderr: read ECONNRESET',
    ]);
  });

  it('rejects once when the binary cannot start, and a later error on that child is harmless', async () => {
    await expect(runCfgutil('/nonexistent/cfgutil', ['list'])).rejects.toMatchObject({
      code: 'cfgutil-missing',
    });
    const child = lastChild();
    expect(child.pid).toBeUndefined();
    expect(() => child.emit('error', new Error('a second failure'))).not.toThrow();
  });

  it('reports no process errors when there were none', async () => {
    const run = await runCfgutil(fakeCfgutil('echo.mjs'), []);
    expect(run.outcome).toBe('exited');
    expect(run).not.toHaveProperty('processErrors');
  });
});
