import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS_MS, createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { envelope, errorEnvelope, fakeRunner, type Reply } from './fake-runner';
import { fakeCfgutil, readFixture } from './process-helpers';
import { rejectsWith } from './rejects-with';

const ECID = '0x8294E3A41001C';
const CFGUTIL = '/Applications/Apple Configurator.app/Contents/MacOS/cfgutil';
const identity = { certPath: '/bench/org.der', keyPath: '/bench/org.key.der' };

function clientWith(reply: Reply | ((args: readonly string[]) => Reply)) {
  const fake = fakeRunner(reply);
  return { client: createCfgutilClient({ cfgutilPath: CFGUTIL, runner: fake.runner }), calls: fake.calls };
}

describe('CfgutilClient.list', () => {
  it('runs `--format JSON list` with the list timeout and returns the devices', async () => {
    const { client, calls } = clientWith({ stdout: readFixture('list-compact.json') });
    const devices = await client.list();
    expect(calls[0]?.path).toBe(CFGUTIL);
    expect(calls[0]?.args).toEqual(['--format', 'JSON', 'list']);
    expect(calls[0]?.options.timeoutMs).toBe(DEFAULT_TIMEOUTS_MS.list);
    expect(devices).toEqual([
      {
        ecid: ECID,
        udid: '00008130-0008294E3A41001C',
        name: 'Logan’s iPhone',
        deviceType: 'iPhone16,1',
        locationId: 17825792,
      },
    ]);
  });

  it('keeps the Devices order of pretty output and accepts an empty list', async () => {
    expect(
      (await clientWith({ stdout: readFixture('list-pretty.json') }).client.list()).map((d) => d.ecid),
    ).toEqual([ECID, '0x1C604A3405801E']);
    await expect(clientWith({ stdout: readFixture('list-empty.json') }).client.list()).resolves.toEqual([]);
  });

  it('drops fields of the wrong type but keeps the device', async () => {
    const stdout = envelope(
      'list',
      { '0x00abc12345': { UDID: 7, name: '', deviceType: ['x'], locationID: -4 } },
      ['0x00abc12345'],
    );
    await expect(clientWith({ stdout }).client.list()).resolves.toEqual([{ ecid: '0xABC12345' }]);
  });

  it('passes the abort signal through to the runner', async () => {
    const { client, calls } = clientWith({ stdout: readFixture('list-empty.json') });
    const controller = new AbortController();
    await client.list({ signal: controller.signal, timeoutMs: 5 });
    expect(calls[0]?.options.signal).toBe(controller.signal);
    expect(calls[0]?.options.timeoutMs).toBe(5);
  });

  it('rejects with output-unparseable, keeping the run, on garbage', async () => {
    const error = await rejectsWith(
      clientWith({ stdout: '\u0000garbage{' }).client.list(),
      'output-unparseable',
    );
    expect(error.run?.stdout).toBe('\u0000garbage{');
    expect(error.info.originalMessage).toContain('garbage');
  });
});

describe('CfgutilClient.get', () => {
  it('asks for the properties on one ECID and returns typed values', async () => {
    const stdout = envelope(
      'get',
      {
        [ECID]: {
          serialNumber: 'F71SHPP0HG6W',
          isPaired: true,
          batteryCurrentCapacity: 87,
          configurationProfiles: [
            { identifier: 'com.example.wifi', displayName: 'Wi-Fi', version: 1 },
            { nope: 1 },
          ],
        },
        Errors: { [ECID]: {} },
      },
      [ECID],
    );
    const { client, calls } = clientWith({ stdout });
    const result = await client.get('0x0008294e3a41001c', [
      'serialNumber',
      'isPaired',
      'batteryCurrentCapacity',
      'configurationProfiles',
    ]);
    expect(calls[0]?.args).toEqual([
      '-e',
      ECID,
      '--format',
      'JSON',
      'get',
      'serialNumber',
      'isPaired',
      'batteryCurrentCapacity',
      'configurationProfiles',
    ]);
    expect(result.values).toEqual({
      serialNumber: 'F71SHPP0HG6W',
      isPaired: true,
      batteryCurrentCapacity: 87,
      configurationProfiles: [{ identifier: 'com.example.wifi', displayName: 'Wi-Fi', version: 1 }],
    });
    expect(result.errors).toEqual({});
  });

  it('classifies per-property errors by code (locked device, §5)', async () => {
    const locked = {
      Domain: 'x',
      FailureReason: '',
      Message: 'L’appareil est protégé par un code.',
      Code: -402653158,
    };
    const stdout = envelope(
      'get',
      { [ECID]: {}, Errors: { [ECID]: { serialNumber: locked, isSupervised: locked } } },
      [ECID],
    );
    const result = await clientWith({ stdout }).client.get(ECID, ['serialNumber', 'isSupervised']);
    expect(result.values).toEqual({});
    expect(result.errors.serialNumber?.code).toBe('passcode-locked');
    expect(result.errors.isSupervised).toMatchObject({
      code: 'passcode-locked',
      ecid: ECID,
      cfgutilCode: -402653158,
    });
  });

  it('reports a value of the wrong type, and a property cfgutil left out, as errors of that property', async () => {
    const stdout = envelope('get', { [ECID]: { isPaired: 'yes', name: 'iPad' }, Errors: { [ECID]: {} } }, [
      ECID,
    ]);
    const result = await clientWith({ stdout }).client.get(ECID, ['isPaired', 'name', 'UDID']);
    expect(result.values).toEqual({ name: 'iPad' });
    expect(result.errors.isPaired?.code).toBe('output-unparseable');
    expect(result.errors.UDID?.code).toBe('value-missing');
  });

  it('refuses unknown properties and bad ECIDs without starting cfgutil', async () => {
    const { client, calls } = clientWith({});
    await rejectsWith(client.get(ECID, ['serialNumber', 'all' as 'name']), 'invalid-request');
    await rejectsWith(client.get('not-an-ecid', ['name']), 'invalid-request');
    await rejectsWith(client.get(ECID, []), 'invalid-request');
    expect(calls).toHaveLength(0);
  });

  it('rejects when the reply does not mention the device', async () => {
    const stdout = envelope('get', { '0x1234567890': { name: 'other' } }, ['0x1234567890']);
    await rejectsWith(clientWith({ stdout }).client.get(ECID, ['name']), 'output-unparseable');
  });

  it('rejects with no-devices-found from stderr, even in JSON mode (§6.2)', async () => {
    const error = await rejectsWith(
      clientWith({ exitCode: 1, stderr: 'objc[1]: noise\ncfgutil: error: no devices found\n' }).client.get(
        ECID,
        ['name'],
      ),
      'no-devices-found',
    );
    expect(error.ecid).toBe(ECID);
    expect(error.run?.exitCode).toBe(1);
  });
});

describe('CfgutilClient device commands', () => {
  it('pairs with the identity before the selector, and reports a pending Trust dialog', async () => {
    const { client, calls } = clientWith({
      exitCode: 1,
      stdout: errorEnvelope('pair', -402653034, 'En attente', [ECID]),
    });
    const error = await rejectsWith(client.pair(ECID, { identity }), 'trust-pending');
    expect(calls[0]?.args).toEqual([
      '-C',
      '/bench/org.der',
      '-K',
      '/bench/org.key.der',
      '-e',
      ECID,
      '--format',
      'JSON',
      'pair',
    ]);
    expect(error.info.title).toBe('Tap Trust on the device');
  });

  it('pairs without -C/-K when no identity is given', async () => {
    const { client, calls } = clientWith({ stdout: envelope('pair', {}, [ECID]) });
    await client.pair(ECID);
    expect(calls[0]?.args).toEqual(['-e', ECID, '--format', 'JSON', 'pair']);
  });

  it('erases, with --esim when asked', async () => {
    const { client, calls } = clientWith({ stdout: envelope('erase', {}, [ECID]) });
    await client.erase(ECID, { esim: true });
    await client.erase(ECID);
    expect(calls[0]?.args).toEqual(['-e', ECID, '--format', 'JSON', 'erase', '--esim']);
    expect(calls[1]?.args).toEqual(['-e', ECID, '--format', 'JSON', 'erase']);
    expect(calls[0]?.options.timeoutMs).toBe(DEFAULT_TIMEOUTS_MS.erase);
  });

  it('classifies the message-only Activation Lock failure of erase', async () => {
    const stdout = errorEnvelope(
      'erase',
      undefined,
      'Please complete the activation process on the device.',
      [ECID],
    );
    await rejectsWith(clientWith({ exitCode: 1, stdout }).client.erase(ECID), 'activation-locked');
  });

  it('builds every prepare flag from typed options', async () => {
    const { client, calls } = clientWith({ stdout: envelope('prepare', {}, [ECID]) });
    await client.prepare(ECID, {
      supervised: true,
      name: 'Contoso Schools',
      hostCert: '/bench/org.der',
      language: 'en',
      locale: 'en_US',
      skip: ['language', 'region', 'language'],
      skipAll: true,
      forbidPairing: true,
    });
    await client.prepare(ECID, { dep: true, skip: ['language', 'region'] });
    // `help prepare` is read once per cfgutil path before the first prepare; only the prepares are checked here.
    const prepares = calls.filter((call) => call.args[0] !== 'help');
    expect(prepares[0]?.args).toEqual([
      '-e',
      ECID,
      '--format',
      'JSON',
      'prepare',
      '--supervised',
      '--name',
      'Contoso Schools',
      '--host-cert',
      '/bench/org.der',
      '--language',
      'en',
      '--locale',
      'en_US',
      '--skip-all',
      '--skip-language',
      '--skip-region',
      '--forbid-pairing',
    ]);
    expect(prepares[1]?.args).toEqual([
      '-e',
      ECID,
      '--format',
      'JSON',
      'prepare',
      '--dep',
      '--skip-language',
      '--skip-region',
    ]);
    expect(prepares[0]?.options.timeoutMs).toBe(DEFAULT_TIMEOUTS_MS.prepare);
  });

  it.each([
    [{ name: '--dep' }],
    [{ hostCert: 'relative.der' }],
    [{ language: '-x' }],
    [{ locale: 'en US' }],
    // A pane key is lower-case words and dashes (a newer cfgutil may add keys); anything else is refused.
    [{ skip: ['--mdm-url'] }],
    [{ skip: ['Screen Time'] }],
    [{ skip: ['all'] }],
  ])('refuses bad prepare options %j before starting cfgutil', async (options) => {
    const { client, calls } = clientWith({});
    await rejectsWith(client.prepare(ECID, options), 'invalid-request');
    expect(calls).toHaveLength(0);
  });

  it.each([
    [33001, 'configuration-unavailable'],
    [612, 'already-prepared'],
    [401, 'mac-out-of-date'],
  ] as const)('maps a prepare failure with code %i to %s', async (code, expected) => {
    await rejectsWith(
      clientWith({ exitCode: 1, stdout: errorEnvelope('prepare', code, 'x', [ECID]) }).client.prepare(ECID, {
        dep: true,
      }),
      expected,
    );
  });

  it('maps the offline prepare Detail to network-unavailable', async () => {
    await rejectsWith(
      clientWith({ exitCode: 1, stdout: readFixture('error-offline.json') }).client.prepare(ECID, {}),
      'network-unavailable',
    );
  });

  it('reads the bare per-ECID error of an action command (§6.1)', async () => {
    await rejectsWith(
      clientWith({ stdout: readFixture('action-bare-error.json') }).client.prepare(ECID, {}),
      'device-disconnected',
    );
  });

  it('installs a profile silently, or reports that it waits for approval (625)', async () => {
    const installed = clientWith({ stdout: envelope('install-profile', {}, [ECID]) });
    await expect(
      installed.client.installProfile(ECID, '/bench/intune.mobileconfig', { identity }),
    ).resolves.toBe('installed');
    expect(installed.calls[0]?.args).toEqual([
      '-C',
      '/bench/org.der',
      '-K',
      '/bench/org.key.der',
      '-e',
      ECID,
      '--format',
      'JSON',
      'install-profile',
      '/bench/intune.mobileconfig',
    ]);
    const pending = clientWith({ exitCode: 1, stdout: readFixture('error-625-french.json') });
    await expect(pending.client.installProfile(ECID, '/bench/intune.mobileconfig')).resolves.toBe(
      'awaiting-user-approval',
    );
  });

  it('still rejects other install-profile failures', async () => {
    await rejectsWith(
      clientWith({
        exitCode: 1,
        stdout: errorEnvelope('install-profile', -402653158, 'locked', [ECID]),
      }).client.installProfile(ECID, '/p.mobileconfig'),
      'passcode-locked',
    );
    await rejectsWith(clientWith({}).client.installProfile(ECID, 'relative.mobileconfig'), 'invalid-request');
  });

  it('reports no-such-profile from the stderr warning of remove-profile', async () => {
    const { client, calls } = clientWith({ exitCode: 1, stderr: 'cfgutil: warning: no such profile\n' });
    await rejectsWith(client.removeProfile(ECID, 'com.example.gone', { identity }), 'no-such-profile');
    expect(calls[0]?.args.slice(-2)).toEqual(['remove-profile', 'com.example.gone']);
  });

  it('renames, refusing names that could pass for an option, and reports set-prohibited', async () => {
    const ok = clientWith({ stdout: envelope('rename', {}, [ECID]) });
    await ok.client.rename(ECID, 'Cart 3 · iPad 12');
    expect(ok.calls[0]?.args).toEqual(['-e', ECID, '--format', 'JSON', 'rename', 'Cart 3 · iPad 12']);
    await rejectsWith(ok.client.rename(ECID, '--foreach'), 'invalid-request');
    await rejectsWith(ok.client.rename(ECID, '  '), 'invalid-request');
    await rejectsWith(
      clientWith({
        exitCode: 1,
        stdout: errorEnvelope('rename', -402653161, 'Cannot set value on device.', [ECID]),
      }).client.rename(ECID, 'x'),
      'set-prohibited',
    );
  });

  it('restarts, shuts down and unpairs with the expected command lines', async () => {
    const { client, calls } = clientWith({ stdout: envelope('x', {}, [ECID]) });
    await client.restart(ECID, { identity });
    await client.shutDown(ECID, { identity });
    await client.unpair(ECID);
    expect(calls.map((c) => c.args.slice(-1)[0])).toEqual(['restart', 'shut-down', 'unpair']);
    expect(calls[1]?.args.slice(0, 4)).toEqual(['-C', '/bench/org.der', '-K', '/bench/org.key.der']);
    expect(calls[2]?.args).toEqual(['-e', ECID, '--format', 'JSON', 'unpair']);
  });

  it('refuses an identity given with relative paths', async () => {
    await rejectsWith(
      clientWith({}).client.restart(ECID, { identity: { certPath: 'org.der', keyPath: '/k' } }),
      'invalid-request',
    );
  });

  it('turns timeouts, cancels and crashes into their own codes', async () => {
    await rejectsWith(
      clientWith({ outcome: 'timed-out', exitCode: null, signal: 'SIGTERM' }).client.erase(ECID),
      'timed-out',
    );
    await rejectsWith(
      clientWith({ outcome: 'cancelled', exitCode: null, signal: 'SIGTERM' }).client.erase(ECID),
      'cancelled',
    );
    await rejectsWith(
      clientWith({ outcome: 'output-too-large', exitCode: null, signal: 'SIGKILL' }).client.list(),
      'output-unparseable',
    );
    const crash = await rejectsWith(
      clientWith({ exitCode: null, signal: 'SIGABRT' }).client.erase(ECID),
      'unknown',
    );
    expect(crash.info.detail).toContain('SIGABRT');
  });

  it('keeps a code it does not know, with the original message, as unknown', async () => {
    const error = await rejectsWith(
      clientWith({
        exitCode: 1,
        stdout: errorEnvelope('erase', 2006, 'Restore failed.', [ECID]),
      }).client.erase(ECID),
      'unknown',
    );
    expect(error.info).toMatchObject({ cfgutilCode: 2006, originalMessage: 'Restore failed.' });
  });
});

describe('CfgutilClient.version and logging', () => {
  it('reads the version from JSON or from plain text', async () => {
    const json = envelope('version', { version: '2.20', build: '1001.5' }, []);
    await expect(clientWith({ stdout: json }).client.version()).resolves.toMatchObject({
      version: '2.20',
      build: '1001.5',
    });
    await expect(clientWith({ stdout: 'cfgutil 2.6.1 (379)\n' }).client.version()).resolves.toMatchObject({
      version: '2.6.1',
      build: '379',
    });
    await rejectsWith(clientWith({ outcome: 'timed-out', exitCode: null }).client.version(), 'timed-out');
  });

  it('reports every finished run to onRun, with its command and ECID', async () => {
    const seen: string[] = [];
    const fake = fakeRunner({ stdout: envelope('erase', {}, [ECID]) });
    const client = createCfgutilClient({
      cfgutilPath: CFGUTIL,
      runner: fake.runner,
      timeoutsMs: { erase: 1234 },
      onRun: (run, command, ecid) => seen.push(`${command} ${ecid ?? '-'} ${run.exitCode}`),
    });
    await client.erase(ECID);
    expect(seen).toEqual([`erase ${ECID} 0`]);
    expect(fake.calls[0]?.options.timeoutMs).toBe(1234);
    expect(fake.calls[0]?.options.label).toBe(`erase ${ECID}`);
  });
});

describe('createCfgutilClient over the real spawn layer', () => {
  it('runs a fake executable with the exact argv and reads its output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-client-'));
    const log = join(dir, 'argv.log');
    const stdout = join(dir, 'stdout');
    writeFileSync(stdout, `objc noise\n${readFixture('list-pretty.json')}`);
    const client = createCfgutilClient({
      cfgutilPath: fakeCfgutil('replay.mjs'),
      env: { FAKE_CFGUTIL_LOG: log, FAKE_STDOUT: stdout },
    });
    const devices = await client.list();
    expect(devices).toHaveLength(2);
    expect(readFileSync(log, 'utf8').trim()).toBe(JSON.stringify(['--format', 'JSON', 'list']));
  });

  it('rejects with cfgutil-missing when the path does not exist', async () => {
    await rejectsWith(createCfgutilClient({ cfgutilPath: '/nowhere/cfgutil' }).list(), 'cfgutil-missing');
  });
});
