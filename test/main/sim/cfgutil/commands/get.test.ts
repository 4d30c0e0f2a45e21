import { describe, expect, it } from 'vitest';
import { cfgutil, fastWorld, json } from '../../sim-test-kit';

const AMD = 'com.apple.configurator.MobileDeviceKit.amd.error';

describe('get', () => {
  it('returns values under Output.<ECID> and an empty Errors entry for a clean paired device', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ deviceType: 'iPhone15,2', paired: true });
    const run = await cfgutil(handle, [
      '--format',
      'JSON',
      '-e',
      d.ecid,
      'get',
      'serialNumber',
      'isPaired',
      'activationState',
      'IMEI',
    ]);
    expect(run.code).toBe(0);
    expect(json(run)).toEqual({
      Command: 'get',
      Output: {
        [d.ecid]: {
          serialNumber: d.serialNumber,
          isPaired: true,
          activationState: 'Activated',
          IMEI: d.imei,
        },
        Errors: { [d.ecid]: {} },
      },
      Type: 'CommandOutput',
      Devices: [d.ecid],
    });
  });

  it('reports IMEI of a Wi-Fi-only iPad as a per-property "value is missing" error and exits 0', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ deviceType: 'iPad13,18', paired: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'serialNumber', 'IMEI']);
    const output = json(run).Output as Record<string, Record<string, unknown>>;
    expect(output[d.ecid]).toEqual({ serialNumber: d.serialNumber });
    expect(output.Errors?.[d.ecid]).toEqual({
      IMEI: { Domain: AMD, FailureReason: '', Message: 'The value is missing.', Code: -402653163 },
    });
    expect(run.code).toBe(0);
  });

  it('exits 1 on a partial get when the partialGetExitCode quirk says so', async () => {
    const handle = await fastWorld({ quirks: { partialGetExitCode: 1 } });
    const d = handle.world.attach({ deviceType: 'iPad13,18', paired: true });
    expect((await cfgutil(handle, ['-e', d.ecid, 'get', 'IMEI'])).code).toBe(1);
  });

  it('answers isPaired:false on an unpaired device and puts every private property under Errors', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: false });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'isPaired', 'serialNumber']);
    const output = json(run).Output as Record<
      string,
      Record<string, Record<string, Record<string, unknown>>>
    >;
    expect(output[d.ecid]).toEqual({ isPaired: false });
    expect(Object.keys(output.Errors?.[d.ecid] ?? {})).toEqual(['serialNumber']);
    expect(output.Errors?.[d.ecid]?.serialNumber?.Domain).toBe(AMD);
  });

  it('fails every property with −402653158 on a locked device', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true, passcodeLocked: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'name', 'serialNumber']);
    const output = json(run).Output as Record<
      string,
      Record<string, Record<string, Record<string, unknown>>>
    >;
    expect(output[d.ecid]).toEqual({});
    expect(output.Errors?.[d.ecid]?.name).toEqual({
      Domain: AMD,
      FailureReason: '',
      Message: 'The device is passcode protected.',
      Code: -402653158,
    });
    expect(output.Errors?.[d.ecid]?.serialNumber?.Code).toBe(-402653158);
    handle.world.unlock(d.ecid);
    const after = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'name']);
    expect((json(after).Output as Record<string, unknown>)[d.ecid]).toEqual({ name: d.name });
  });

  it('reads every property with "all", including configurationProfiles and installedApps', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ deviceType: 'iPhone16,1', paired: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'all']);
    const values = (json(run).Output as Record<string, Record<string, unknown>>)[d.ecid] ?? {};
    expect(values.UDID).toBe(d.udid);
    expect(values.UDID).toMatch(new RegExp(`^00008130-${d.ecid.slice(2).padStart(16, '0')}$`));
    expect(values.configurationProfiles).toEqual([]);
    expect(values.isSupervised).toBe(false);
    expect(typeof values.batteryCurrentCapacity).toBe('number');
    expect(Array.isArray(values.installedApps)).toBe(true);
  });

  it('prints a bare value for one property of one device, and yes/no for booleans', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    expect((await cfgutil(handle, ['get', 'serialNumber'])).stdout).toBe(`${d.serialNumber}\n`);
    expect((await cfgutil(handle, ['get', 'isPaired'])).stdout).toBe('yes\n');
  });

  it('prints prop: / value pairs for several properties of one device', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    const run = await cfgutil(handle, ['get', 'bootedState', 'isSupervised']);
    expect(run.stdout).toBe('bootedState:\nBooted\nisSupervised:\nno\n');
    expect(d.bootedState).toBe('Booted');
  });

  it('prints "<name> (ECID: …): value" per device, with an Error text for a locked one', async () => {
    const handle = await fastWorld();
    const a = handle.world.attach({ paired: true, name: 'Eric’s iPhone', deviceType: 'iPhone14,7' });
    const b = handle.world.attach({ paired: true, passcodeLocked: true, deviceType: 'iPad14,1' });
    const run = await cfgutil(handle, ['-f', 'get', 'serialNumber']);
    expect(run.stdout).toBe(
      `Eric’s iPhone (ECID: ${a.ecid}): ${a.serialNumber}\n` +
        `iPad (ECID: ${b.ecid}): Error: The device is passcode protected. (${AMD} -402653158)\n`,
    );
  });

  it('refuses get without property names', async () => {
    const handle = await fastWorld();
    handle.world.attach();
    const run = await cfgutil(handle, ['get']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^cfgutil: error: get requires at least one property/);
  });
});
