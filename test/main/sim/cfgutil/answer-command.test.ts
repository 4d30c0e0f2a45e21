import { execFile } from 'node:child_process';
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { cfgutil, fastWorld, json, profileFile, scratchDir } from '../sim-test-kit';

const BUSY = 'This action cannot be performed on the device while it is already in use.';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await sleep(10);
  }
}

describe('concurrency', () => {
  it('refuses a second command on a busy ECID while another ECID keeps working', async () => {
    const handle = await fastWorld({
      timeScale: 0.01,
      timings: { prepareMinSeconds: 400, prepareMaxSeconds: 400 },
    });
    const a = handle.world.attach({ state: 'erased' });
    const b = handle.world.attach({ paired: true });
    const prepare = cfgutil(handle, ['-e', a.ecid, 'prepare']);
    await until(() => handle.world.device(a.ecid)?.busy === true);
    const second = await cfgutil(handle, ['--format', 'JSON', '-e', a.ecid, 'get', 'name']);
    expect(second.code).toBe(1);
    expect(json(second)).toMatchObject({
      Command: 'get',
      Type: 'Error',
      Message: BUSY,
      AffectedDevices: [a.ecid],
      UnaffectedDevices: [],
    });
    const other = await cfgutil(handle, ['--format', 'JSON', '-e', b.ecid, 'get', 'name']);
    expect(other.code).toBe(0);
    expect(handle.world.device(a.ecid)?.busy).toBe(true);
    expect((await prepare).code).toBe(0);
  });

  it('runs different ECIDs in parallel processes', async () => {
    const handle = await fastWorld({
      timeScale: 0.01,
      timings: { prepareMinSeconds: 300, prepareMaxSeconds: 300 },
    });
    const a = handle.world.attach({ state: 'erased' });
    const b = handle.world.attach({ state: 'erased' });
    const runs = [cfgutil(handle, ['-e', a.ecid, 'prepare']), cfgutil(handle, ['-e', b.ecid, 'prepare'])];
    await until(() => handle.world.list().every((d) => d.busy));
    expect((await Promise.all(runs)).map((r) => r.code)).toEqual([0, 0]);
  });

  it('releases the busy flag and leaves the device unchanged when cfgutil is killed mid-prepare', async () => {
    const handle = await fastWorld({
      timeScale: 0.01,
      timings: { prepareMinSeconds: 500, prepareMaxSeconds: 500 },
    });
    const d = handle.world.attach({ state: 'erased' });
    const child = execFile(handle.cfgutilPath, ['-e', d.ecid, 'prepare']);
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await until(() => handle.world.device(d.ecid)?.busy === true);
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    await until(() => handle.world.device(d.ecid)?.busy === false);
    expect(handle.world.device(d.ecid)).toMatchObject({
      freshlyErased: true,
      activationState: 'Unactivated',
    });
  });

  it('reports mixed results as Type Error with UnaffectedDevices, exit 1 by default and 0 with the quirk', async () => {
    const handle = await fastWorld();
    const a = handle.world.attach({ paired: true });
    const b = handle.world.attach();
    const run = await cfgutil(handle, ['--format', 'JSON', '-f', 'pair']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({
      Type: 'Error',
      Code: -402653034,
      AffectedDevices: [b.ecid],
      UnaffectedDevices: [a.ecid],
    });
    handle.world.setQuirks({ mixedResultsExitCode: 0 });
    expect((await cfgutil(handle, ['-f', 'pair'])).code).toBe(0);
  });
});

describe('faults', () => {
  it('hangs until killed, then frees the device', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    handle.world.injectFault({ kind: 'hang' }, { ecid: d.ecid, command: 'get' });
    const run = await cfgutil(handle, ['-e', d.ecid, 'get', 'name'], { timeoutMs: 400 });
    expect([run.signal, run.stdout]).toEqual(['SIGTERM', '']);
    await until(() => handle.world.device(d.ecid)?.busy === false);
    expect((await cfgutil(handle, ['-e', d.ecid, 'get', 'name'])).stdout).toBe(`${d.name}\n`);
  });

  it('prints garbage that is not JSON and still exits 0', async () => {
    const handle = await fastWorld();
    handle.world.injectFault({ kind: 'garbage' }, { command: 'list' });
    const run = await cfgutil(handle, ['--format', 'JSON', 'list']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout) as unknown).toThrow();
  });

  it('crashes with a signal and no output', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    handle.world.injectFault({ kind: 'crash', signal: 'SIGSEGV' }, { ecid: d.ecid });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'name']);
    expect([run.code, run.signal, run.stdout]).toEqual([null, 'SIGSEGV', '']);
  });

  it('disconnects mid-command with −402653052, detaching the device, and re-attaches it when asked', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased' });
    handle.world.injectFault(
      { kind: 'disconnect', reattachAfterSeconds: 5 },
      { ecid: d.ecid, command: 'prepare' },
    );
    const back = new Promise<void>((resolve) => handle.world.onAttached(() => resolve()));
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare']);
    expect(json(run)).toMatchObject({ Type: 'Error', Code: -402653052, AffectedDevices: [d.ecid] });
    await back;
    expect(handle.world.device(d.ecid)).toMatchObject({ attached: true, freshlyErased: true });
  });

  it('can report the disconnect as 603, and apply the effect before dropping', async () => {
    const handle = await fastWorld({ quirks: { disconnectCode: 603 } });
    const d = handle.world.attach({ state: 'erased' });
    handle.world.injectFault({ kind: 'disconnect', effectApplied: true }, { ecid: d.ecid });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare']);
    expect(json(run).Code).toBe(603);
    expect(handle.world.device(d.ecid)).toMatchObject({ attached: false, activationState: 'Activated' });
  });

  it('injects catalogue errors such as 401 once, then runs normally', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    handle.world.injectFault({ kind: 'error', error: 'macOutOfDate' }, { ecid: d.ecid });
    expect((await cfgutil(handle, ['-e', d.ecid, 'pair'])).stderr).toBe(
      'cfgutil: error: The required framework "MobileDevice" is out of date. Please update macOS.\n(Domain: ConfigurationUtilityKit.error Code: 401)\n',
    );
    expect((await cfgutil(handle, ['-e', d.ecid, 'pair'])).code).toBe(0);
  });

  it('survives a malformed socket frame', async () => {
    const handle = await fastWorld();
    const reply = await new Promise<string>((resolve) => {
      let text = '';
      const socket = net.createConnection(handle.socketPath, () =>
        socket.write('{"type":"run","argv":[1,2]}\n'),
      );
      socket.on('data', (c) => (text += c.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(reply).toContain('"code":1');
    expect((await cfgutil(handle, ['list'])).code).toBe(0);
  });
});

describe('localized mode', () => {
  it('translates messages but keeps codes and domains', async () => {
    const handle = await fastWorld({ quirks: { language: 'fr' } });
    const dir = await scratchDir();
    const file = await profileFile(dir, 'com.contoso.fr', ['com.apple.mdm']);
    const d = handle.world.attach({ paired: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'install-profile', file]);
    expect(json(run)).toMatchObject({
      Code: 625,
      Domain: 'ConfigurationUtilityKit.error',
      Message: 'Une interaction de l’utilisateur sur l’appareil est requise pour installer ce profil.',
    });
    handle.world.setQuirks({ language: 'de' });
    const again = await cfgutil(handle, ['-e', d.ecid, 'prepare']);
    expect(again.stderr).toBe(
      'cfgutil: error: Das Gerät ist bereits vorbereitet und muss gelöscht werden, um die Einstellungen zu ändern.\n(Domain: ConfigurationUtilityKit.error Code: 612)\n',
    );
  });
});
