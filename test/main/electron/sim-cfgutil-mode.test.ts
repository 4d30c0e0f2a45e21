/**
 * The app binary as the simulator's cfgutil: with the flag it runs one command and exits with its code (after its
 * output is written), dies by a crash fault's signal, hides the Dock icon; without the flag it does nothing.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSimCfgutilIfAsked } from '../../../main/electron/sim-cfgutil-mode';
import { SIM_CFGUTIL_FLAG } from '../../../main/sim/server/cfgutil-script';
import type { ServerFrame } from '../../../main/sim/server/frames';
import { startScriptedWorld, type ScriptedWorld } from '../../fakes/scripted-world';

let world: ScriptedWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function fakes() {
  const text = { out: '', err: '' };
  const stdout = new PassThrough({ encoding: 'utf8' });
  const stderr = new PassThrough({ encoding: 'utf8' });
  stdout.on('data', (chunk: string) => (text.out += chunk));
  stderr.on('data', (chunk: string) => (text.err += chunk));
  // What was written by the time the process exits: anything later would be lost.
  const atExit: { code: number; out: string }[] = [];
  const app = {
    exit: vi.fn((code?: number) => void atExit.push({ code: code ?? 0, out: text.out })),
    dock: { hide: vi.fn() },
  };
  const host = { stdout, stderr, cwd: () => '/', kill: vi.fn() };
  return { app, host, text, atExit };
}

async function launch(frames: readonly ServerFrame[], args: string[] = ['list']) {
  world = await startScriptedWorld(frames);
  const f = fakes();
  const asked = runSimCfgutilIfAsked(f.app, [SIM_CFGUTIL_FLAG, world.socketPath, '--', ...args], f.host);
  return { ...f, asked };
}

describe('runSimCfgutilIfAsked', () => {
  it('leaves an ordinary launch alone', () => {
    const f = fakes();
    expect(runSimCfgutilIfAsked(f.app, ['--simulate'], f.host)).toBe(false);
    expect(runSimCfgutilIfAsked(f.app, [], f.host)).toBe(false);
    expect(f.app.exit).not.toHaveBeenCalled();
    expect(f.app.dock.hide).not.toHaveBeenCalled();
  });

  it('exits with the command’s code once its output is written, and hides the Dock icon', async () => {
    const run = await launch([
      { t: 'out', d: 'serial\n' },
      { t: 'err', d: 'warn\n' },
      { t: 'exit', code: 42 },
    ]);
    expect(run.asked).toBe(true);
    expect(run.app.dock.hide).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(run.app.exit).toHaveBeenCalled());
    expect(run.atExit).toEqual([{ code: 42, out: 'serial\n' }]);
    expect(run.text.err).toBe('warn\n');
    expect(world?.received).toEqual([{ type: 'run', argv: ['list'], cwd: '/' }]);
  });

  it('forwards exit 0 too', async () => {
    const run = await launch([{ t: 'exit', code: 0 }]);
    await vi.waitFor(() => expect(run.app.exit).toHaveBeenCalledWith(0));
  });

  it('dies by a crash fault’s signal rather than exiting', async () => {
    const run = await launch([{ t: 'crash', signal: 'SIGABRT' }]);
    await vi.waitFor(() => expect(run.host.kill).toHaveBeenCalledWith('SIGABRT'));
    expect(run.app.exit).not.toHaveBeenCalled();
  });

  it('still runs the command where there is no Dock, or hiding it fails', async () => {
    world = await startScriptedWorld([{ t: 'exit', code: 3 }]);
    const f = fakes();
    f.app.dock.hide.mockImplementation(() => {
      throw new Error('too early');
    });
    runSimCfgutilIfAsked(f.app, [SIM_CFGUTIL_FLAG, world.socketPath, '--'], f.host);
    const g = fakes();
    runSimCfgutilIfAsked({ exit: g.app.exit }, [SIM_CFGUTIL_FLAG, world.socketPath, '--'], g.host);
    await vi.waitFor(() => expect([f.app.exit.mock.calls, g.app.exit.mock.calls]).toEqual([[[3]], [[3]]]));
  });

  it('exits 2 with a message when the flag’s arguments are malformed, and 1 when a pipe breaks', async () => {
    const f = fakes();
    expect(runSimCfgutilIfAsked(f.app, [SIM_CFGUTIL_FLAG, 'list'], f.host)).toBe(true);
    await vi.waitFor(() => expect(f.app.exit).toHaveBeenCalledWith(2));
    expect(f.text.err).toContain(SIM_CFGUTIL_FLAG);
    f.host.stdout.emit('error', Object.assign(new Error('EPIPE'), { code: 'EPIPE' }));
    expect(f.app.exit).toHaveBeenLastCalledWith(1);
  });
});
