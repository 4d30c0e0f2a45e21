/**
 * Scenarios (issue 8, item 12): the loader refuses bad files with words that name the problem, and the shipped
 * carts behave, through the real executable, as their descriptions say.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BenchError } from '../../../main/errors/bench-error';
import {
  cleanCartScenario,
  loadScenario,
  scenarioWorldOptions,
  SimWorld,
  type SimWorldHandle,
} from '../../../main/sim/index';
import { cfgutil, fastWorld, json, scratchDir } from './sim-test-kit';

type Output = Record<string, Record<string, unknown>>;

async function refusal(source: string, cwd?: string): Promise<string> {
  try {
    await loadScenario(source, cwd);
  } catch (error) {
    expect(error).toBeInstanceOf(BenchError);
    return (error as BenchError).info.detail;
  }
  throw new Error('expected the scenario to be refused');
}

async function scenarioWorld(source: string): Promise<SimWorldHandle> {
  return fastWorld({
    ...scenarioWorldOptions(await loadScenario(source)),
    timings: { bootSettleSeconds: 0 },
  });
}

const getOne = async (handle: SimWorldHandle, ecid: string, prop: string) =>
  json(await cfgutil(handle, ['--format', 'JSON', '-e', ecid, 'get', prop])).Output as Output;

describe('loadScenario', () => {
  it('reads a scenario file relative to cwd, and expands counts into devices', async () => {
    const dir = await scratchDir();
    await writeFile(
      path.join(dir, 'two.json'),
      JSON.stringify({
        name: 'two',
        switches: { mdmInstallsSilently: true, panesLeftAfterSkipAll: 1 },
        devices: [{ count: 2, class: 'iPhone', state: 'fresh' }],
        faults: [{ kind: 'hang', device: 1, command: 'erase' }],
      }),
    );
    const options = scenarioWorldOptions(await loadScenario('two.json', dir));
    expect(options.quirks).toEqual({ mdmSilentOnSupervised: true, panesLeftAfterSkipAll: 1 });
    expect(options.devices).toHaveLength(2);
    const handle = await fastWorld(options);
    expect(handle.world.list().map((d) => [d.deviceClass, d.activationState])).toEqual([
      ['iPhone', 'Unactivated'],
      ['iPhone', 'Unactivated'],
    ]);
    expect(handle.world.faults.map((f) => f.command)).toEqual(['erase']);
  });

  it('names the file and the field of a bad scenario', async () => {
    const dir = await scratchDir();
    const write = (name: string, text: string) => writeFile(path.join(dir, name), text);
    await write('typo.json', JSON.stringify({ name: 'x', devices: [{ colour: 'red' }] }));
    await write('junk.json', '{ not json');
    await write(
      'fault.json',
      JSON.stringify({ name: 'x', devices: [], faults: [{ kind: 'hang', device: 3 }] }),
    );
    await write('big.json', `{"name":"x","devices":[],"description":"${'a'.repeat(300_000)}"}`);
    expect(await refusal('typo.json', dir)).toMatch(/typo\.json: devices\.0: .*colour/);
    expect(await refusal('junk.json', dir)).toMatch(/junk\.json is not JSON/);
    expect(await refusal('big.json', dir)).toMatch(/larger than 256 KB/);
    expect(await refusal('missing.json', dir)).toMatch(/cannot be opened.*clean-cart, messy-cart/);
    await expect(loadScenario('fault.json', dir).then(scenarioWorldOptions)).rejects.toThrow(/device #3/);
  });

  it('gives the clean cart any size for run --simulate --cart N', () => {
    expect(scenarioWorldOptions(cleanCartScenario(5)).devices).toHaveLength(5);
    expect(scenarioWorldOptions(cleanCartScenario()).devices).toHaveLength(30);
  });
});

describe('the clean cart', () => {
  it('is thirty fresh iPads on which MDM enrollment installs silently for their supervisor', async () => {
    const handle = await scenarioWorld('clean-cart');
    const devices = handle.world.list();
    expect(devices).toHaveLength(30);
    expect(new Set(devices.map((d) => `${d.deviceClass} ${d.activationState} ${d.freshlyErased}`))).toEqual(
      new Set(['iPad Unactivated true']),
    );
    expect(handle.world.quirks.mdmSilentOnSupervised).toBe(true);
  });
});

describe('the messy cart', () => {
  it('has one of each trouble, each showing through cfgutil as on a real bench', async () => {
    const handle = await scenarioWorld('messy-cart');
    const d = handle.world.list();
    expect(d).toHaveLength(12);
    const ecid = (i: number): string => d[i]?.ecid ?? '';
    // 1: in use, not paired with this Mac → the Trust dialog.
    expect(((await getOne(handle, ecid(1), 'serialNumber')).Errors ?? {})[ecid(1)]).toMatchObject({
      serialNumber: { Code: -402653034 },
    });
    // 2: passcode-locked.
    expect(((await getOne(handle, ecid(2), 'name')).Errors ?? {})[ecid(2)]).toMatchObject({
      name: { Code: -402653158 },
    });
    // 4: supervised by another organization that prohibits pairing.
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', ecid(4), 'pair'])).Code).toBe(-402653030);
    // 5: in DFU: Recovery, and only restore works.
    expect((await getOne(handle, ecid(5), 'bootedState'))[ecid(5)]).toEqual({ bootedState: 'Recovery' });
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', ecid(5), 'prepare'])).Type).toBe('Error');
    // 6: low battery.
    expect(d[6]?.batteryCurrentCapacity).toBe(4);
    // 8: DEP transiently unavailable: 33001 once.
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', ecid(8), 'prepare', '--dep'])).Code).toBe(
      33001,
    );
    // 9: the erase drops off USB.
    const erase = await cfgutil(handle, ['--format', 'JSON', '-e', ecid(9), 'erase']);
    expect(json(erase).Code).toBe(-402653052);
    // 10: prepare reports 603 inside a success envelope, and did happen.
    const prep = await cfgutil(handle, ['--format', 'JSON', '-e', ecid(10), 'prepare', '--skip-all']);
    expect([prep.code, ((json(prep).Output as Output).Errors ?? {})[ecid(10)]]).toMatchObject([
      0,
      { Code: 603 },
    ]);
    expect(handle.world.device(ecid(10))?.activationState).toBe('Activated');
  });

  it('puts Activation Lock on one device: erase works, prepare then fails', async () => {
    const handle = await scenarioWorld('messy-cart');
    const locked = handle.world.list()[3]?.ecid ?? '';
    const back = new Promise<void>((resolve) =>
      handle.world.onAttached((e) => e.entry.ECID === locked && resolve()),
    );
    expect((await cfgutil(handle, ['-e', locked, 'erase'])).code).toBe(0);
    await back;
    const prep = await cfgutil(handle, ['--format', 'JSON', '-e', locked, 'prepare']);
    expect(String(json(prep).Message)).toContain('complete the activation process');
  });

  it('flaps one port: the same ECID detaches and re-attaches a few times', async () => {
    // In-process, so the listener is on before the first flap fires.
    const world = new SimWorld({
      ...scenarioWorldOptions(await loadScenario('messy-cart')),
      timeScale: 0.001,
    });
    const flapping = world.list()[7]?.ecid ?? '';
    const events: string[] = [];
    world.onDetached((e) => void (e.entry.ECID === flapping && events.push('detach')));
    await new Promise<void>((resolve) =>
      world.onAttached((e) => {
        if (e.entry.ECID !== flapping) return;
        events.push('attach');
        if (events.length === 6) resolve();
      }),
    );
    world.close();
    expect(events).toEqual(['detach', 'attach', 'detach', 'attach', 'detach', 'attach']);
    expect(world.device(flapping)?.locationID).toBe(world.list()[7]?.locationID);
  });
});
