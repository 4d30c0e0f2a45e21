/**
 * What `field-check` needs besides the device: the supervision identity and the Intune profile from the data
 * folder (stand-ins in a simulation, as `run --simulate` does), and a cfgutil: the real one, or a simulated
 * world with one device (its operator taps Trust by itself).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SupervisionIdentity } from '../cfgutil/cfgutil-client';
import { BenchError } from '../errors/bench-error';
import { IdentityService } from '../identity/identity-service';
import { writeDemoProfile } from '../jobs/demo-profile';
import { ProfileService } from '../profiles/profile-service';
import { startSimulatedWorld, type SimWorldHandle, type SimWorldOptions } from '../sim/index';

export interface FieldSetup {
  readonly identity: SupervisionIdentity;
  readonly organizationName: string;
  readonly profile: { readonly path: string; readonly payloadIdentifier: string };
  readonly world?: SimWorldHandle;
  close(): Promise<void>;
}

function refusal(title: string, detail: string): BenchError {
  return new BenchError({ code: 'invalid-request', title, detail, retryable: false });
}

export async function prepareFieldSetup(options: {
  readonly dataDir: string;
  readonly profileFile?: string;
  readonly simulate?: { readonly timeScale: number; readonly world?: SimWorldOptions };
  readonly note: (text: string) => void;
}): Promise<FieldSetup> {
  const temp = await mkdtemp(path.join(os.tmpdir(), 'enroll-bench-field-'));
  const cleanups: (() => Promise<void>)[] = [() => rm(temp, { recursive: true, force: true })];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const profiles = new ProfileService({ dataDir: options.dataDir });
    await profiles.restore();
    if (options.profileFile) await profiles.importPath(options.profileFile, 'command-line');
    let profile: FieldSetup['profile'];
    const summary = profiles.current();
    const gate = profiles.canStartRun();
    if (summary?.payloadIdentifier && gate.ok)
      profile = { path: gate.profilePath, payloadIdentifier: summary.payloadIdentifier };
    else if (options.simulate) {
      options.note('No usable Intune profile is imported: the simulated check uses a stand-in profile.');
      const demo = await writeDemoProfile(temp);
      profile = { path: demo.path, payloadIdentifier: demo.payloadIdentifier };
    } else if (!gate.ok) throw refusal(gate.error.title, gate.error.detail);
    else
      throw refusal(
        'No enrollment profile',
        'Import the Intune profile first: enroll-bench profile import FILE.',
      );

    const identities = new IdentityService({ dataDir: options.dataDir });
    await identities.restore();
    let identity = identities.paths();
    let organizationName = identities.current()?.organizationName;
    if ((!identity || !organizationName) && options.simulate) {
      options.note('No supervision identity is stored: the simulated check creates an ephemeral one.');
      const ephemeral = new IdentityService({ dataDir: path.join(temp, 'identity-data') });
      organizationName = (await ephemeral.create('Enroll Bench Simulation')).organizationName;
      identity = ephemeral.paths();
    }
    if (!identity || !organizationName)
      throw refusal(
        'No supervision identity',
        'Create or import one first: enroll-bench identity create --organization NAME.',
      );

    let world: SimWorldHandle | undefined;
    if (options.simulate) {
      world = await startSimulatedWorld({
        seed: 1,
        timeScale: options.simulate.timeScale,
        autoTrustSeconds: 1,
        quirks: { mdmSilentOnSupervised: true },
        ...options.simulate.world,
      });
      const handle = world;
      cleanups.push(() => handle.close());
      handle.world.attach({ deviceClass: 'iPad', paired: false });
    }
    return { identity, organizationName, profile, ...(world ? { world } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}
