/**
 * Record and replay (issue 20 item 8): a session of the real client against the simulator is recorded
 * pseudonymised, and the bundle replays through the real client to the same outcomes: same values (under
 * their pseudonyms), same error codes, same 625.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../../preload/domain';
import { CfgutilError } from '../../../../main/cfgutil/cfgutil-error';
import { createCfgutilClient, type CfgutilClient } from '../../../../main/cfgutil/cfgutil-client';
import { forgetPrepareFlags } from '../../../../main/cfgutil/prepare-flag-support';
import { EXCHANGES_FILE, recordingRunner } from '../../../../main/cfgutil/recording/record-runs';
import { runCfgutil } from '../../../../main/cfgutil/run-cfgutil';
import { startSimulatedWorld } from '../../../../main/sim/index';
import { createReplayRunner, loadBundle } from '../../../../main/sim/replay/replay-runner';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'replay-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const codeOf = async (promise: Promise<unknown>): Promise<ErrorCode | 'ok'> =>
  promise.then(
    () => 'ok' as const,
    (error: unknown) => (error instanceof CfgutilError ? error.info.code : 'internal'),
  );

/** The same session, whoever answers: what the bench would decide on. */
async function session(
  client: CfgutilClient,
  profilePath: string,
  identity: { certPath: string; keyPath: string },
) {
  const listed = await client.list();
  const ecid = listed[0]?.ecid ?? '';
  const first = await client.get(ecid, ['serialNumber', 'name', 'isPaired', 'isSupervised', 'UDID']);
  const pair = await codeOf(client.pair(ecid));
  const install = await client.installProfile(ecid, profilePath, { identity });
  const rename = await codeOf(client.rename(ecid, 'Lab-07'));
  const last = await client.get(ecid, ['name', 'configurationProfiles']);
  return { listed, first, pair, install, rename, last };
}

describe('record a session, replay the bundle', () => {
  it('replays to the same outcomes, and the bundle names no real device', async () => {
    const handle = await startSimulatedWorld({ timeScale: 0.001, seed: 21 });
    cleanups.push(() => handle.close());
    forgetPrepareFlags(handle.cfgutilPath);
    const dir = await scratch();
    const bundle = join(dir, 'bundle');
    const identity = { certPath: join(dir, 'org.der'), keyPath: join(dir, 'org.key.der') };
    await writeFile(identity.certPath, 'cert');
    await writeFile(identity.keyPath, 'secret-key-bytes');
    const profilePath = join(dir, 'Intune enrollment.mobileconfig');
    await writeFile(
      profilePath,
      '<?xml version="1.0"?><plist version="1.0"><dict><key>PayloadIdentifier</key><string>com.example.wifi</string><key>PayloadContent</key><array/></dict></plist>',
    );
    const device = handle.world.attach({ paired: true, name: 'Logan’s iPhone' });
    const recorder = recordingRunner(runCfgutil, bundle);
    const live = await session(
      createCfgutilClient({ cfgutilPath: handle.cfgutilPath, runner: recorder.runner }),
      profilePath,
      identity,
    );
    await recorder.flush();

    const text = await readFile(join(bundle, EXCHANGES_FILE), 'utf8');
    const real = handle.world.device(device.ecid);
    for (const secret of [
      device.ecid,
      real?.udid,
      real?.serialNumber,
      'Logan',
      'Lab-07',
      dir,
      'secret-key-bytes',
    ])
      expect(text).not.toContain(String(secret));
    expect(text).toContain('<private-key>');
    expect(text).toContain('<profile>');

    const replayed = await session(
      createCfgutilClient({
        cfgutilPath: '/replay/cfgutil',
        runner: createReplayRunner(await loadBundle(bundle)),
      }),
      '/elsewhere/profile.mobileconfig',
      { certPath: '/elsewhere/c.der', keyPath: '/elsewhere/k.der' },
    );
    // Same decisions: pairing, 625 or not, rename, booleans and profiles.
    expect([replayed.pair, replayed.install, replayed.rename]).toEqual([
      live.pair,
      live.install,
      live.rename,
    ]);
    expect(replayed.first.values.isPaired).toBe(live.first.values.isPaired);
    expect(replayed.first.values.isSupervised).toBe(live.first.values.isSupervised);
    expect(replayed.last.values.configurationProfiles).toEqual(live.last.values.configurationProfiles);
    // Pseudonyms keep their shapes: a padded ECID, a UDID that still carries it, a serial, a name.
    const ecid = replayed.listed[0]?.ecid ?? '';
    expect(ecid).not.toBe(live.listed[0]?.ecid);
    expect(replayed.first.values.UDID?.endsWith(ecid.slice(2).padStart(16, '0'))).toBe(true);
    expect(replayed.first.values.serialNumber).toMatch(/^SERIAL\d{4}$/);
    expect(replayed.first.values.name).toBe('Device 1');
    expect(replayed.last.values.name).not.toContain('Lab-07');
  });

  it('a request the bundle never saw fails like a cfgutil error; a broken bundle is refused with its line', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'manifest.json'), JSON.stringify({ format: 'enroll-bench-cfgutil-recording' }));
    await writeFile(
      join(dir, EXCHANGES_FILE),
      '{"argv":["--format","JSON","list"],"stdout":"{\\"Command\\":\\"list\\",\\"Output\\":{},\\"Type\\":\\"CommandOutput\\",\\"Devices\\":[]}","stderr":"","exitCode":0,"outcome":"exited"}\n',
    );
    const client = createCfgutilClient({
      cfgutilPath: '/replay/cfgutil',
      runner: createReplayRunner(await loadBundle(dir)),
    });
    expect(await client.list()).toEqual([]);
    expect(await client.list()).toEqual([]);
    expect(await codeOf(client.erase('0x0001000000000001'))).toBe('unknown');
    await writeFile(join(dir, EXCHANGES_FILE), '{"argv":"list"}\n');
    await expect(loadBundle(dir)).rejects.toThrow(/Line 1 .* argv/);
  });
});
