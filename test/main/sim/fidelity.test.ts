/**
 * Fidelity (issue 8, item 11): the outputs kept in test/fixtures/cfgutil are compared with what the simulator
 * prints for the same situation: envelope type, key sets, codes, exit code and stderr lines. If the simulator
 * drifts from real output, this fails.
 *
 * Key sets: every key of the fixture must be in the simulator's output, and every key the simulator prints must
 * be one the reference documents (§6.1), so neither side may grow keys unnoticed.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SimWorldHandle } from '../../../main/sim/index';
import { cfgutil, fastWorld, json, profileFile, scratchDir, type CfgutilRun } from './sim-test-kit';

type Json = Record<string, unknown>;

const SUCCESS_KEYS = ['Command', 'Output', 'Type', 'Devices'];
const FAILURE_KEYS = [
  'Command',
  'Type',
  'Message',
  'Code',
  'Domain',
  'FailureReason',
  'Detail',
  'AffectedDevices',
  'UnaffectedDevices',
];
const ERROR_KEYS = ['Domain', 'FailureReason', 'Message', 'Code'];

async function fixture(name: string): Promise<string> {
  return readFile(fileURLToPath(new URL(`../../fixtures/cfgutil/${name}`, import.meta.url)), 'utf8');
}

const fixtureJson = async (name: string): Promise<Json> => JSON.parse(await fixture(name)) as Json;

/** The fixture's keys are all printed, and nothing undocumented is. */
function expectKeys(sim: Json, real: Json, documented: readonly string[]): void {
  const simKeys = Object.keys(sim);
  expect(simKeys).toEqual(expect.arrayContaining(Object.keys(real)));
  expect(documented).toEqual(expect.arrayContaining(simKeys));
}

const entryOf = (envelope: Json, key: string): Json => (envelope.Output as Record<string, Json>)[key] ?? {};
const errorsOf = (envelope: Json): Record<string, Json> =>
  ((envelope.Output as Json).Errors ?? {}) as Record<string, Json>;

async function run(handle: SimWorldHandle, args: string[]): Promise<{ run: CfgutilRun; out: Json }> {
  const result = await cfgutil(handle, ['--format', 'JSON', ...args]);
  return { run: result, out: json(result) };
}

describe('fidelity with the captured and reference outputs', () => {
  it('list: the empty envelope exactly, and entries with exactly the five keys in order', async () => {
    const handle = await fastWorld();
    expect((await run(handle, ['list'])).out).toEqual(await fixtureJson('list-empty.json'));
    const d = handle.world.attach({ deviceType: 'iPhone16,1' });
    const real = await fixtureJson('list-compact.json');
    const { run: r, out } = await run(handle, ['list']);
    expect(r.code).toBe(0);
    expect(Object.keys(out)).toEqual(Object.keys(real));
    const realEntry = entryOf(real, '0x8294E3A41001C');
    expect(Object.keys(entryOf(out, d.ecid))).toEqual(Object.keys(realEntry));
    expect(typeof entryOf(out, d.ecid).locationID).toBe(typeof realEntry.locationID);
    expect(entryOf(out, d.ecid).UDID).toMatch(/^00008130-[0-9A-F]{16}$/);
  });

  it('get on a Wi-Fi iPad: values per ECID, IMEI missing under Output.Errors, exit 0', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ deviceType: 'iPad13,18', paired: true });
    const real = await fixtureJson('get-wifi-ipad.json');
    const props = ['serialNumber', 'totalDiskCapacity', 'deviceType', 'color', 'IMEI'];
    const { run: r, out } = await run(handle, ['-e', d.ecid, 'get', ...props]);
    expect(r.code).toBe(0);
    expectKeys(out, real, SUCCESS_KEYS);
    expect(Object.keys(out.Output as Json).sort()).toEqual([d.ecid, 'Errors'].sort());
    expect(Object.keys(entryOf(out, d.ecid)).sort()).toEqual(
      Object.keys(entryOf(real, '0x970E80428AC26')).sort(),
    );
    const realError = (errorsOf(real)['0x970E80428AC26'] as Record<string, Json>).IMEI ?? {};
    const simError = (errorsOf(out)[d.ecid] as Record<string, Json>).IMEI ?? {};
    expect(Object.keys(simError)).toEqual(Object.keys(realError));
    expect([simError.Code, simError.Message, simError.Domain]).toEqual([
      realError.Code,
      realError.Message,
      realError.Domain,
    ]);
  });

  it('get on two devices: an empty Errors entry for the clean one, per-property errors for the locked one', async () => {
    const handle = await fastWorld();
    const a = handle.world.attach({ paired: true });
    const b = handle.world.attach({ paired: true, passcodeLocked: true });
    const real = await fixtureJson('get-two-devices.json');
    const { out } = await run(handle, ['-e', a.ecid, '-e', b.ecid, 'get', 'serialNumber']);
    expectKeys(out, real, SUCCESS_KEYS);
    expect(errorsOf(out)[a.ecid]).toEqual({});
    const realLocked = (errorsOf(real)['0xA64D620D30D26'] as Record<string, Json>).serialNumber ?? {};
    const simLocked = (errorsOf(out)[b.ecid] as Record<string, Json>).serialNumber ?? {};
    expect(simLocked).toEqual(realLocked);
  });

  it('the failure envelopes: key sets, Type, codes and exit 1', async () => {
    const handle = await fastWorld({ quirks: { language: 'fr' } });
    const dir = await scratchDir();
    const profile = await profileFile(dir, 'com.example.wifi', ['com.apple.mdm']);
    const cases: [string, string[], (w: SimWorldHandle['world']) => string][] = [
      ['error-625-french.json', ['install-profile', profile], (w) => w.attach({ paired: true }).ecid],
      [
        'error-configuration-unavailable.json',
        ['prepare', '--dep'],
        (w) => w.attach({ state: 'erased' }).ecid,
      ],
    ];
    for (const [name, args, device] of cases) {
      const real = await fixtureJson(name);
      const ecid = device(handle.world);
      const { run: r, out } = await run(handle, ['-e', ecid, ...args]);
      expect([name, r.code]).toEqual([name, 1]);
      expectKeys(out, real, FAILURE_KEYS);
      expect([out.Type, out.Code, out.AffectedDevices]).toEqual([real.Type, real.Code, [ecid]]);
    }
  });

  it('offline prepare carries the documented Detail; busy carries the documented message', async () => {
    const handle = await fastWorld({
      online: false,
      timings: { prepareMinSeconds: 5000, prepareMaxSeconds: 5000 },
    });
    const offline = await fixtureJson('error-offline.json');
    const d = handle.world.attach({ state: 'erased' });
    const { out } = await run(handle, ['-e', d.ecid, 'prepare']);
    expectKeys(out, offline, FAILURE_KEYS);
    expect(out.Detail).toBe(offline.Detail);
    const busy = await fixtureJson('error-busy.json');
    const e = handle.world.attach({ paired: true });
    // While one command holds the device, a second gets the busy envelope.
    const release = handle.world.tryAcquire(BigInt(e.ecid), 'test');
    const second = await run(handle, ['-e', e.ecid, 'get', 'name']);
    release?.();
    expectKeys(second.out, busy, FAILURE_KEYS);
    expect([second.run.code, second.out.Type, second.out.Message]).toEqual([1, busy.Type, busy.Message]);
  });

  it('mixed results: AffectedDevices and UnaffectedDevices, exit 1 by default', async () => {
    const handle = await fastWorld({ timings: { eraseDetachSeconds: 5000 } });
    const real = await fixtureJson('error-mixed.json');
    const ok = handle.world.attach({ paired: true });
    const locked = handle.world.attach({ passcodeLocked: true });
    const { run: r, out } = await run(handle, ['-e', ok.ecid, '-e', locked.ecid, 'erase']);
    expect(r.code).toBe(1);
    expectKeys(out, real, FAILURE_KEYS);
    expect([out.Code, out.AffectedDevices, out.UnaffectedDevices]).toEqual([
      real.Code,
      [locked.ecid],
      [ok.ecid],
    ]);
  });

  it('a bare error inside a success envelope: the captured shape, exit 0', async () => {
    const handle = await fastWorld();
    const real = await fixtureJson('action-bare-error.json');
    const d = handle.world.attach({ state: 'erased' });
    handle.world.injectFault({ kind: 'bare-error', happened: false }, { command: 'prepare' });
    const { run: r, out } = await run(handle, ['-e', d.ecid, 'prepare']);
    expect(r.code).toBe(0);
    expectKeys(out, real, SUCCESS_KEYS);
    expect(Object.keys(out.Output as Json)).toEqual(Object.keys(real.Output as Json));
    const simError = errorsOf(out)[d.ecid] ?? {};
    const realError = errorsOf(real)['0x8294E3A41001C'] ?? {};
    expect(Object.keys(simError)).toEqual(ERROR_KEYS);
    expect(Object.keys(realError)).toEqual(ERROR_KEYS);
    expect([out.Type, simError.Code, simError.Domain]).toEqual([real.Type, realError.Code, realError.Domain]);
  });

  it('text mode: the S13 transcript of prepare on a device already set up, line by line', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true, deviceClass: 'iPhone', name: 'iPhone' });
    const r = await cfgutil(handle, ['-e', d.ecid, 'prepare']);
    const normalize = (line: string): string =>
      line.replaceAll(/\[\*+\]/g, '[*]').replaceAll(/0x[0-9A-F]+/g, '0xECID');
    const real = (await fixture('text-prepare-612.txt')).split('\n').map(normalize);
    const isErrorLine = (line: string): boolean =>
      line.startsWith('cfgutil: ') || line.startsWith('(Domain: ');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean).map(normalize)).toEqual(real.filter(isErrorLine));
    expect(r.stdout.split('\n').map(normalize)).toEqual(real.filter((l) => !isErrorLine(l)));
  });
  it('progress lines are as wide as the captured one (80 columns), and a stacked -vvvv is accepted', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ paired: true, deviceClass: 'iPhone', name: 'iPhone' });
    const real = (await fixture('text-prepare-612.txt')).split('\n')[0] ?? '';
    const r = await cfgutil(handle, ['-vvvv', '-e', d.ecid, 'prepare']);
    const first = r.stdout.split('\n')[0] ?? '';
    expect(real).toHaveLength(80);
    expect(first).toBe(real);
    const erased = handle.world.attach({ state: 'erased' });
    const ok = await cfgutil(handle, ['-vvvv', '-e', erased.ecid, 'prepare', '--supervised']);
    expect(ok.code).toBe(0);
    for (const line of ok.stdout.split('\n').filter((l) => l.includes('%'))) expect(line).toHaveLength(80);
    expect((await cfgutil(handle, ['-vx', 'list'])).code).toBe(1);
  });

  it('ECIDs print zero-padded to 13 digits in keys, Devices and errors, as the AZTEC exec ECID is', async () => {
    const handle = await fastWorld();
    handle.world.attach({ ecid: '0x4F709DB29F9', paired: true, passcodeLocked: true });
    const { out } = await run(handle, ['-e', '4f709db29f9', 'get', 'serialNumber']);
    expect(out.Devices).toEqual(['0x004F709DB29F9']);
    expect(Object.keys(errorsOf(out))).toEqual(['0x004F709DB29F9']);
    const listed = (await run(handle, ['list'])).out;
    expect(Object.keys(listed.Output as Json)).toEqual(['0x004F709DB29F9']);
  });

  it('list names a Mac in DFU as iBridge2,15 with UDID and name N/A, with the same five keys', async () => {
    const handle = await fastWorld();
    const mac = handle.world.attachForeign();
    const real = await fixtureJson('list-compact.json');
    const { out } = await run(handle, ['list']);
    const entry = entryOf(out, mac);
    expect(Object.keys(entry)).toEqual(Object.keys(entryOf(real, '0x8294E3A41001C')));
    expect(entry).toMatchObject({ deviceType: 'iBridge2,15', UDID: 'N/A', name: 'N/A', ECID: mac });
    // It answers nothing else.
    expect((await cfgutil(handle, ['-e', mac, '--format', 'JSON', 'get', 'serialNumber'])).code).toBe(1);
  });

  it('a prepare that forbids pairing, without -C/-K: supervised, −402653030 inside the success envelope', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased' });
    const { run: r, out } = await run(handle, ['-e', d.ecid, 'prepare', '--supervised', '--forbid-pairing']);
    expect(out.Type).toBe('CommandOutput');
    expect(r.code).toBe(0);
    expect(errorsOf(out)[d.ecid]).toMatchObject({ Code: -402653030 });
    expect(handle.world.device(d.ecid)).toMatchObject({ isSupervised: true, isPaired: false });
    const later = await run(handle, ['-e', d.ecid, 'get', 'isSupervised']);
    expect((errorsOf(later.out)[d.ecid] as Record<string, Json>).isSupervised).toMatchObject({
      Code: -402653030,
    });
  });

  it('"The device is not activated." is its own answer, not Activation Lock, and passes', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ state: 'erased', notActivatedPrepares: 1 });
    const first = await run(handle, ['-e', d.ecid, 'prepare', '--supervised']);
    expect(first.out).toMatchObject({ Type: 'Error', Message: 'The device is not activated.' });
    expect(String(first.out.Message)).not.toMatch(/activation process/);
    expect((await run(handle, ['-e', d.ecid, 'prepare', '--supervised'])).run.code).toBe(0);
  });
});
