/**
 * The bench's device area (BenchService: the device watcher with its real debounce and poll, the background
 * serial reads) and its jobs area (createJobsArea: the job board, not armed, reading each device's facts), on
 * the real simulated cfgutil, with every cfgutil run counted at the one spawn boundary.
 *
 * The engine is built like createEngineFactory's simulator engine (one laned client shared by every reader),
 * except that the client's runner is wrapped to record each run (command, ECID, start, end), so the figures
 * count what the bench really spawns. The jobs area is joined as main/app/jobs-wiring.ts joins it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BenchService } from '../../../main/app/bench-service';
import type { EngineFactory, RunningEngine } from '../../../main/app/engine';
import { simulatorSignalSource } from '../../../main/app/simulator-engine';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { withDeviceLanes } from '../../../main/devices/device-lanes';
import { createJobsArea, type JobsArea } from '../../../main/jobs/jobs-area';
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
  readonly service: BenchService;
  readonly jobs: JobsArea;
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
    readSerialNumber: async (ecid) => (await client.get(ecid, ['serialNumber'])).values.serialNumber,
    close: async () => {},
  };
  const factory: EngineFactory = {
    startCfgutil: () => Promise.reject(new Error('the benchmark runs the simulator only')),
    startSimulator: async () => engine,
  };
  const service = new BenchService({
    engine: { kind: 'simulator', reason: 'requested' },
    factory,
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'bench-counted-'));
  const jobs = await createJobsArea({
    hub: service.hub,
    dataDir,
    client: { current: () => client },
    workflows: workflowSource(),
    supervision: { current: () => ({}) },
    profile: { current: () => undefined },
    ...(world.timeScale === undefined ? {} : { timeScale: world.timeScale }),
  });
  await service.start();
  return {
    service,
    jobs,
    handle,
    calls,
    close: async () => {
      await service.close();
      await jobs.close();
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
