import { describe, expect, it } from 'vitest';
import { cfgutil, fastWorld, identityFiles, json, profileFile, scratchDir } from '../../sim-test-kit';

describe('rename', () => {
  it('renames, and fails with −402653161 once a profile forbids name changes', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const restrict = await profileFile(dir, 'com.contoso.noname', ['com.apple.applicationaccess'], {
      allowDeviceNameModification: false,
    });
    const d = handle.world.attach({ paired: true });
    expect((await cfgutil(handle, ['-e', d.ecid, 'rename', 'Cart 3 · 07'])).code).toBe(0);
    expect(json(await cfgutil(handle, ['--format', 'JSON', 'list'])).Output).toMatchObject({
      [d.ecid]: { name: 'Cart 3 · 07' },
    });
    await cfgutil(handle, ['-e', d.ecid, 'install-profile', restrict]);
    handle.world.approveProfile(d.ecid);
    const refused = await cfgutil(handle, ['-e', d.ecid, 'rename', 'Other']);
    expect(refused.stderr).toBe(
      'cfgutil: error: Cannot set value on device.\n(Domain: com.apple.configurator.MobileDeviceKit.amd.error Code: -402653161)\n',
    );
  });
});

describe('restart and shut-down', () => {
  it('are supervised-only and need the supervising identity', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true });
    const refused = json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'restart']));
    expect(refused).toMatchObject({ Code: 1, Type: 'Error' });
    expect(String(refused.Message)).toContain('supervision identity');
  });

  it('restart detaches and re-attaches; shut-down detaches for good', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const id = await identityFiles(dir);
    const d = handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Contoso', certificate: id.certBytes },
    });
    const back = new Promise<void>((resolve) => handle.world.onAttached(() => resolve()));
    expect((await cfgutil(handle, ['-C', id.cert, '-K', id.key, '-e', d.ecid, 'restart'])).code).toBe(0);
    await back;
    expect(handle.world.device(d.ecid)?.attached).toBe(true);
    const gone = new Promise<void>((resolve) => handle.world.onDetached(() => resolve()));
    expect((await cfgutil(handle, ['-C', id.cert, '-K', id.key, '-e', d.ecid, 'shut-down'])).code).toBe(0);
    await gone;
    expect(handle.world.list()).toEqual([]);
    // Off until the operator powers it on; it comes back to its own port.
    const on = new Promise<void>((resolve) => handle.world.onAttached(() => resolve()));
    expect(handle.world.powerOn(d.ecid)).toBe(true);
    await on;
    expect(handle.world.list().map((x) => [x.ecid, x.locationID])).toEqual([[d.ecid, d.locationID]]);
  });
});
