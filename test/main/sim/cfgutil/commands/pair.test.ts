import { describe, expect, it } from 'vitest';
import { cfgutil, fastWorld, identityFiles, json, scratchDir, WAITING_1_OF_1 } from '../../sim-test-kit';

describe('pair', () => {
  it('reports the Trust dialog as pending, then pairs once the operator taps Trust', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach();
    const pending = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'pair']);
    expect(pending.code).toBe(1);
    expect(json(pending)).toEqual({
      Command: 'pair',
      Type: 'Error',
      Domain: 'com.apple.configurator.MobileDeviceKit.amd.error',
      FailureReason: '',
      Message: 'The user has not yet responded to the pairing request on the device.',
      Code: -402653034,
      AffectedDevices: [d.ecid],
      UnaffectedDevices: [],
    });
    expect(handle.world.device(d.ecid)?.trust).toBe('shown');
    handle.world.tapTrust(d.ecid, true);
    const paired = await cfgutil(handle, ['-e', d.ecid, 'pair']);
    expect(paired.code).toBe(0);
    expect(paired.stdout).toBe(
      `${WAITING_1_OF_1}Paired with ${d.name} (ECID: ${d.ecid}).\n\n--- Summary ---\nOperation "pair" succeeded on 1 devices.\n`,
    );
    expect(handle.world.device(d.ecid)?.isPaired).toBe(true);
  });

  it('succeeds when the operator taps Trust while pair is still waiting', async () => {
    const handle = await fastWorld({ timeScale: 0.01, timings: { pairWaitSeconds: 1000 } });
    const d = handle.world.attach({ deviceClass: 'iPhone' });
    const running = cfgutil(handle, ['-e', d.ecid, 'pair']);
    await new Promise((r) => setTimeout(r, 300));
    handle.world.tapTrust(d.ecid, true);
    expect((await running).code).toBe(0);
  });

  it('reports −402653035 after Don’t Trust, in text mode on stderr, and shows the dialog again next time', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach();
    await cfgutil(handle, ['-e', d.ecid, 'pair']);
    handle.world.tapTrust(d.ecid, false);
    const denied = await cfgutil(handle, ['-e', d.ecid, 'pair']);
    expect(denied.code).toBe(1);
    expect(denied.stdout).toBe(
      `${WAITING_1_OF_1}\n"pair" failed on ${d.name} (ECID: ${d.ecid}).\n\n--- Summary ---\nOperation "pair" failed on 1 devices.\n`,
    );
    expect(denied.stderr).toBe(
      'cfgutil: error: The user denied the pairing request on the device.\n(Domain: com.apple.configurator.MobileDeviceKit.amd.error Code: -402653035)\n',
    );
    const again = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'pair']);
    expect(json(again).Code).toBe(-402653034);
  });

  it('pairs a device supervised by the given -C/-K identity without a dialog', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const id = await identityFiles(dir);
    const d = handle.world.attach({
      supervisedBy: { organizationName: 'Contoso', certificate: id.certBytes },
    });
    const run = await cfgutil(handle, ['-C', id.cert, '-K', id.key, '-e', d.ecid, 'pair']);
    expect(run.code).toBe(0);
    expect(handle.world.device(d.ecid)?.trust).toBe('none');
  });

  it('refuses another host with −402653030 after prepare --forbid-pairing', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const id = await identityFiles(dir);
    const other = await identityFiles(dir, 'other');
    const d = handle.world.attach({ state: 'erased' });
    const prep = await cfgutil(handle, [
      '-e',
      d.ecid,
      'prepare',
      '--supervised',
      '--name',
      'Contoso',
      '--host-cert',
      id.cert,
      '--forbid-pairing',
    ]);
    expect(prep.code).toBe(0);
    await cfgutil(handle, ['-e', d.ecid, 'unpair']);
    const refused = await cfgutil(handle, [
      '--format',
      'JSON',
      '-C',
      other.cert,
      '-K',
      other.key,
      '-e',
      d.ecid,
      'pair',
    ]);
    expect(json(refused).Code).toBe(-402653030);
    const owner = await cfgutil(handle, ['-C', id.cert, '-K', id.key, '-e', d.ecid, 'pair']);
    expect(owner.code).toBe(0);
  });

  it('unpairs', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    expect((await cfgutil(handle, ['-e', d.ecid, 'unpair'])).code).toBe(0);
    expect(handle.world.device(d.ecid)?.isPaired).toBe(false);
  });
});
