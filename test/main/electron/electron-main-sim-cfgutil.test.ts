/**
 * The Electron entry started as the simulator's cfgutil (the packaged app, RunAsNode fuse off): it runs the
 * command and exits with its code, and never takes the single-instance lock, registers the scheme, waits for
 * `ready` or opens a window. Mocked `electron`, and a scripted world that answers with exit 42.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SIM_CFGUTIL_FLAG } from '../../../main/sim/server/cfgutil-script';
import { startScriptedWorld } from '../../fakes/scripted-world';

const fake = vi.hoisted(() => ({ calls: [] as string[], windows: 0 }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => {
      fake.calls.push('lock');
      return true;
    }),
    whenReady: vi.fn(async () => void fake.calls.push('ready')),
    getPath: () => '/tmp/enroll-bench-electron-main-sim-test',
    quit: vi.fn(() => void fake.calls.push('quit')),
    exit: vi.fn((code?: number) => void fake.calls.push(`exit:${code}`)),
    dock: { hide: vi.fn(() => void fake.calls.push('dock.hide')) },
  });
  const on = app.on.bind(app);
  app.on = ((event: string, listener: (...args: unknown[]) => void) => {
    fake.calls.push(`app.on:${event}`);
    return on(event, listener);
  }) as typeof app.on;
  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => [];
    constructor() {
      super();
      fake.windows += 1;
    }
  }
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(() => void fake.calls.push('error-box')) },
    protocol: { registerSchemesAsPrivileged: () => void fake.calls.push('privileged') },
    session: { defaultSession: {} },
    shell: { openExternal: vi.fn() },
  };
});

vi.mock('../../../main/electron/mac-shell', () => ({
  installMacShell: () => {
    fake.calls.push('mac-shell');
    return { adoptWindow: () => {}, allowQuit: () => true };
  },
}));

vi.mock('../../../main/app/create-bench', () => ({
  createBench: async () => {
    fake.calls.push('create-bench');
    throw new Error('the cfgutil launch must not start a bench');
  },
}));

const argv = process.argv;
afterAll(() => {
  process.argv = argv;
});

describe('electron-main as the simulated cfgutil', () => {
  it('runs the command and exits with its code, before and instead of any app work', async () => {
    const world = await startScriptedWorld([
      { t: 'out', d: '{"Type":"CommandOutput"}\n' },
      { t: 'exit', code: 42 },
    ]);
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(((
      chunk: string,
      ...rest: unknown[]
    ) => {
      written.push(String(chunk));
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write);
    try {
      process.argv = [process.execPath, SIM_CFGUTIL_FLAG, world.socketPath, '--', '--format', 'JSON', 'list'];
      await import('../../../main/electron/electron-main');
      await vi.waitFor(() => expect(fake.calls).toContain('exit:42'));
    } finally {
      write.mockRestore();
      await world.close();
    }
    expect(fake.calls).toEqual(['dock.hide', 'exit:42']);
    expect(fake.windows).toBe(0);
    expect(written.join('')).toBe('{"Type":"CommandOutput"}\n');
    expect(world.received).toEqual([{ type: 'run', argv: ['--format', 'JSON', 'list'], cwd: process.cwd() }]);
  });
});
