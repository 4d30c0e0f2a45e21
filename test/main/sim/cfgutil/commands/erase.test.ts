import { describe, expect, it } from 'vitest';
import type { SimDeviceEvent } from '../../../../../main/sim/index';
import { cfgutil, fastWorld, json, WAITING_1_OF_1 } from '../../sim-test-kit';

describe('erase', () => {
  it('returns, then detaches and re-attaches the same ECID erased, unactivated and unsupervised', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Old', certificate: Buffer.from('old') },
    });
    const events: string[] = [];
    const back = new Promise<SimDeviceEvent>((resolve) => {
      handle.world.onDetached((e) => events.push(`detached ${e.entry.ECID}`));
      handle.world.onAttached((e) => {
        events.push(`attached ${e.entry.ECID}`);
        resolve(e);
      });
    });
    const run = await cfgutil(handle, ['-e', d.ecid, 'erase']);
    expect(run.stdout).toBe(
      `${WAITING_1_OF_1}Erased device ${d.name} (ECID: ${d.ecid}).\n\n--- Summary ---\nOperation "erase" succeeded on 1 devices.\n`,
    );
    const event = await back;
    expect(events).toEqual([`detached ${d.ecid}`, `attached ${d.ecid}`]);
    expect(event.entry).toEqual({
      locationID: d.locationID,
      UDID: d.udid,
      ECID: d.ecid,
      name: d.deviceClass,
      deviceType: d.deviceType,
    });
    const after = await cfgutil(handle, [
      '--format',
      'JSON',
      '-e',
      d.ecid,
      'get',
      'activationState',
      'isSupervised',
      'configurationProfiles',
    ]);
    expect((json(after).Output as Record<string, unknown>)[d.ecid]).toEqual({
      activationState: 'Unactivated',
      isSupervised: false,
      configurationProfiles: [],
    });
    expect(handle.world.device(d.ecid)?.atSetupAssistant).toBe(true);
  });

  it('refuses commands while the device reboots after the erase was sent', async () => {
    const handle = await fastWorld({ timeScale: 0.01, timings: { eraseDetachSeconds: 1000 } });
    const d = handle.world.attach({ paired: true });
    expect((await cfgutil(handle, ['-e', d.ecid, 'erase', '--esim'])).code).toBe(0);
    const busy = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'name']);
    expect(json(busy).Message).toBe(
      'This action cannot be performed on the device while it is already in use.',
    );
  });

  it('erases a device under Activation Lock by default, and refuses it with the activationLockAt switch', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true, findMy: true });
    expect((await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'erase'])).code).toBe(0);
    handle.world.setQuirks({ activationLockAt: 'erase' });
    const e = handle.world.attach({ paired: true, findMy: true });
    const run = await cfgutil(handle, ['--format', 'JSON', '-e', e.ecid, 'erase']);
    expect(run.code).toBe(1);
    expect(json(run)).toMatchObject({ Code: 1, Type: 'Error' });
    expect(String(json(run).Message)).toContain('complete the activation process');
  });

  it('needs a paired device (the Trust dialog is pending) and rejects unknown arguments', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach();
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'erase'])).Code).toBe(-402653034);
    expect(handle.world.device(d.ecid)?.trust).toBe('shown');
    const bad = await cfgutil(handle, ['-e', d.ecid, 'erase', '--everything']);
    expect([bad.code, bad.stderr]).toEqual([
      1,
      'cfgutil: error: unrecognized argument "--everything" for erase\n',
    ]);
  });
});
