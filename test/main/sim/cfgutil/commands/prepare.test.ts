import { describe, expect, it } from 'vitest';
import { supervisorIdOf } from '../../../../../main/sim/index';
import { cfgutil, fastWorld, identityFiles, json, scratchDir } from '../../sim-test-kit';

const CUK = 'ConfigurationUtilityKit.error';

/** A finished progress line as cfgutil prints it: the bar fills the line to 80 columns. */
const full = (label: string): string => `${label} [${'*'.repeat(80 - label.length - 9)}]  100%`;
describe('prepare', () => {
  it('refuses a device that is not freshly erased with 612', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    const run = await cfgutil(handle, ['-e', d.ecid, 'prepare', '--supervised', '--name', 'Contoso']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `cfgutil: error: The device is already prepared and must be erased to change settings.\n(Domain: ${CUK} Code: 612)\n`,
    );
  });

  it('supervises a freshly erased device by the host certificate and prints the three steps', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const id = await identityFiles(dir);
    const d = handle.world.attach({ state: 'erased', deviceClass: 'iPad' });
    const run = await cfgutil(handle, [
      '-e',
      d.ecid,
      'prepare',
      '--supervised',
      '--name',
      'Contoso Schools',
      '--host-cert',
      id.cert,
      '--language',
      'en',
      '--locale',
      'en_US',
      '--skip-language',
      '--skip-region',
      '--forbid-pairing',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      full('Waiting for the device [1/3]'),
      full('Step 2 of 3: Downloading activation record for device [2/3]'),
      full('Step 3 of 3: Activating iOS on the device [3/3]'),
      `"prepare" succeeded on ${d.name} (ECID: ${d.ecid}).`,
      '',
      '--- Summary ---',
      'Operation "prepare" succeeded on 1 devices.',
      '',
    ]);
    const after = handle.world.device(d.ecid);
    expect(after).toMatchObject({
      activationState: 'Activated',
      isSupervised: true,
      organizationName: 'Contoso Schools',
      atSetupAssistant: true,
      freshlyErased: false,
      pairingForbidden: true,
    });
    expect(after?.supervisorId).toBe(supervisorIdOf(id.certBytes));
    expect(after?.skippedPanes).toEqual(['language', 'region']);
  });

  it('expands --skip-all to every documented pane', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased' });
    expect((await cfgutil(handle, ['-e', d.ecid, 'prepare', '--skip-all'])).code).toBe(0);
    expect(handle.world.device(d.ecid)?.skippedPanes).toHaveLength(44);
  });

  it('has no MDM-URL flag: unknown prepare flags are usage errors', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased' });
    const run = await cfgutil(handle, [
      '-e',
      d.ecid,
      'prepare',
      '--supervised',
      '--mdm-url',
      'https://example.invalid',
    ]);
    expect([run.code, run.stderr]).toEqual([
      1,
      'cfgutil: error: unrecognized option "--mdm-url" for prepare\n',
    ]);
    expect(handle.world.device(d.ecid)?.freshlyErased).toBe(true);
  });

  it('fails --dep without an assignment with 33001', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased' });
    const run = await cfgutil(handle, [
      '--format',
      'JSON',
      '-e',
      d.ecid,
      'prepare',
      '--dep',
      '--skip-language',
    ]);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({
      Command: 'prepare',
      Type: 'Error',
      Code: 33001,
      Message: 'The configuration is not available.',
      AffectedDevices: [d.ecid],
      UnaffectedDevices: [],
    });
  });

  it('answers 612 to a prepare straight after a failed --dep by default (unknown on a real Mac: the cautious answer)', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased', dep: 'transiently-unavailable' });
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare', '--dep'])).Code).toBe(
      33001,
    );
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare', '--dep'])).Code).toBe(
      612,
    );
  });

  it('recovers from a transient DEP failure on retry, supervising and staging the MDM enrollment', async () => {
    const handle = await fastWorld({ quirks: { prepareAfterFailedDep: 'works' } });
    const d = handle.world.attach({ state: 'erased', dep: 'transiently-unavailable' });
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare', '--dep'])).Code).toBe(
      33001,
    );
    const retry = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare', '--dep']);
    expect(json(retry)).toEqual({
      Command: 'prepare',
      Output: { [d.ecid]: {} },
      Type: 'CommandOutput',
      Devices: [d.ecid],
    });
    const after = handle.world.device(d.ecid);
    expect(after).toMatchObject({
      isSupervised: true,
      organizationName: 'Contoso Schools',
      activationState: 'Activated',
    });
    expect(after?.pendingProfiles.map((p) => p.isMdm)).toEqual([true]);
  });

  it('fails with Detail "Network communication error." when the Mac is offline', async () => {
    const handle = await fastWorld({ online: false });
    const d = handle.world.attach({ state: 'erased' });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare']);
    expect(json(run).Detail).toBe('Network communication error.');
    handle.world.setOnline(true);
    expect((await cfgutil(handle, ['-e', d.ecid, 'prepare'])).code).toBe(0);
  });

  it('shows Activation Lock at activation: "complete the activation process" (invented code)', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased', findMy: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ Type: 'Error', Code: 1 });
    expect(String(json(run).Message)).toContain('complete the activation process');
    expect(handle.world.device(d.ecid)?.activationState).toBe('Unactivated');
  });

  it('reports "The device is not activated." when the switch puts Activation Lock at erase', async () => {
    const handle = await fastWorld({ quirks: { activationLockAt: 'erase' } });
    const d = handle.world.attach({ state: 'erased', findMy: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare']);
    expect(json(run).Message).toBe('The device is not activated.');
  });

  it('refuses prepare with the busy message while a re-attached device is still settling, but answers get', async () => {
    const handle = await fastWorld({ timings: { bootSettleSeconds: 100_000 } });
    const d = handle.world.attach({ paired: true });
    const back = new Promise<void>((resolve) => handle.world.onAttached(() => resolve()));
    await cfgutil(handle, ['-e', d.ecid, 'erase']);
    await back;
    expect(handle.world.device(d.ecid)?.bootedState).toBe('Booted');
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'prepare']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({
      Type: 'Error',
      Code: 1,
      Message: 'This action cannot be performed on the device while it is already in use.',
    });
    const read = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'bootedState']);
    expect([read.code, (json(read).Output as Record<string, unknown>)[d.ecid]]).toEqual([
      0,
      { bootedState: 'Booted' },
    ]);
  });

  it('writes progress records on stderr with --progress in JSON mode, or on stdout with the quirk', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased' });
    const run = await cfgutil(handle, ['--format', 'JSON', '--progress', '-e', d.ecid, 'prepare']);
    const records = run.stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => r.Step)).toEqual([1, 2, 3]);
    expect(json(run).Type).toBe('CommandOutput');
    handle.world.setQuirks({ jsonProgress: 'stdout' });
    const e = handle.world.attach({ state: 'erased' });
    const lines = (await cfgutil(handle, ['--format', 'JSON', '--progress', '-e', e.ecid, 'prepare'])).stdout
      .trim()
      .split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[3] ?? '')).toMatchObject({ Command: 'prepare', Type: 'CommandOutput' });
  });
});
