/**
 * The whole device lifecycle through the real simulated cfgutil executable (issue 8): Setup Assistant as
 * state, reboots after prepare, failures inside a success envelope, pairing, device time on the world's clock.
 */
import { describe, expect, it } from 'vitest';
import type { SimWorldHandle } from '../../../main/sim/index';
import { cfgutil, fastWorld, identityFiles, json, profileFile, scratchDir } from './sim-test-kit';

type Output = Record<string, Record<string, unknown>>;

/** Resolves once the device has detached and attached again (one reboot). */
function rebooted(handle: SimWorldHandle, ecid: string): Promise<{ detachedAt: number; attachedAt: number }> {
  return new Promise((resolve) => {
    let detachedAt: number | undefined;
    handle.world.onDetached((e) => {
      if (e.entry.ECID === ecid) detachedAt ??= handle.world.clock.now();
    });
    handle.world.onAttached((e) => {
      if (e.entry.ECID === ecid && detachedAt !== undefined)
        resolve({ detachedAt, attachedAt: handle.world.clock.now() });
    });
  });
}

async function getProps(handle: SimWorldHandle, ecid: string, props: string[], pre: string[] = []) {
  const run = await cfgutil(handle, [...pre, '--format', 'JSON', '-e', ecid, 'get', ...props]);
  const output = json(run).Output as Output;
  return { values: output[ecid] ?? {}, errors: (output.Errors ?? {})[ecid] ?? {} };
}

/** A supervised, prepared device with our identity, ready for a direct-enrollment profile. */
async function preparedWithIdentity(options: Parameters<typeof fastWorld>[0], skips: string[]) {
  const handle = await fastWorld({ timings: { bootSettleSeconds: 0 }, ...options });
  const dir = await scratchDir();
  const id = await identityFiles(dir);
  const mdm = await profileFile(dir, 'com.contoso.intune', ['com.apple.mdm']);
  const d = handle.world.attach({ state: 'erased' });
  const back = rebooted(handle, d.ecid);
  const prep = await cfgutil(handle, [
    '-e',
    d.ecid,
    'prepare',
    '--supervised',
    '--host-cert',
    id.cert,
    ...skips,
  ]);
  expect(prep.code).toBe(0);
  await back;
  const install = () =>
    cfgutil(handle, ['--format', 'JSON', '-C', id.cert, '-K', id.key, '-e', d.ecid, 'install-profile', mdm]);
  return { handle, d, install, id };
}

describe('Setup Assistant is state', () => {
  it('finishes after the reboot of prepare --skip-all, and then the MDM profile enrolls', async () => {
    const { handle, d, install } = await preparedWithIdentity({ quirks: { mdmSilentOnSupervised: true } }, [
      '--skip-all',
    ]);
    expect(handle.world.device(d.ecid)).toMatchObject({ atSetupAssistant: false, panesLeft: 0 });
    expect((await install()).code).toBe(0);
    const { values } = await getProps(handle, d.ecid, ['configurationProfiles']);
    expect(values.configurationProfiles).toEqual([
      { identifier: 'com.contoso.intune', displayName: 'Profile com.contoso.intune', version: 1 },
    ]);
  });

  it('leaves panes for a person with panesLeftAfterSkipAll; an MDM profile before that does not enroll', async () => {
    const { handle, d, install } = await preparedWithIdentity(
      { quirks: { mdmSilentOnSupervised: true, panesLeftAfterSkipAll: 2 } },
      ['--skip-all'],
    );
    expect(handle.world.device(d.ecid)).toMatchObject({ atSetupAssistant: true, panesLeft: 2 });
    // The command answers as usual (silent install, exit 0), yet nothing is on the device.
    expect((await install()).code).toBe(0);
    expect((await getProps(handle, d.ecid, ['configurationProfiles'])).values.configurationProfiles).toEqual(
      [],
    );
    expect(handle.world.finishSetup(d.ecid)).toBe(true);
    expect((await install()).code).toBe(0);
    expect(
      (await getProps(handle, d.ecid, ['configurationProfiles'])).values.configurationProfiles,
    ).toHaveLength(1);
  });

  it('waits at Setup Assistant without skips: 625 as usual, but nothing is staged to approve', async () => {
    const { handle, d, install } = await preparedWithIdentity({}, ['--skip-language']);
    expect(handle.world.device(d.ecid)).toMatchObject({ atSetupAssistant: true, panesLeft: 43 });
    const run = await install();
    expect([run.code, json(run).Code]).toEqual([1, 625]);
    expect(handle.world.device(d.ecid)?.pendingProfiles).toEqual([]);
    expect(handle.world.approveProfile(d.ecid)).toBe(false);
  });

  it("stages the profile before Setup Assistant is done with installBeforeSetupDone: 'enrolls'", async () => {
    const { handle, d, install } = await preparedWithIdentity(
      { quirks: { installBeforeSetupDone: 'enrolls' } },
      [],
    );
    expect(json(await install()).Code).toBe(625);
    expect(handle.world.device(d.ecid)?.pendingProfiles.map((p) => p.identifier)).toEqual([
      'com.contoso.intune',
    ]);
  });
});

describe('reboots', () => {
  it('reboots after prepare --dep too, keeping ECID and locationID, and settles before taking changes', async () => {
    const handle = await fastWorld({ timeScale: 0.002, timings: { bootSettleSeconds: 100_000 } });
    const d = handle.world.attach({ state: 'erased', dep: 'available' });
    const back = rebooted(handle, d.ecid);
    expect((await cfgutil(handle, ['-e', d.ecid, 'prepare', '--dep'])).code).toBe(0);
    await back;
    const list = json(await cfgutil(handle, ['--format', 'JSON', 'list'])).Output as Output;
    expect(list[d.ecid]).toMatchObject({ locationID: d.locationID, UDID: d.udid });
    // A fault armed for the next rename waits for a rename the device answers, not the settling refusal.
    handle.world.injectFault({ kind: 'error', error: 'macOutOfDate' }, { ecid: d.ecid, command: 'rename' });
    const rename = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'rename', 'x']);
    expect(json(rename).Message).toBe(
      'This action cannot be performed on the device while it is already in use.',
    );
    expect(handle.world.faults).toMatchObject([
      { fault: { kind: 'error' }, command: 'rename', remaining: 1 },
    ]);
  });
});

describe('failures inside a success envelope', () => {
  it('exits 0 with a bare −402653052 under Output.Errors while the erase really happened', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    handle.world.injectFault({ kind: 'bare-error', happened: true }, { command: 'erase' });
    const back = rebooted(handle, d.ecid);
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'erase']);
    expect(run.code).toBe(0);
    expect(json(run)).toEqual({
      Command: 'erase',
      Output: {
        Errors: {
          [d.ecid]: {
            Domain: 'com.apple.configurator.MobileDeviceKit.amd.error',
            FailureReason: '',
            Message: 'This device is no longer connected.',
            Code: -402653052,
          },
        },
      },
      Type: 'CommandOutput',
      Devices: [d.ecid],
    });
    await back;
    expect((await getProps(handle, d.ecid, ['activationState'])).values).toEqual({
      activationState: 'Unactivated',
    });
  });

  it('reports 603 inside the envelope for a rename that did not happen; get shows the truth', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true, name: 'Before' });
    handle.world.injectFault({ kind: 'bare-error', error: 'deviceStateUnknown', happened: false });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'rename', 'After']);
    expect([run.code, (json(run).Output as Output).Errors?.[d.ecid]]).toMatchObject([0, { Code: 603 }]);
    expect((await getProps(handle, d.ecid, ['name'])).values).toEqual({ name: 'Before' });
  });

  it('decides "did it happen?" from the seed with the random switch, the same way for the same seed', async () => {
    const outcomes = async (seed: number): Promise<string[]> => {
      const handle = await fastWorld({ seed, quirks: { bareErrorEffect: 'random' } });
      const d = handle.world.attach({ paired: true, name: 'n0' });
      const names: string[] = [];
      for (let i = 1; i <= 6; i++) {
        handle.world.injectFault({ kind: 'bare-error', error: 'pairingProhibited' });
        const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'rename', `n${i}`]);
        expect((json(run).Output as Output).Errors?.[d.ecid]).toMatchObject({ Code: -402653030 });
        names.push(String((await getProps(handle, d.ecid, ['name'])).values.name));
      }
      return names;
    };
    const first = await outcomes(7);
    expect(await outcomes(7)).toEqual(first);
    // Over six runs both outcomes show up: some renames happened, some did not.
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(first).not.toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  });
});

describe('pairing', () => {
  it('re-attaches unpaired after erase, pairs silently at Setup Assistant, needs Trust after it', async () => {
    const handle = await fastWorld({ timings: { bootSettleSeconds: 0 } });
    const d = handle.world.attach({ paired: true });
    const back = rebooted(handle, d.ecid);
    await cfgutil(handle, ['-e', d.ecid, 'erase']);
    await back;
    expect((await getProps(handle, d.ecid, ['isPaired'])).values).toEqual({ isPaired: false });
    expect((await cfgutil(handle, ['-e', d.ecid, 'pair'])).code).toBe(0);
    expect(handle.world.device(d.ecid)?.trust).toBe('none');
    expect((await getProps(handle, d.ecid, ['isPaired'])).values).toEqual({ isPaired: true });
    handle.world.finishSetup(d.ecid);
    await cfgutil(handle, ['-e', d.ecid, 'unpair']);
    const read = await getProps(handle, d.ecid, ['isPaired', 'serialNumber']);
    expect(read.values).toEqual({ isPaired: false });
    expect(read.errors).toMatchObject({ serialNumber: { Code: -402653034 } });
    handle.world.tapTrust(d.ecid, true);
    expect((await getProps(handle, d.ecid, ['serialNumber'])).values.serialNumber).toBe(d.serialNumber);
  });

  it('refuses a host with −402653030 for pair and reads on a device whose other supervisor prohibits pairing', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({
      supervisedBy: { organizationName: 'Fabrikam', certificate: Buffer.from('theirs') },
      pairingProhibited: true,
    });
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'pair'])).Code).toBe(-402653030);
    expect((await getProps(handle, d.ecid, ['serialNumber'])).errors).toMatchObject({
      serialNumber: { Code: -402653030 },
    });
  });
});

describe('device time on the world clock', () => {
  it('erase detaches ≥16 s after the command and re-attaches ≥31 s after that', async () => {
    // A slower clock (1 simulated s = 50 ms) so the spawn's own time cannot fill the gap by itself.
    const handle = await fastWorld({ timeScale: 0.05 });
    const d = handle.world.attach({ paired: true });
    const back = rebooted(handle, d.ecid);
    const sentAt = handle.world.clock.now();
    await cfgutil(handle, ['-e', d.ecid, 'erase']);
    const { detachedAt, attachedAt } = await back;
    expect(detachedAt - sentAt).toBeGreaterThanOrEqual(16_000);
    expect(attachedAt - detachedAt).toBeGreaterThanOrEqual(31_000);
  });

  it('charges get per property: ten properties take about ten times one', async () => {
    const handle = await fastWorld({ timings: { getPerPropertySeconds: 100, jitter: 0 } });
    const d = handle.world.attach({ paired: true });
    const ten = ['name', 'serialNumber', 'deviceType', 'ECID', 'UDID', 'isPaired', 'isSupervised'];
    ten.push('activationState', 'bootedState', 'firmwareVersion');
    const elapsed = async (props: string[]): Promise<number> => {
      const t0 = handle.world.clock.now();
      await getProps(handle, d.ecid, props);
      return handle.world.clock.now() - t0;
    };
    expect(await elapsed(ten)).toBeGreaterThanOrEqual(1_000_000);
    expect(await elapsed(['name'])).toBeLessThan(800_000);
  });

  it('stretches durations by the seeded jitter, within its bounds and the same for the same seed', async () => {
    const a = await fastWorld({ seed: 3 });
    const b = await fastWorld({ seed: 3 });
    const draws = (h: SimWorldHandle) => Array.from({ length: 50 }, () => h.world.duration(100));
    const fromA = draws(a);
    expect(draws(b)).toEqual(fromA);
    expect(Math.min(...fromA)).toBeGreaterThanOrEqual(80);
    expect(Math.max(...fromA)).toBeLessThanOrEqual(120);
    expect(new Set(fromA).size).toBeGreaterThan(40);
  });
});
