/**
 * A provisioning cart on the route the app takes: a clean simulated cart and its laned cfgutil client, then the
 * one composition every entry point calls (main/app/compose-provisioning.ts: device intake with its serial
 * reads, job board armed with `supervise-and-enroll`, the journal in a data folder). Only the engine is built
 * here, so the benchmark can count every cfgutil run and, for the cart figure, hand the commands to the world
 * in-process (./in-process-cfgutil.ts).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { JobView } from '../../../preload/jobs-domain';
import { composeProvisioning } from '../../../main/app/compose-provisioning';
import type { RunningEngine } from '../../../main/engine/engine';
import { simulatorSignalSource } from '../../../main/engine/simulator-engine';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { withDeviceLanes } from '../../../main/devices/device-lanes';
import { writeDemoProfile } from '../../../main/jobs/demo-profile';
import type { JobBoard } from '../../../main/jobs/job-board';
import type { JobEventSink } from '../../../main/jobs/job-board-types';
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
  /** Default: the bench's own, 1.5 s scaled (at least 20 ms; main/app/device-intake.ts). */
  readonly debounceMs?: number;
  /** Default: the bench's own, 10 s scaled (at least 250 ms). */
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
  const engine: RunningEngine = {
    lister: client,
    client,
    source: simulatorSignalSource(handle.world),
    close: async () => {},
  };
  const provisioning = await composeProvisioning({
    dataDir: dir,
    settings: {
      defaultWorkflowId: 'supervise-and-enroll',
      concurrency: options.cap,
      countdownSeconds: options.countdownSeconds ?? 0,
      ignore: { serials: [], ecids: [] },
      stationName: 'benchmark',
    },
    workflows: workflowSource(),
    supervision: {
      current: () => ({ identity: { certPath, keyPath }, organizationName: 'Contoso Schools' }),
    },
    profile: { current: () => profile },
    timeScale: scale,
    run: { armed: true },
    ...(options.events ? { events: options.events } : {}),
    tuning: {
      ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    },
  });
  provisioning.intake.attach(engine);
  const { board } = provisioning;
  return {
    handle,
    board,
    calls,
    plugIn: (count) =>
      Array.from({ length: count }, () => handle.world.attach({ deviceClass: 'iPad', paired: true }).ecid),
    close: async () => {
      await provisioning.close();
      await provisioning.intake.detach()?.close();
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
