/**
 * A provisioning run without a window (`enroll-bench run`): the profile and supervision identity from the data
 * folder, an engine (real cfgutil, or a simulated clean cart), the device watcher, and the job board, armed.
 *
 * In simulation, a missing profile or identity is replaced by an ephemeral one (and the caller is told), so a
 * training bench runs out of the box; with real cfgutil both must have been imported.
 */
import { loadNameBook } from '../workflow/name-book';
import { APP_VERSION } from '../../app/app-version';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Workflow } from '../../../preload/jobs-domain';
import {
  createCfgutilClient,
  type CfgutilClient,
  type SupervisionIdentity,
} from '../../cfgutil/cfgutil-client';
import { DeviceListFeed } from '../../devices/device-feed';
import { withDeviceLanes } from '../../devices/device-lanes';
import { DeviceWatcher, type DeviceSignalSource } from '../../devices/device-watcher';
import { loadUsbSignals } from '../../app/engine-factory';
import { simulatorSignalSource } from '../../app/simulator-engine';
import { BenchError } from '../../errors/bench-error';
import { IdentityService } from '../../identity/identity-service';
import { ProfileService } from '../../profiles/profile-service';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../../sim/index';
import { writeDemoProfile } from '../demo-profile';
import { JobBoard } from '../job-board';
import type { JobEventSink } from '../job-board-types';
import type { EnrollmentProfile } from '../job-context';
import { openJournal, readJournal } from '../job-journal';
import { scaledTimings } from '../job-timings';
import { workflowSource } from '../workflow-source';

export interface RunSessionOptions {
  readonly dataDir: string;
  readonly workflow: Workflow;
  readonly profileFile?: string;
  readonly cfgutilPath?: string;
  /** A simulated clean cart instead of real cfgutil. */
  readonly simulate?: { readonly cart: number; readonly timeScale: number; readonly world?: StartOptions };
  readonly concurrency: number;
  readonly countdownSeconds?: number;
  readonly stationName?: string;
  readonly events?: JobEventSink;
  /** Plain-language notes for the operator (stderr). */
  readonly note: (text: string) => void;
}

export interface RunSession {
  readonly board: JobBoard;
  readonly world?: SimWorldHandle;
  readonly client: CfgutilClient;
  readonly timeScale: number;
  close(): Promise<void>;
}

function refusal(title: string, detail: string): BenchError {
  return new BenchError({ code: 'invalid-request', title, detail, retryable: false });
}

async function enrollmentProfile(options: RunSessionOptions, temp: string): Promise<EnrollmentProfile> {
  const profiles = new ProfileService({ dataDir: options.dataDir });
  await profiles.restore();
  if (options.profileFile) await profiles.importPath(options.profileFile, 'command-line');
  const summary = profiles.current();
  if (summary) {
    const gate = profiles.canStartRun();
    if (!gate.ok) throw refusal(gate.error.title, gate.error.detail);
    if (!summary.payloadIdentifier)
      throw refusal('The profile has no PayloadIdentifier', 'Export it again from Intune.');
    return { path: gate.profilePath, payloadIdentifier: summary.payloadIdentifier, sha256: summary.sha256 };
  }
  if (!options.simulate) {
    throw refusal(
      'No enrollment profile',
      'Import the Intune profile first: enroll-bench profile import FILE, or pass --profile FILE.',
    );
  }
  options.note('No Intune profile is imported: this simulated run uses a stand-in enrollment profile.');
  return writeDemoProfile(temp);
}

async function supervision(
  options: RunSessionOptions,
  temp: string,
): Promise<{ identity: SupervisionIdentity; organizationName: string }> {
  const identities = new IdentityService({ dataDir: options.dataDir });
  await identities.restore();
  const paths = identities.paths();
  const summary = identities.current();
  if (paths && summary) return { identity: paths, organizationName: summary.organizationName };
  if (!options.simulate) {
    throw refusal(
      'No supervision identity',
      'Create or import one first: enroll-bench identity create --organization NAME.',
    );
  }
  options.note(
    'No supervision identity is stored: this simulated run creates an ephemeral one ("Enroll Bench Simulation").',
  );
  const ephemeral = new IdentityService({ dataDir: path.join(temp, 'identity-data') });
  const created = await ephemeral.create('Enroll Bench Simulation');
  const made = ephemeral.paths();
  if (!made) throw refusal('The simulated identity could not be created', 'Check the temporary folder.');
  return { identity: made, organizationName: created.organizationName };
}

export async function startRunSession(options: RunSessionOptions): Promise<RunSession> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'enroll-bench-run-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rm(temp, { recursive: true, force: true })];
  const closeAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const profile = await enrollmentProfile(options, temp);
    const ours = await supervision(options, temp);
    const scale = options.simulate?.timeScale ?? 1;
    let world: SimWorldHandle | undefined;
    let raw: CfgutilClient;
    let source: DeviceSignalSource;
    let pollMs: number | undefined;
    if (options.simulate) {
      // The clean cart (AGREED-SIM item 2): set-up iPads this Mac is trusted by, MDM installs silent once ours.
      // A scenario says for itself whether MDM installs are silent; the plain `--cart N` is the clean cart.
      const scenario = options.simulate.world;
      world = await startSimulatedWorld({
        timeScale: scale,
        seed: 1,
        ...scenario,
        quirks: scenario ? { ...scenario.quirks } : { mdmSilentOnSupervised: true },
      });
      const handle = world;
      cleanups.push(() => handle.close());
      raw = createCfgutilClient({ cfgutilPath: handle.cfgutilPath });
      source = simulatorSignalSource(handle.world);
      pollMs = Math.max(250, 10_000 * scale);
    } else {
      if (!options.cfgutilPath) throw refusal('No cfgutil', 'Pass --cfgutil PATH or --simulate.');
      raw = createCfgutilClient({ cfgutilPath: options.cfgutilPath });
      const usb = await loadUsbSignals(options.note);
      source = usb.source;
      pollMs = usb.pollMs;
    }
    const client = withDeviceLanes(raw);
    const feed = new DeviceListFeed();
    const watcher = new DeviceWatcher({
      source,
      lister: client,
      debounceMs: options.simulate ? Math.max(20, 1500 * scale) : 1500,
      ...(pollMs === undefined ? {} : { pollMs }),
      onDevices: (devices) => feed.publish(devices),
      onStatus: (status) => {
        if (status.state === 'degraded') options.note(`Device list: ${status.detail ?? 'degraded'}`);
      },
    });
    const history = await readJournal(options.dataDir);
    const journal = await openJournal(options.dataDir, (error) =>
      options.note(`The journal could not be written: ${String(error)}`),
    );
    cleanups.push(() => journal.close());
    const board = new JobBoard({
      appVersion: APP_VERSION,
      // Rename counters and names given, from the data folder: names never repeat across runs (issue 21).
      names: (await loadNameBook(options.dataDir)).book,
      workflows: workflowSource([options.workflow]),
      devices: feed,
      client: { current: () => client },
      settings: {
        workflowId: options.workflow.id,
        concurrency: options.concurrency,
        countdownSeconds: options.countdownSeconds ?? 5,
        countdownMs: (options.countdownSeconds ?? 5) * 1000 * scale,
        ignoreSerials: [],
        ignoreEcids: [],
        stationName: options.stationName ?? os.hostname(),
        armed: true,
      },
      supervision: { current: () => ours },
      profile: { current: () => profile },
      journal,
      history,
      timings: scaledTimings(scale),
      timeScale: scale,
      ...(options.events ? { events: options.events } : {}),
      extraProfilesDir: path.join(options.dataDir, 'profiles', 'extra'),
      log: (message) => options.note(message),
    });
    board.start();
    watcher.start();
    cleanups.push(() => board.close());
    cleanups.push(() => watcher.stop());
    if (world && options.simulate) {
      for (let i = 0; i < options.simulate.cart; i += 1)
        world.world.attach({ deviceClass: 'iPad', paired: true });
    }
    return { board, client, timeScale: scale, ...(world ? { world } : {}), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
