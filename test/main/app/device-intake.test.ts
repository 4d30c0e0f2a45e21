import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device } from '../../../preload/domain';
import { composeProvisioning } from '../../../main/app/compose-provisioning';
import { DeviceIntake } from '../../../main/app/device-intake';
import type { RunningEngine } from '../../../main/engine/engine';
import { simulatorSignalSource } from '../../../main/engine/simulator-engine';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { withDeviceLanes } from '../../../main/devices/device-lanes';
import { memoryJournal } from '../../../main/jobs/job-journal';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { startSimulatedWorld } from '../../../main/sim/index';
import { FakeEngine } from '../../fakes/fake-engine';
import { ManualTimers, settle } from '../../fakes/manual-timers';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('DeviceIntake', () => {
  it('tells the UIs a new list before the board’s feed, and empties both when the engine goes', async () => {
    const order: string[] = [];
    const timers = new ManualTimers();
    const intake = new DeviceIntake({
      timers,
      debounceMs: 10,
      output: { devicesChanged: (d) => order.push(`ui ${d.length}`), watcherChanged: () => {} },
    });
    intake.feed.subscribe((d) => order.push(`feed ${d.length}`));
    const engine = new FakeEngine();
    intake.attach(engine);
    engine.listed = [{ ecid: '0x1001', name: 'iPad' }];
    engine.fire();
    await timers.advance(10);
    await settle();
    intake.setSerialNumber('0x1001', 'DMPXK2ABCD12');
    expect(intake.devices().map((d) => d.serialNumber)).toEqual(['DMPXK2ABCD12']);
    expect(intake.detach()).toBe(engine);
    expect(intake.devices()).toEqual([]);
    expect(order).toEqual(['ui 1', 'feed 1', 'ui 1', 'feed 1', 'ui 0', 'feed 0']);
  });
});

describe('one serial read per arriving device', () => {
  it('reads each device once (the board’s arrival read) and the device list shows that serial', async () => {
    const handle = await startSimulatedWorld({ timeScale: 0.01, seed: 5 });
    cleanups.push(() => handle.close());
    const dataDir = await mkdtemp(path.join(tmpdir(), 'intake-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const gets: { ecid: string; properties: readonly string[] }[] = [];
    const client = withDeviceLanes(
      createCfgutilClient({
        cfgutilPath: handle.cfgutilPath,
        runner: async (file, args, options) => {
          const e = args.indexOf('-e');
          const at = args.indexOf('JSON') + 1;
          if (args[at] === 'get') gets.push({ ecid: args[e + 1] ?? '?', properties: args.slice(at + 1) });
          return runCfgutil(file, args, options);
        },
      }),
    );
    const engine: RunningEngine = {
      lister: client,
      client,
      source: simulatorSignalSource(handle.world),
      close: async () => {},
    };
    let devices: readonly Device[] = [];
    const provisioning = await composeProvisioning({
      dataDir,
      settings: {
        concurrency: 8,
        countdownSeconds: 5,
        stationName: 'Bench',
        ignore: { serials: [], ecids: [] },
        defaultWorkflowId: 'supervise-and-enroll',
      },
      workflows: workflowSource(),
      supervision: { current: () => ({}) },
      profile: { current: () => undefined },
      timeScale: 0.01,
      journal: { sink: memoryJournal() },
      devices: { devicesChanged: (d) => (devices = d), watcherChanged: () => {} },
    });
    cleanups.push(() => provisioning.close());
    provisioning.intake.attach(engine);
    cleanups.push(async () => provisioning.intake.detach());
    const attached = [1, 2, 3].map(() => handle.world.attach({ deviceClass: 'iPad', paired: true }));
    const deadline = Date.now() + 15_000;
    while (devices.length < 3 || devices.some((d) => d.serialNumber === undefined)) {
      if (Date.now() > deadline) throw new Error(`serials not shown: ${JSON.stringify(devices)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // Nothing is armed, so nothing else reads: give a second reader time to show itself if there were one.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const device of attached) {
      const reads = gets.filter((g) => g.ecid === device.ecid && g.properties.includes('serialNumber'));
      expect(reads, device.ecid).toHaveLength(1);
      expect(devices.find((d) => d.ecid === device.ecid)?.serialNumber).toBe(device.serialNumber);
      expect(provisioning.board.views().find((j) => j.ecid === device.ecid)?.serialNumber).toBe(
        device.serialNumber,
      );
    }
  });
});
