/**
 * A provisioning cart as `enroll-bench run --simulate` builds it (main/jobs/headless/run-session.ts): a clean
 * simulated cart, the laned cfgutil client, the device watcher, the job board armed with `supervise-and-enroll`,
 * the journal. Built here rather than through startRunSession so the benchmark can count every cfgutil run
 * and, for the cart figure, hand the commands to the world in-process (./in-process-cfgutil.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JobView } from '../../../preload/jobs-domain';
import { simulatorSignalSource } from '../../../main/app/simulator-engine';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { DeviceListFeed } from '../../../main/devices/device-feed';
import { withDeviceLanes } from '../../../main/devices/device-lanes';
import { DeviceWatcher } from '../../../main/devices/device-watcher';
import { writeDemoProfile } from '../../../main/jobs/demo-profile';
import { JobBoard } from '../../../main/jobs/job-board';
import type { JobEventSink } from '../../../main/jobs/job-board-types';
import { memoryJournal } from '../../../main/jobs/job-journal';
import { scaledTimings } from '../../../main/jobs/job-timings';
import { workflowSource } from '../../../main/jobs/workflow-source';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../../../main/sim/index';
import type { CfgutilCall } from './counted-sim-bench';
import { inProcessRunner } from './in-process-cfgutil';

export interface CartOptions {
  readonly scale: number;
  /** Heavy steps at once. */
  readonly cap: number;
  /** `spawn`: the simulator's executable, as the app runs it; `in-process`: the world's commands directly. */
  readonly cfgutil: 'spawn' | 'in-process';
  readonly world?: StartOptions;
  /** Default: the run command's own, 1.5 s scaled (at least 20 ms). */
  readonly debounceMs?: number;
  /** Default: the run command's own, 10 s scaled (at least 250 ms). */
  readonly pollMs?: number;
  readonly countdownSeconds?: number;
  readonly events?: JobEventSink;
}

export interface Cart {
  readonly handle: SimWorldHandle;
  readonly board: JobBoard;
  readonly calls: CfgutilCall[];
  /** Plugs in `count` clean iPads (set up, this Mac trusted), as `run --simulate --cart N` does. */
  plugIn(count: number): string[];
  close(): Promise<void>;
}

export const finished = (job: JobView): boolean =>
  ['succeeded', 'failed', 'cancelled', 'interrupted', 'skipped'].includes(job.phase);

export async function startCart(options: CartOptions): Promise<Cart> {
  const { scale } = options;
  const handle = await startSimulatedWorld({
    timeScale: scale,
    seed: 1,
    ...options.world,
    quirks: { mdmSilentOnSupervised: true, ...options.world?.quirks },
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-cart-'));
  const certPath = path.join(dir, 'ours.der');
  const keyPath = path.join(dir, 'ours.key.der');
  await writeFile(certPath, Buffer.from('0\u0082bench-certificate'));
  await writeFile(keyPath, Buffer.from('0\u0082bench-key'));
  const profile = await writeDemoProfile(dir);
  const calls: CfgutilCall[] = [];
  const inner = options.cfgutil === 'in-process' ? inProcessRunner(handle.world) : runCfgutil;
  const client = withDeviceLanes(
    createCfgutilClient({
      cfgutilPath: handle.cfgutilPath,
      runner: async (file, args, runOptions) => {
        const start = performance.now();
        try {
          return await inner(file, args, runOptions);
        } finally {
          const e = args.indexOf('-e');
          const command = args[args.indexOf('JSON') + 1] ?? '?';
          calls.push({ command, ecid: e >= 0 ? args[e + 1] : undefined, start, end: performance.now() });
        }
      },
    }),
  );
  const feed = new DeviceListFeed();
  const watcher = new DeviceWatcher({
    source: simulatorSignalSource(handle.world),
    lister: client,
    debounceMs: options.debounceMs ?? Math.max(20, 1500 * scale),
    pollMs: options.pollMs ?? Math.max(250, 10_000 * scale),
    onDevices: (devices) => feed.publish(devices),
    onStatus: () => {},
  });
  const countdownSeconds = options.countdownSeconds ?? 0;
  const board = new JobBoard({
    workflows: workflowSource(),
    devices: feed,
    client: { current: () => client },
    settings: {
      workflowId: 'supervise-and-enroll',
      concurrency: options.cap,
      countdownSeconds,
      countdownMs: countdownSeconds * 1000 * scale,
      ignoreSerials: [],
      ignoreEcids: [],
      stationName: 'benchmark',
      armed: true,
    },
    supervision: {
      current: () => ({ identity: { certPath, keyPath }, organizationName: 'Contoso Schools' }),
    },
    profile: { current: () => profile },
    journal: memoryJournal(),
    timings: scaledTimings(scale),
    timeScale: scale,
    ...(options.events ? { events: options.events } : {}),
  });
  board.start();
  watcher.start();
  return {
    handle,
    board,
    calls,
    plugIn: (count) =>
      Array.from({ length: count }, () => handle.world.attach({ deviceClass: 'iPad', paired: true }).ecid),
    close: async () => {
      watcher.stop();
      await board.close();
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the jobs once every one of `ecids` has a finished job; rejects after `timeoutMs`. */
export async function untilFinished(
  cart: Cart,
  ecids: readonly string[],
  timeoutMs: number,
): Promise<JobView[]> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const jobs = cart.board.views().filter((j) => ecids.includes(j.ecid));
    if (jobs.length === ecids.length && jobs.every(finished)) return jobs;
    if (performance.now() > deadline) {
      const phases = jobs.map((j) => `${j.phase}/${j.step ?? '-'}${j.error ? `/${j.error.code}` : ''}`);
      throw new Error(`cart not finished within ${timeoutMs} ms: ${phases.join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
