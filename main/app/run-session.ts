/**
 * A provisioning run without a window (`enroll-bench run`): the profile and supervision identity from the data
 * folder, an engine (real cfgutil, or a simulated clean cart), and the same pipeline the app runs
 * (main/app/compose-provisioning.ts: device intake, job board, journal), armed. The data folder's settings
 * apply as in the app (ignore list, station name, heavy-step cap, countdown); `--workflow` and `--concurrency`
 * choose for this run only.
 *
 * In simulation, a missing profile or identity is replaced by an ephemeral one (and the caller is told), so a
 * training bench runs out of the box; with real cfgutil both must have been imported.
 */
import { isTraining, trainingRefusal } from '../profiles/training-profile';
import type { DeviceLocks } from '../jobs/safety/device-locks';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Workflow } from '../../preload/jobs-domain';
import { createCfgutilClient, type CfgutilClient, type SupervisionIdentity } from '../cfgutil/cfgutil-client';
import { withDeviceLanes } from '../devices/device-lanes';
import type { DeviceSignalSource } from '../devices/device-watcher';
import { composeProvisioning } from './compose-provisioning';
import type { RunningEngine } from '../engine/engine';
import { loadUsbSignals } from '../engine/engine-factory';
import { simulatorSignalSource } from '../engine/simulator-engine';
import { BenchError } from '../errors/bench-error';
import { IdentityService } from '../identity/identity-service';
import { ProfileService } from '../profiles/profile-service';
import { refreshBeforeCart } from '../intune/before-cart';
import {
  startBenchEnrollment,
  type BenchEnrollment,
  type EnrollmentIntune,
} from '../intune/enrollment/bench-enrollment';
import { IntuneService } from '../intune/intune-service';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../sim/index';
import { writeDemoProfile } from '../jobs/demo-profile';
import { loadBenchSettings } from '../settings/bench-settings';
import type { JobBoard } from '../jobs/job-board';
import type { JobEventSink } from '../jobs/job-board-types';
import type { DeviceOutput } from './device-intake';
import type { EnrollmentProfile } from '../jobs/job-context';
import { workflowSource } from '../jobs/workflow-source';

export interface RunSessionOptions {
  readonly dataDir: string;
  readonly workflow: Workflow;
  readonly profileFile?: string;
  readonly cfgutilPath?: string;
  /** A simulated clean cart instead of real cfgutil. */
  readonly simulate?: { readonly cart: number; readonly timeScale: number; readonly world?: StartOptions };
  /** Heavy steps at once for this run; the settings' cap when not given. */
  readonly concurrency?: number;
  readonly events?: JobEventSink;
  /** Where the device list goes as the bench sees it (tests: the header's count through a whole cart). */
  readonly devices?: DeviceOutput;
  /** Plain-language notes for the operator (stderr). */
  readonly note: (text: string) => void;
  /** Issue 19: this Mac's per-device locks (`startBenchSafety`), owned by the caller. */
  readonly deviceLocks?: DeviceLocks;
  /**
   * Issue 25: the Intune to push serials to and confirm enrollment with. A real run uses the data folder's
   * connection when none is given; a simulated run only one given here (tests: one against the fake).
   */
  readonly intune?: {
    readonly service: EnrollmentIntune;
    /** A fake tenant, told when a simulated device finished (so it checks in). */
    readonly fakeTenant?: { deviceFinished(serial: string): void };
    /** Tests: the enrollment watcher's first wait and turn (defaults 30 s and 5 s). */
    readonly timing?: { readonly firstWaitMs: number; readonly pollMs: number };
  };
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

async function enrollmentProfile(
  options: RunSessionOptions,
  profiles: ProfileService,
  temp: string,
): Promise<EnrollmentProfile> {
  await profiles.restore();
  if (options.profileFile) await profiles.importPath(options.profileFile, 'command-line');
  // Issue 24: with Intune connected, a due copy is re-pulled before the cart (never against a simulated world).
  else if (!options.simulate)
    await refreshBeforeCart({ dataDir: options.dataDir, profiles, note: options.note });
  const summary = profiles.current();
  if (summary) {
    if (isTraining(summary) && !options.simulate) {
      const refused = trainingRefusal({ kind: 'cfgutil' });
      if (refused) throw refused;
    }
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

/**
 * Issue 25, as the app does it: with Intune connected, an ACME serial is pushed before the install and every
 * finished device is pushed (SCEP) and watched until Intune shows it, for as long as the run lasts (the
 * journal keeps the rest: the app resumes watching, `intune verify` checks now). A simulated run joins only
 * the Intune it is given (a test's fake): simulated serials never go to a real tenant.
 */
async function joinIntune(
  options: RunSessionOptions,
  profiles: ProfileService,
): Promise<BenchEnrollment | undefined> {
  const intune =
    options.intune?.service ??
    (options.simulate ? undefined : new IntuneService({ dataDir: options.dataDir, profiles }));
  if (!intune) return undefined;
  const status = await intune.status().catch(() => undefined);
  if (!status?.connected) return undefined;
  return startBenchEnrollment({
    dataDir: options.dataDir,
    intune,
    variant: () => profiles.current()?.variant ?? 'unknown',
    log: (event, detail) => {
      const serial = (detail as { serial?: unknown } | undefined)?.serial;
      options.note(`Intune: ${event}${typeof serial === 'string' ? ` (${serial})` : ''}`);
    },
    ...(options.intune?.timing ? { timing: options.intune.timing } : {}),
    ...(options.intune?.fakeTenant ? { fakeTenant: options.intune.fakeTenant } : {}),
  });
}

/** The pipeline's diagnostics as the operator's notes on stderr. */
function noteOf(message: string, detail: unknown): string {
  if (message === 'journal write failed') return `The journal could not be written: ${String(detail)}`;
  if (message === 'device watcher degraded')
    return `Device list: ${typeof detail === 'string' ? detail : 'degraded'}`;
  return message;
}

export async function startRunSession(options: RunSessionOptions): Promise<RunSession> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'enroll-bench-run-'));
  const cleanups: (() => Promise<void> | void)[] = [() => rm(temp, { recursive: true, force: true })];
  const closeAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const loaded = await loadBenchSettings(options.dataDir);
    for (const problem of loaded.problems) options.note(problem);
    const profiles = new ProfileService({ dataDir: options.dataDir });
    const profile = await enrollmentProfile(options, profiles, temp);
    const intune = await joinIntune(options, profiles);
    if (intune) cleanups.push(() => intune.close());
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
    } else {
      if (!options.cfgutilPath) throw refusal('No cfgutil', 'Pass --cfgutil PATH or --simulate.');
      raw = createCfgutilClient({ cfgutilPath: options.cfgutilPath });
      const usb = await loadUsbSignals(options.note);
      source = usb.source;
      pollMs = usb.pollMs;
    }
    const client = withDeviceLanes(raw);
    const engine: RunningEngine = {
      lister: client,
      client,
      source,
      ...(pollMs === undefined ? {} : { pollMs }),
      close: async () => source.stop(),
    };
    const provisioning = await composeProvisioning({
      dataDir: options.dataDir,
      settings: loaded.settings,
      workflows: workflowSource([options.workflow]),
      supervision: { current: () => ours },
      profile: { current: () => profile },
      timeScale: scale,
      run: {
        workflowId: options.workflow.id,
        armed: true,
        ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      },
      ...(options.events ? { events: options.events } : {}),
      ...(options.devices ? { devices: options.devices } : {}),
      log: (message, detail) => options.note(noteOf(message, detail)),
      ...(options.deviceLocks ? { safety: { deviceLocks: options.deviceLocks } } : {}),
      ...(intune ? { beforeInstall: intune.beforeInstall } : {}),
    });
    if (intune) cleanups.push(provisioning.onJobEnded(intune.jobEnded));
    const { board } = provisioning;
    // Closed in reverse: the board first (jobs under way are journaled as interrupted), then the engine.
    cleanups.push(() => provisioning.intake.detach()?.close());
    cleanups.push(() => provisioning.close());
    provisioning.intake.attach(engine);
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
