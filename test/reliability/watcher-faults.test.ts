/**
 * Issue 14 item 1, the parts the simulator alone shows: the device watcher and discovery under cfgutil
 * faults (hang → timeout, crash, garbage), a device unplugged mid-command, a failure inside a
 * success envelope, 64 devices arriving within one second, a port flapping every couple of seconds, and the
 * Mac going offline during prepare. Each ends with the bench's device list equal to the world's, the watcher
 * `ok` again, and any failure shown as a message, never a wedge.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../preload/contract';
import type { Device } from '../../preload/domain';
import { createCfgutilClient } from '../../main/cfgutil/cfgutil-client';
import { BenchError } from '../../main/errors/bench-error';
import type { SimFault } from '../../main/sim/index';
import { recordFigures } from './figures';
import { childPids } from './resources';
import { startSimBench, waitFor, type SimBench } from './sim-bench';
import { normalizeEcid, sameEcid } from '../../main/cfgutil/ecid';

const listTimeoutMs = 1_500;
let sim: SimBench;
const outcomes: Record<string, string> = {};

beforeAll(async () => {
  sim = await startSimBench({ timeoutsMs: { list: listTimeoutMs, get: 3_000 }, pollMs: 1_000 });
  for (let i = 0; i < 6; i += 1) sim.handle.world.attach({ deviceClass: 'iPad', paired: true });
  await inStep('six devices listed');
});

afterAll(async () => {
  recordFigures('watcher-faults', { scenarios: Object.keys(outcomes).length, outcomes });
  await sim.close();
});

// By value: the world prints ECIDs as cfgutil does (zero-padded to 13 digits), the bench keeps them unpadded.
const ecidsOf = (devices: readonly { ecid: string }[]): string[] =>
  devices.map((d) => normalizeEcid(d.ecid) ?? d.ecid).sort();

function watcherState(): string {
  const last = sim.events.filter((e) => e.channel === 'watcherChanged').at(-1);
  return last?.channel === 'watcherChanged' ? last.payload.watcher.state : 'starting';
}

/** The bench shows exactly the world's attached devices, each once, and the watcher is healthy. */
async function inStep(what: string, boundMs = 20_000): Promise<void> {
  await waitFor(
    () =>
      watcherState() === 'ok' &&
      JSON.stringify(ecidsOf(sim.devices())) === JSON.stringify(ecidsOf(sim.handle.world.list())),
    `bench and world agree after: ${what}`,
    boundMs,
  );
  expect(new Set(ecidsOf(sim.devices())).size).toBe(sim.devices().length);
}

function eventsSince(mark: number): BenchEvent[] {
  return sim.events.slice(mark);
}

function degradedDetails(events: BenchEvent[]): string[] {
  return events.flatMap((e) =>
    e.channel === 'watcherChanged' && e.payload.watcher.state === 'degraded'
      ? [e.payload.watcher.detail ?? '']
      : [],
  );
}

const listFaults: [string, SimFault][] = [
  ['hang (timeout)', { kind: 'hang' }],
  ['crash', { kind: 'crash', signal: 'SIGSEGV' }],
  ['garbage on stdout', { kind: 'garbage' }],
];

describe('device watcher under simulator faults', () => {
  // A fault a test armed but the run never took must not leak into the next test.
  beforeEach(() => sim.handle.world.clearFaults());

  it.each(listFaults)(
    'list that fails by %s: degraded with a message, then right again',
    async (name, fault) => {
      const mark = sim.events.length;
      const before = ecidsOf(sim.devices());
      sim.handle.world.injectFault(fault, { command: 'list', times: 2 });
      // A new device is the signal that makes the watcher list; the faulted list must not wipe the others.
      sim.handle.world.attach({ deviceClass: 'iPhone', paired: true });
      await waitFor(() => degradedDetails(eventsSince(mark)).length > 0, `degraded after ${name}`);
      const [detail] = degradedDetails(eventsSince(mark));
      expect(detail).toMatch(/retrying/);
      for (const e of eventsSince(mark)) {
        if (e.channel !== 'devicesChanged') continue;
        const shown = ecidsOf(e.payload.devices);
        expect(
          before.every((ecid) => shown.includes(ecid)),
          'no device dropped by a failed list',
        ).toBe(true);
      }
      await inStep(name);
      // Nothing left running: a hung cfgutil was killed at its timeout.
      await waitFor(() => childPids().length === 0, 'no cfgutil left after the fault');
      outcomes[`list: ${name}`] = `degraded ("${detail}"), then ok with ${sim.devices().length} devices`;
    },
    30_000,
  );

  it('a device unplugged in the middle of its serial read is dropped, then listed again when back', async () => {
    const ecid = '0x1A2B3C4D5E01';
    sim.handle.world.injectFault({ kind: 'disconnect', reattachAfterSeconds: 50 }, { ecid, command: 'get' });
    const mark = sim.events.length;
    sim.handle.world.attach({ ecid, deviceClass: 'iPad', paired: true });
    await waitFor(
      () => sim.devices().some((d) => sameEcid(d.ecid, ecid) && d.serialNumber !== undefined),
      'the device back with its serial number',
    );
    const gone = eventsSince(mark).some(
      (e, i, all) =>
        e.channel === 'devicesChanged' &&
        !e.payload.devices.some((d) => sameEcid(d.ecid, ecid)) &&
        all
          .slice(0, i)
          .some(
            (p) => p.channel === 'devicesChanged' && p.payload.devices.some((d) => sameEcid(d.ecid, ecid)),
          ),
    );
    expect(gone, 'the bench showed the device leaving').toBe(true);
    await inStep('disconnect mid-get');
    outcomes['disconnect mid-command'] = 'shown gone, then back with its serial';
  }, 30_000);

  it('a failure inside a success envelope leaves the device listed, without an invented serial', async () => {
    const ecid = '0x1A2B3C4D5E02';
    sim.handle.world.injectFault(
      { kind: 'bare-error', error: 'deviceStateUnknown' },
      { ecid, command: 'get' },
    );
    sim.handle.world.attach({ ecid, deviceClass: 'iPad', paired: true });
    await inStep('bare error on get');
    const device = sim.devices().find((d) => sameEcid(d.ecid, ecid));
    expect(device).toBeDefined();
    const truth = sim.handle.world.device(ecid)?.serialNumber;
    // Either no serial (the read failed) or the device's own: never a wrong one.
    expect([undefined, truth]).toContain(device?.serialNumber);
    outcomes['error inside a success envelope'] =
      `listed; serial ${device?.serialNumber ? 'read' : 'left unknown'}`;
  }, 30_000);

  it('64 devices attaching within one second are all listed once, on their own ports, with serials', async () => {
    sim.handle.world.detachAll();
    await inStep('detach all');
    const mark = sim.events.length;
    const started = Date.now();
    await sim.handle.world.cart(64, 1, { deviceClass: 'iPad', paired: true });
    await waitFor(
      () => sim.devices().length === 64 && sim.devices().every((d) => d.serialNumber !== undefined),
      '64 devices with serial numbers',
      60_000,
    );
    await inStep('64 attaches');
    const devices: readonly Device[] = sim.devices();
    expect(new Set(devices.map((d) => d.locationId)).size).toBe(64);
    for (const d of devices) expect(d.serialNumber).toBe(sim.handle.world.device(d.ecid)?.serialNumber);
    expect(degradedDetails(eventsSince(mark))).toEqual([]);
    outcomes['64 attaches in 1 s'] =
      `64 listed with serials in ${((Date.now() - started) / 1000).toFixed(1)} s`;
  }, 90_000);

  it('a port flapping every two seconds never hides the steady devices and ends listed once', async () => {
    const [flapper, ...steady] = ecidsOf(sim.devices());
    if (!flapper) throw new Error('no device to flap');
    const mark = sim.events.length;
    for (let round = 0; round < 4; round += 1) {
      sim.handle.world.flap(flapper, 2, 40);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    await inStep('flapping port');
    for (const e of eventsSince(mark)) {
      if (e.channel !== 'devicesChanged') continue;
      const shown = new Set(e.payload.devices.map((d) => d.ecid));
      expect(
        steady.every((ecid) => shown.has(ecid)),
        'steady devices always shown',
      ).toBe(true);
    }
    expect(sim.devices().filter((d) => d.ecid === flapper)).toHaveLength(1);
    expect(degradedDetails(eventsSince(mark))).toEqual([]);
    outcomes['flapping port'] = 'steady devices never hidden; flapper listed once';
  }, 30_000);

  it('the Mac offline during prepare gives a typed network error, and the bench keeps listing', async () => {
    const client = createCfgutilClient({ cfgutilPath: sim.handle.cfgutilPath });
    const device = sim.handle.world.attach({ state: 'erased' });
    sim.handle.world.setOnline(false);
    const failed = await client
      .prepare(device.ecid, { supervised: true, name: 'Contoso' })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(BenchError);
    const info = (failed as BenchError).info;
    expect(info.code).toBe('network-unavailable');
    expect(info.detail.length).toBeGreaterThan(0);
    await inStep('offline prepare');
    // The bench reads a new device's serial in the background; a prepare meeting that read is refused as busy.
    await waitFor(
      () => sim.devices().some((d) => d.ecid === device.ecid && d.serialNumber !== undefined),
      'the new device’s serial read',
    );
    sim.handle.world.setOnline(true);
    await client.prepare(device.ecid, { supervised: true, name: 'Contoso' });
    expect(sim.handle.world.device(device.ecid)?.isSupervised).toBe(true);
    await inStep('prepare once back online', 30_000);
    outcomes['offline during prepare'] = `${info.code}: "${info.title}", then prepared once online`;
  }, 60_000);
});
