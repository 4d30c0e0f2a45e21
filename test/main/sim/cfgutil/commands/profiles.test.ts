import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVENTED_CODE } from '../../../../../main/sim/messages';
import { cfgutil, fastWorld, identityFiles, json, profileFile, scratchDir } from '../../sim-test-kit';

const NEEDS_APPROVAL =
  'cfgutil: error: User interaction on the device is required to install this profile.\n(Domain: ConfigurationUtilityKit.error Code: 625)\n';

describe('install-profile', () => {
  it('stages the profile and fails with 625 on an unsupervised device; approval installs it', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const file = await profileFile(dir, 'com.contoso.intune', ['com.apple.mdm']);
    const d = handle.world.attach({ paired: true });
    const run = await cfgutil(handle, ['-e', d.ecid, 'install-profile', file]);
    expect([run.code, run.stderr]).toEqual([1, NEEDS_APPROVAL]);
    expect(handle.world.device(d.ecid)?.pendingProfiles.map((p) => p.identifier)).toEqual([
      'com.contoso.intune',
    ]);
    expect(handle.world.approveProfile(d.ecid)).toBe(true);
    const get = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'get', 'configurationProfiles']);
    const values = (json(get).Output as Record<string, Record<string, unknown>>)[d.ecid];
    expect(values?.configurationProfiles).toEqual([
      { identifier: 'com.contoso.intune', displayName: 'Profile com.contoso.intune', version: 1 },
    ]);
  });

  it('resolves a relative path against the caller’s working directory', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    await profileFile(dir, 'com.contoso.rel', ['com.apple.applicationaccess']);
    const d = handle.world.attach({ paired: true });
    const run = await cfgutil(handle, ['-e', d.ecid, 'install-profile', 'com.contoso.rel.mobileconfig'], {
      cwd: dir,
    });
    expect(run.stderr).toBe(NEEDS_APPROVAL);
  });

  it('installs silently on a device supervised by the given identity, but not an MDM profile by default', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const id = await identityFiles(dir);
    const plain = await profileFile(dir, 'com.contoso.wifi', ['com.apple.wifi.managed']);
    const mdm = await profileFile(dir, 'com.contoso.mdm', ['com.apple.mdm']);
    const d = handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Contoso', certificate: id.certBytes },
    });
    const silent = await cfgutil(handle, [
      '--format',
      'JSON',
      '-C',
      id.cert,
      '-K',
      id.key,
      '-e',
      d.ecid,
      'install-profile',
      plain,
    ]);
    expect(json(silent)).toEqual({
      Command: 'install-profile',
      Output: { [d.ecid]: {} },
      Type: 'CommandOutput',
      Devices: [d.ecid],
    });
    const pending = await cfgutil(handle, [
      '--format',
      'JSON',
      '-C',
      id.cert,
      '-K',
      id.key,
      '-e',
      d.ecid,
      'install-profile',
      mdm,
    ]);
    expect(json(pending).Code).toBe(625);
    handle.world.setQuirks({ mdmSilentOnSupervised: true });
    expect(
      (await cfgutil(handle, ['-C', id.cert, '-K', id.key, '-e', d.ecid, 'install-profile', mdm])).code,
    ).toBe(0);
    expect(handle.world.device(d.ecid)?.profiles.map((p) => p.identifier)).toEqual([
      'com.contoso.wifi',
      'com.contoso.mdm',
    ]);
  });

  it('falls back to 625 when -C does not match the supervising identity', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const owner = await identityFiles(dir, 'owner');
    const stranger = await identityFiles(dir, 'stranger');
    const file = await profileFile(dir, 'com.contoso.r', ['com.apple.applicationaccess']);
    const d = handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Contoso', certificate: owner.certBytes },
    });
    const run = await cfgutil(handle, [
      '-C',
      stranger.cert,
      '-K',
      stranger.key,
      '-e',
      d.ecid,
      'install-profile',
      file,
    ]);
    expect(run.stderr).toBe(NEEDS_APPROVAL);
  });

  it('reports a missing file and an unparseable profile', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const junk = path.join(dir, 'junk.mobileconfig');
    await writeFile(junk, 'not a plist');
    const d = handle.world.attach({ paired: true });
    expect(
      json(
        await cfgutil(handle, [
          '--format',
          'JSON',
          '-e',
          d.ecid,
          'install-profile',
          path.join(dir, 'nope.mobileconfig'),
        ]),
      ),
    ).toMatchObject({ Type: 'Error', Code: INVENTED_CODE, Domain: 'ConfigurationUtilityKit.error' });
    expect(
      json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'install-profile', junk])).Code,
    ).toBe(INVENTED_CODE);
    handle.world.setQuirks({ rejectUnparseableProfiles: false });
    expect(
      json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'install-profile', junk])).Code,
    ).toBe(625);
  });

  it('applies a Wi-Fi profile on an unactivated device and activates it, still reporting 625', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const wifi = await profileFile(dir, 'com.contoso.wifi', ['com.apple.wifi.managed']);
    const d = handle.world.attach({ state: 'erased' });
    const run = await cfgutil(handle, ['-e', d.ecid, 'install-profile', wifi]);
    expect(run.code).toBe(1);
    expect(handle.world.device(d.ecid)).toMatchObject({ activationState: 'Activated', pendingProfiles: [] });
    expect(handle.world.device(d.ecid)?.profiles.map((p) => p.identifier)).toEqual(['com.contoso.wifi']);
  });
});

describe('remove-profile', () => {
  it('warns "no such profile" and exits non-zero when it is not installed; removes it when it is', async () => {
    const handle = await fastWorld();
    const dir = await scratchDir();
    const file = await profileFile(dir, 'com.contoso.x', ['com.apple.applicationaccess']);
    const d = handle.world.attach({ paired: true });
    const missing = await cfgutil(handle, ['-e', d.ecid, 'remove-profile', 'com.contoso.x']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('cfgutil: warning: no such profile\n');
    await cfgutil(handle, ['-e', d.ecid, 'install-profile', file]);
    handle.world.approveProfile(d.ecid, 'com.contoso.x');
    expect((await cfgutil(handle, ['-e', d.ecid, 'remove-profile', file])).code).toBe(0);
    expect(handle.world.device(d.ecid)?.profiles).toEqual([]);
  });

  it('needs the supervising identity on a supervised device', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({
      paired: true,
      supervisedBy: { organizationName: 'Contoso', certificate: Buffer.from('c') },
    });
    expect(
      json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'remove-profile', 'com.x'])).Code,
    ).toBe(INVENTED_CODE);
  });
});
