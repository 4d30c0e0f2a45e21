/**
 * The bench as the app composes it (main/app/jobs-wiring.ts over main/app/compose-provisioning.ts: the device
 * intake with a real bench's debounce and poll and its background serial reads, the job board, not armed,
 * reading each device's facts; EngineSupervisor supervising the engine), on the real simulated cfgutil, with every
 * cfgutil run counted at the one spawn boundary.
 *
 * The engine is built like createEngineFactory's simulator engine (one laned client shared by every reader),
 * except that the client's runner is wrapped to record each run (command, ECID, start, end), so the figures
 * count what the bench really spawns.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { EngineSupervisor } from '../../../main/app/engine-supervisor';
import { EventHub } from '../../../main/events/event-hub';
import type { EngineFactory, RunningEngine } from '../../../main/engine/engine';
import { simulatorSignalSource } from '../../../main/engine/simulator-engine';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { withDeviceLanes } from '../../../main/devices/device-lanes';
import { jobsAreaFor, type JobsWiring } from '../../../main/app/jobs-wiring';
import { withDefaults } from '../../../main/settings/bench-settings';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../../../main/sim/index';

export interface CfgutilCall {
  readonly command: string;
  readonly ecid: string | undefined;
  readonly start: number;
  readonly end: number;
}

export interface CountedBench {
  readonly service: EngineSupervisor;
  readonly jobs: JobsWiring;
  readonly handle: SimWorldHandle;
  /** Every cfgutil run so far, in start order (performance.now() milliseconds). */
  readonly calls: CfgutilCall[];
  close(): Promise<void>;
}

function commandOf(args: readonly string[]): string {
  const format = args.indexOf('--format');
  const rest = format >= 0 ? args.slice(format + 2) : args;
  return rest.find((a) => !a.startsWith('-') && !/^0x/i.test(a)) ?? '?';
}

export interface CountedBenchOptions {
  /** The watcher's debounce; default the bench's own (1.5 s). */
  readonly debounceMs?: number;
}

export async function startCountedBench(
  world: StartOptions,
  options: CountedBenchOptions = {},
): Promise<CountedBench> {
  const handle = await startSimulatedWorld(world);
  const calls: CfgutilCall[] = [];
  const client = withDeviceLanes(
    createCfgutilClient({
      cfgutilPath: handle.cfgutilPath,
      runner: async (file, args, options) => {
        const start = performance.now();
        try {
          return await runCfgutil(file, args, options);
        } finally {
          const e = args.indexOf('-e');
          calls.push({
            command: commandOf(args),
            ecid: e >= 0 ? args[e + 1] : undefined,
            start,
            end: performance.now(),
          });
        }
      },
    }),
  );
  const engine: RunningEngine = {
    lister: client,
    client,
    source: simulatorSignalSource(handle.world),
    close: async () => {},
  };
  const factory: EngineFactory = {
    startCfgutil: () => Promise.reject(new Error('the benchmark runs the simulator only')),
    startSimulator: async () => engine,
  };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-counted-'));
  const hub = new EventHub();
  const jobs = await jobsAreaFor({
    hub,
    dataDir,
    settings: withDefaults({}),
    workflows: workflowSource(),
    supervision: { current: () => ({}) },
    profile: { current: () => undefined },
    ...(world.timeScale === undefined ? {} : { timeScale: world.timeScale }),
    // These figures are about a real bench's watcher: its 1.5 s quiet time and 10 s reconcile, unscaled.
    tuning: { debounceMs: options.debounceMs ?? 1_500, pollMs: 10_000 },
  });
  const service = new EngineSupervisor({
    engine: { kind: 'simulator', reason: 'requested' },
    hub,
    intake: jobs.provisioning.intake,
    factory,
  });
  await service.start();
  return {
    service,
    jobs,
    handle,
    calls,
    close: async () => {
      await service.close();
      await jobs.provisioning.close();
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `test` holds, checking every `everyMs`; rejects after `timeoutMs`. */
export async function until(test: () => boolean, timeoutMs: number, everyMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!test()) {
    if (performance.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
