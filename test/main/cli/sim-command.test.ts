import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSimCommand } from '../../../main/cli/sim-command';
import { cfgutil, fastWorld, scratchDir } from '../sim/sim-test-kit';

function captureOutput(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((out += String(chunk)), true),
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => ((err += String(chunk)), true),
  );
  return { out: () => out, err: () => err };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('runSimCommand', () => {
  it('runs one cfgutil command against a running world and prints exactly what the executable prints', async () => {
    const handle = await fastWorld({ devices: 2 });
    const expected = await cfgutil(handle, ['--format', 'JSON', 'list']);
    const output = captureOutput();
    const code = await runSimCommand(['cfgutil', '--socket', handle.socketPath, '--format', 'JSON', 'list']);
    expect(code).toBe(0);
    expect(output.out()).toBe(expected.stdout);
  });

  it('returns cfgutil’s exit code and stderr for a failing command', async () => {
    const handle = await fastWorld();
    const output = captureOutput();
    const code = await runSimCommand([
      'cfgutil',
      '--socket',
      handle.socketPath,
      '-e',
      '0x1234',
      'get',
      'name',
    ]);
    expect([code, output.err()]).toEqual([1, 'cfgutil: error: no devices found\n']);
  });

  it('plays the operator’s hand: attach, trust and detach', async () => {
    const handle = await fastWorld();
    const output = captureOutput();
    expect(await runSimCommand(['--socket', handle.socketPath, 'attach', '--class', 'iPhone'])).toBe(0);
    const [device] = handle.world.list();
    expect(output.out()).toBe(`${device?.ecid}\n`);
    expect(device?.deviceClass).toBe('iPhone');
    expect(await runSimCommand(['--socket', handle.socketPath, 'trust', device?.ecid ?? ''])).toBe(0);
    expect(handle.world.device(device?.ecid ?? '')?.isPaired).toBe(true);
    expect(await runSimCommand(['--socket', handle.socketPath, 'detach', device?.ecid ?? ''])).toBe(0);
    expect(handle.world.list()).toEqual([]);
  });

  it('reports a bad verb or argument without stopping the world', async () => {
    const handle = await fastWorld({ devices: 1 });
    const output = captureOutput();
    expect(await runSimCommand(['--socket', handle.socketPath, 'explode'])).toBe(1);
    expect(await runSimCommand(['--socket', handle.socketPath, 'find-my', 'not-an-ecid', 'on'])).toBe(1);
    expect(output.err()).toContain('unknown control verb "explode"');
    expect(handle.world.list()).toHaveLength(1);
  });

  it('says so when no world is reachable', async () => {
    const output = captureOutput();
    expect(await runSimCommand(['cfgutil', '--socket', '/nonexistent/world.sock', 'list'])).toBe(1);
    expect(output.err()).toContain('is not reachable');
  });

  it('plays Setup Assistant, switches, bare-error and error faults from the shell', async () => {
    const handle = await fastWorld();
    const { ecid } = handle.world.attach({ state: 'erased' });
    const output = captureOutput();
    const sim = (...args: string[]) => runSimCommand(['--socket', handle.socketPath, ...args]);
    expect(await sim('finish-setup', ecid)).toBe(0);
    expect(handle.world.device(ecid)?.atSetupAssistant).toBe(false);
    expect(await sim('finish-setup', ecid)).toBe(1);
    expect(await sim('switch', 'mdmInstallsSilently', 'on')).toBe(0);
    expect(await sim('switch', 'panesLeftAfterSkipAll', '3')).toBe(0);
    expect(handle.world.quirks).toMatchObject({ mdmSilentOnSupervised: true, panesLeftAfterSkipAll: 3 });
    expect(await sim('switch', 'nonsense', 'on')).toBe(1);
    expect(await sim('fault', 'bare-error', '--code', '603', '--happened', 'no', '--command', 'rename')).toBe(
      0,
    );
    expect(handle.world.faults[0]?.fault).toEqual({
      kind: 'bare-error',
      error: 'deviceStateUnknown',
      happened: false,
    });
    expect(await sim('fault', 'bare-error', '--code', '42')).toBe(1);
    expect(output.err()).toContain('--code must be -402653052, 603 or -402653030');
    expect(await sim('fault', 'error', '--code', '401', '--ecid', ecid, '--command', 'prepare')).toBe(0);
    expect(handle.world.faults[1]).toMatchObject({
      fault: { kind: 'error', error: 'macOutOfDate' },
      command: 'prepare',
      remaining: 1,
    });
    expect(await sim('fault', 'error')).toBe(1);
    expect(await sim('fault', 'error', '--code', '625')).toBe(1);
    expect(output.err()).toContain('--code must be 401, 2006 or 603');
  });

  it('reaches the world of the bench named by --bench, and says which bench has none', async () => {
    vi.stubEnv('XDG_RUNTIME_DIR', await scratchDir());
    const [mine, other] = [await scratchDir(), await scratchDir()];
    const handle = await fastWorld({ devices: 1, publishDiscovery: true, bench: mine });
    const output = captureOutput();
    expect(await runSimCommand(['--bench', mine, 'list'])).toBe(0);
    expect(output.out()).toContain(handle.world.list()[0]?.ecid ?? 'missing');
    await expect(runSimCommand(['--bench', other, 'list'])).rejects.toThrow(
      `no simulated world is running for the bench at ${other}`,
    );
    vi.unstubAllEnvs();
  });
});
