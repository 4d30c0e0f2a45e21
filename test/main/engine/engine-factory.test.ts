import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUsbSignals, POLL_WITHOUT_USB_MS, simulatorLauncher } from '../../../main/engine/engine-factory';

describe('loadUsbSignals', () => {
  it('uses node-usb when it loads', async () => {
    const source = { start: () => {}, stop: () => {} };
    expect(await loadUsbSignals(undefined, async () => source)).toEqual({ source });
  });

  it('falls back to frequent polling, and says so in the log, when the native addon cannot load', async () => {
    const logged: string[] = [];
    const usb = await loadUsbSignals(
      (message) => logged.push(message),
      async () => {
        throw new Error('dlopen failed: wrong architecture');
      },
    );
    expect(usb.pollMs).toBe(POLL_WITHOUT_USB_MS);
    expect(() => usb.source.start(() => {})).not.toThrow();
    expect(logged).toEqual(['USB events are unavailable; listing devices every 3 s instead']);
  });
});

describe('simulatorLauncher', () => {
  const versions = process.versions;

  it('runs the simulated cfgutil with Node under Node', () => {
    expect(
      simulatorLauncher({ versions, execPath: '/usr/bin/node', argv: ['/usr/bin/node', 'cli.mjs'] }),
    ).toEqual({
      kind: 'node',
      nodePath: '/usr/bin/node',
    });
  });

  it('runs it as the packaged app binary with its flag, never as Node, inside Electron', () => {
    const execPath = '/Applications/Enroll Bench.app/Contents/MacOS/Enroll Bench';
    expect(
      simulatorLauncher({
        versions: { ...versions, electron: '45.0.0' },
        execPath,
        argv: [execPath, '--simulate'],
      }),
    ).toEqual({ kind: 'app', binaryPath: execPath, leadingArgs: [] });
  });

  it('puts the app folder first when the Electron binary runs the app unpackaged (npm start)', () => {
    expect(
      simulatorLauncher({
        versions: { ...versions, electron: '45.0.0' },
        execPath: '/repo/node_modules/electron/dist/electron',
        argv: ['/repo/node_modules/electron/dist/electron', 'relative/app', '--simulate'],
        defaultApp: true,
      }),
    ).toEqual({
      kind: 'app',
      binaryPath: '/repo/node_modules/electron/dist/electron',
      leadingArgs: [path.resolve('relative/app')],
    });
  });
});
