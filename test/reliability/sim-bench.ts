/**
 * A bench over a simulated world the test can reach into (faults, the operator's hand), wired the way the
 * app is: the world's events as USB signals, its generated cfgutil executable spawned by the real (laned)
 * client, the one composition (main/app/jobs-wiring.ts: device intake, job board not armed, whose arrival
 * read gives each device its serial number), and the engine supervisor.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchEvent } from '../../preload/contract';
import type { Device } from '../../preload/domain';
import { EngineSupervisor } from '../../main/app/engine-supervisor';
import { simulatorControlFor, simulatorSignalSource } from '../../main/engine/simulator-engine';
import { EventHub } from '../../main/events/event-hub';
import { jobsAreaFor } from '../../main/app/jobs-wiring';
import { createCfgutilClient, type CfgutilClientOptions } from '../../main/cfgutil/cfgutil-client';
import { withDeviceLanes } from '../../main/devices/device-lanes';
import { workflowSource } from '../../main/jobs/workflow-source';
import { withDefaults } from '../../main/settings/bench-settings';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../../main/sim/index';

export interface SimBench {
  readonly service: EngineSupervisor;
  readonly handle: SimWorldHandle;
  readonly events: BenchEvent[];
  readonly logged: { message: string; detail: unknown }[];
  devices(): readonly Device[];
  close(): Promise<void>;
}

export interface SimBenchOptions {
  readonly world?: StartOptions;
  readonly timeoutsMs?: CfgutilClientOptions['timeoutsMs'];
  readonly debounceMs?: number;
  readonly pollMs?: number;
}

export async function startSimBench(options: SimBenchOptions = {}): Promise<SimBench> {
  let handle: SimWorldHandle | undefined;
  const logged: { message: string; detail: unknown }[] = [];
  const log = (message: string, detail?: unknown) => logged.push({ message, detail });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sim-bench-'));
  const hub = new EventHub();
  const jobs = await jobsAreaFor({
    hub,
    dataDir,
    settings: withDefaults({}),
    workflows: workflowSource(),
    supervision: { current: () => ({}) },
    profile: { current: () => undefined },
    tuning: { debounceMs: options.debounceMs ?? 300, pollMs: options.pollMs ?? 2_000 },
    log,
  });
  const service = new EngineSupervisor({
    engine: { kind: 'simulator', reason: 'requested' },
    hub,
    intake: jobs.provisioning.intake,
    log,
    factory: {
      startCfgutil: () => Promise.reject(new Error('no cfgutil in these tests')),
      startSimulator: async () => {
        const started = await startSimulatedWorld({ timeScale: 0.01, seed: 14, ...options.world });
        handle = started;
        const client = withDeviceLanes(
          createCfgutilClient({
            cfgutilPath: started.cfgutilPath,
            ...(options.timeoutsMs ? { timeoutsMs: options.timeoutsMs } : {}),
          }),
        );
        return {
          lister: client,
          client,
          source: simulatorSignalSource(started.world),
          simulator: simulatorControlFor(started.world),
          close: () => started.close(),
        };
      },
    },
  });
  const events: BenchEvent[] = [];
  service.hub.subscribe((event) => events.push(event));
  let devices: readonly Device[] = [];
  service.hub.subscribe((event) => {
    if (event.channel === 'devicesChanged') devices = event.payload.devices;
  });
  await service.start();
  if (!handle) throw new Error('the simulated world did not start');
  return {
    service,
    handle,
    events,
    logged,
    devices: () => devices,
    close: async () => {
      await service.close();
      await jobs.provisioning.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` holds; a bound, not a timing assertion: a wedged bench fails with `what`. */
export async function waitFor(check: () => boolean, what: string, boundMs = 30_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting (${boundMs} ms): ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
