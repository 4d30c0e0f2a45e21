/**
 * The real client against the real simulator executable: every command, end to end through spawn, parse and
 * classification. Error codes, faults, concurrency and localisation are in cfgutil-errors.sim.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEVICE_PROPERTY_NAMES } from '../../../main/cfgutil/device-properties';
import { SKIP_PANES } from '../../../main/cfgutil/prepare-options';
import { eventually, identityIn, profileIn, rejectsWith, simBench } from './sim-harness';

describe('CfgutilClient against the simulator: list and get', () => {
  it('lists every attached device with its identity and port', async () => {
    const { handle, client } = await simBench({ devices: 2 });
    const devices = await client.list();
    const world = handle.world.list();
    expect(devices).toEqual(
      world.map((d) => ({
        ecid: d.ecid,
        udid: d.udid,
        name: d.name,
        deviceType: d.deviceType,
        locationId: d.locationID,
      })),
    );
    expect(devices).toHaveLength(2);
  });

  it('lists from pretty JSON with objc noise, and returns [] for broken Automation Tools', async () => {
    const { handle, client } = await simBench({
      devices: 1,
      quirks: { jsonStyle: 'pretty', objcNoise: true },
    });
    expect((await client.list()).map((d) => d.ecid)).toEqual([handle.world.list()[0]?.ecid]);
    handle.world.setQuirks({ brokenAutomationTools: true });
    await expect(client.list()).resolves.toEqual([]);
  });

  it('reads every typed property of a paired, supervised device', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const device = bench.handle.world.attach({
      paired: true,
      batteryPercent: 64,
      supervisedBy: { organizationName: 'Contoso Schools', certificate: identity.certBytes },
    });
    const result = await bench.client.get(device.ecid, DEVICE_PROPERTY_NAMES);
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({
      serialNumber: device.serialNumber,
      ECID: device.ecid,
      UDID: device.udid,
      name: device.name,
      deviceType: device.deviceType,
      firmwareVersion: device.firmwareVersion,
      buildVersion: device.buildVersion,
      bootedState: 'Booted',
      activationState: 'Activated',
      isPaired: true,
      isSupervised: true,
      organizationName: 'Contoso Schools',
      passcodeProtected: false,
      batteryCurrentCapacity: 64,
      configurationProfiles: [],
    });
    expect(result.values.installedApps?.[0]?.bundleIdentifier).toBe('com.microsoft.skydrive');
  });

  it('gets with a lower-case, zero-padded ECID', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ paired: true });
    const padded = `0x000${device.ecid.slice(2).toLowerCase()}`;
    await expect(client.get(padded, ['ECID'])).resolves.toMatchObject({ values: { ECID: device.ecid } });
  });

  it('reports isPaired false and per-property errors on an unpaired device', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ paired: false });
    const result = await client.get(device.ecid, ['isPaired', 'serialNumber', 'organizationName']);
    expect(result.values).toEqual({ isPaired: false });
    expect(result.errors.serialNumber?.ecid).toBe(device.ecid);
    expect(result.errors.organizationName).toBeDefined();
  });

  it('reports value-missing for organizationName on an unsupervised paired device', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ paired: true });
    const result = await client.get(device.ecid, ['organizationName', 'isSupervised']);
    expect(result.values).toEqual({ isSupervised: false });
    expect(result.errors.organizationName?.code).toBe('value-missing');
  });
});

describe('CfgutilClient against the simulator: pairing', () => {
  it('reports trust-pending, then pairs once the operator taps Trust', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ paired: false });
    await rejectsWith(client.pair(device.ecid), 'trust-pending');
    handle.world.tapTrust(device.ecid, true);
    await client.pair(device.ecid);
    expect(handle.world.device(device.ecid)?.isPaired).toBe(true);
  });

  it("reports trust-denied when the operator taps Don't Trust", async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ paired: false });
    await rejectsWith(client.pair(device.ecid), 'trust-pending');
    handle.world.tapTrust(device.ecid, false);
    await rejectsWith(client.pair(device.ecid), 'trust-denied');
  });

  it('pairs a device we supervise without a prompt when given the identity, and unpairs it', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const device = bench.handle.world.attach({
      supervisedBy: { organizationName: 'Contoso', certificate: identity.certBytes },
    });
    await bench.client.pair(device.ecid, { identity });
    expect(bench.handle.world.device(device.ecid)?.isPaired).toBe(true);
    await bench.client.unpair(device.ecid);
    expect(bench.handle.world.device(device.ecid)?.isPaired).toBe(false);
  });
});

describe('CfgutilClient against the simulator: erase and prepare', () => {
  it('erases (with --esim), after which the device comes back Unactivated and freshly erased', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ paired: true });
    const back = new Promise<void>((resolve) => {
      handle.world.onAttached((event) => {
        if (event.device.ecid === device.ecid) resolve();
      });
    });
    await client.erase(device.ecid, { esim: true });
    await back;
    const after = await client.get(device.ecid, ['activationState', 'isSupervised']);
    expect(after.values).toEqual({ activationState: 'Unactivated', isSupervised: false });
  });

  it('prepares a freshly erased device as supervised, with every manual flag', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const device = bench.handle.world.attach({ state: 'erased' });
    // Pairing forbidden and no -C/-K: supervised all the same, but cfgutil reports −402653030 (AZTEC).
    await rejectsWith(
      bench.client.prepare(device.ecid, {
        supervised: true,
        name: 'Contoso Schools',
        hostCert: identity.certPath,
        language: 'en',
        locale: 'en_US',
        skip: ['siri', 'location', 'appleid'],
        forbidPairing: true,
      }),
      'pairing-prohibited',
    );
    const state = bench.handle.world.device(device.ecid);
    expect(state).toMatchObject({
      isSupervised: true,
      organizationName: 'Contoso Schools',
      activationState: 'Activated',
    });
    expect([...(state?.skippedPanes ?? [])].sort()).toEqual(['appleid', 'location', 'siri']);
    // Afterwards only the identity pairs and reads.
    await rejectsWith(bench.client.pair(device.ecid), 'pairing-prohibited');
    const without = await bench.client.get(device.ecid, ['isSupervised']);
    expect(without.errors.isSupervised?.code).toBe('pairing-prohibited');
    const withIdentity = await bench.client.get(device.ecid, ['isSupervised', 'organizationName'], {
      identity,
    });
    expect(withIdentity.values).toEqual({ isSupervised: true, organizationName: 'Contoso Schools' });
    await bench.client.pair(device.ecid, { identity });
  });

  it('a prepare that forbids pairing, sent with the identity, ends cleanly and reads back supervised', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const device = bench.handle.world.attach({ state: 'erased' });
    await bench.client.prepare(
      device.ecid,
      { supervised: true, name: 'Contoso Schools', hostCert: identity.certPath, forbidPairing: true },
      { identity },
    );
    const read = await bench.client.get(device.ecid, ['isSupervised', 'isPaired'], { identity });
    expect(read.values).toEqual({ isSupervised: true, isPaired: true });
    expect(bench.handle.world.device(device.ecid)?.pairingForbidden).toBe(true);
  });

  it('sends only panes the simulated cfgutil accepts, all of them at once', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ state: 'erased' });
    await client.prepare(device.ecid, { supervised: true, name: 'Contoso Schools', skip: [...SKIP_PANES] });
    expect(handle.world.device(device.ecid)?.skippedPanes).toHaveLength(SKIP_PANES.length);
  });

  it('prepares with --dep and --skip-all when the device is assigned', async () => {
    const { handle, client } = await simBench();
    const device = handle.world.attach({ state: 'erased', dep: 'available' });
    await client.prepare(device.ecid, { dep: true, skipAll: true });
    expect(handle.world.device(device.ecid)).toMatchObject({
      isSupervised: true,
      organizationName: 'Contoso Schools',
    });
    expect(handle.world.device(device.ecid)?.pendingProfiles.map((p) => p.identifier)).toEqual([
      'com.apple.mdm.enrollment',
    ]);
  });
});

describe('CfgutilClient against the simulator: profiles, rename, power, version', () => {
  it('leaves a profile awaiting approval on an unsupervised device, then sees it once approved', async () => {
    const bench = await simBench();
    const device = bench.handle.world.attach({ paired: true });
    const profile = await profileIn(bench.dir, 'com.contoso.intune', ['com.apple.mdm']);
    await expect(bench.client.installProfile(device.ecid, profile)).resolves.toBe('awaiting-user-approval');
    expect(bench.handle.world.approveProfile(device.ecid, 'com.contoso.intune')).toBe(true);
    const read = await bench.client.get(device.ecid, ['configurationProfiles']);
    expect(read.values.configurationProfiles?.map((p) => p.identifier)).toEqual(['com.contoso.intune']);
  });

  it('installs silently with the identity on a device we supervise, then removes the profile', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const device = bench.handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Contoso', certificate: identity.certBytes },
    });
    const profile = await profileIn(bench.dir, 'com.contoso.wifi', ['com.apple.wifi.managed']);
    await expect(bench.client.installProfile(device.ecid, profile, { identity })).resolves.toBe('installed');
    expect(bench.handle.world.device(device.ecid)?.profiles.map((p) => p.identifier)).toEqual([
      'com.contoso.wifi',
    ]);
    await bench.client.removeProfile(device.ecid, 'com.contoso.wifi', { identity });
    expect(bench.handle.world.device(device.ecid)?.profiles).toEqual([]);
    await rejectsWith(
      bench.client.removeProfile(device.ecid, 'com.contoso.wifi', { identity }),
      'no-such-profile',
    );
  });

  it('renames, and reports set-prohibited once a profile forbids it', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const device = bench.handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Contoso', certificate: identity.certBytes },
    });
    await bench.client.rename(device.ecid, 'Cart 3 · iPad 07');
    expect(bench.handle.world.device(device.ecid)?.name).toBe('Cart 3 · iPad 07');
    const lock = await profileIn(bench.dir, 'com.contoso.restrict', ['com.apple.applicationaccess'], {
      allowDeviceNameModification: false,
    });
    await bench.client.installProfile(device.ecid, lock, { identity });
    await rejectsWith(bench.client.rename(device.ecid, 'Other'), 'set-prohibited');
  });

  it('restarts (detach, then re-attach) and shuts down (stays detached) a supervised device', async () => {
    const bench = await simBench();
    const identity = await identityIn(bench.dir);
    const supervisedBy = { organizationName: 'Contoso', certificate: identity.certBytes };
    const one = bench.handle.world.attach({ paired: true, supervisedBy });
    const two = bench.handle.world.attach({ paired: true, supervisedBy });
    const seen: string[] = [];
    bench.handle.world.onDetached((e) => seen.push(`detach ${e.device.ecid}`));
    bench.handle.world.onAttached((e) => seen.push(`attach ${e.device.ecid}`));
    await bench.client.restart(one.ecid, { identity });
    await bench.client.shutDown(two.ecid, { identity });
    await eventually(() => seen.includes(`attach ${one.ecid}`) && seen.includes(`detach ${two.ecid}`));
    expect(seen.indexOf(`detach ${one.ecid}`)).toBeLessThan(seen.indexOf(`attach ${one.ecid}`));
    expect(bench.handle.world.device(two.ecid)?.attached).toBe(false);
  });

  it('reads the version', async () => {
    const { client } = await simBench({ quirks: { version: '2.20', build: '1001.5' } });
    await expect(client.version()).resolves.toMatchObject({ version: '2.20', build: '1001.5' });
  });

  it('always passes --format JSON and one -e per device command', async () => {
    const { handle, client, runs } = await simBench();
    const device = handle.world.attach({ paired: true });
    await client.list();
    await client.get(device.ecid, ['name']);
    expect(runs.map((r) => r.argv.slice(1))).toEqual([
      ['--format', 'JSON', 'list'],
      ['-e', device.ecid, '--format', 'JSON', 'get', 'name'],
    ]);
  });
});
