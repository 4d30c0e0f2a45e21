/**
 * The preflight checks without a running bench, for `enroll-bench preflight`: cfgutil is located as the app
 * locates it (flag, environment, saved setting, standard places) and asked its version directly; the profile
 * and identity are read from the data folder.
 */
import type { EngineStatus } from '../../preload/domain';
import type { Workflow } from '../../preload/jobs-domain';
import { workflowSource } from '../jobs/workflow-source';
import { WorkflowStore } from '../jobs/workflow/workflow-store';
import { chooseEngine } from '../engine/choose-engine';
import { createCfgutilClient } from '../cfgutil/cfgutil-client';
import { locateCfgutil } from '../cfgutil/locate-cfgutil';
import { IdentityService } from '../identity/identity-service';
import { ProfileService } from '../profiles/profile-service';
import { loadBenchSettings } from '../settings/bench-settings';
import { benchPreflightDeps } from './bench-preflight';
import type { PreflightDeps } from './run-preflight';

export interface HeadlessPreflightOptions {
  readonly dataDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly simulate?: boolean;
  readonly cfgutilFlag?: string;
  /** The workflow the cart will run (`--workflow`): an ADE one makes the Internet line speak of ADE. */
  readonly workflowId?: string;
  readonly platform?: NodeJS.Platform;
}

async function findWorkflow(dataDir: string, id: string | undefined): Promise<Workflow | undefined> {
  if (id === undefined) return undefined;
  return workflowSource().get(id) ?? (await WorkflowStore.inDataDir(dataDir).get(id));
}

export async function headlessPreflightDeps(options: HeadlessPreflightOptions): Promise<PreflightDeps> {
  const platform = options.platform ?? process.platform;
  const { settings } = await loadBenchSettings(options.dataDir);
  const located = await locateCfgutil({
    ...(options.cfgutilFlag ? { flagPath: options.cfgutilFlag } : {}),
    ...(options.env.ENROLL_BENCH_CFGUTIL ? { envPath: options.env.ENROLL_BENCH_CFGUTIL } : {}),
    ...(settings.cfgutilPath ? { settingPath: settings.cfgutilPath } : {}),
  });
  const engine: EngineStatus = chooseEngine({ simulate: options.simulate ?? false, located, platform });
  const profiles = new ProfileService({ dataDir: options.dataDir });
  const identities = new IdentityService({ dataDir: options.dataDir });
  await Promise.all([profiles.restore(), identities.restore()]);
  const client = engine.kind === 'cfgutil' ? createCfgutilClient({ cfgutilPath: engine.path }) : undefined;
  return benchPreflightDeps({
    engine: () => engine,
    // No simulated world runs here, so only real cfgutil is asked its version.
    running: () => (client ? { cfgutilVersion: (signal) => client.version({ signal }) } : undefined),
    identity: () => identities.current(),
    profile: () => profiles.current(),
    dataDir: options.dataDir,
    platform,
    ...(options.workflowId
      ? { selectedWorkflow: () => findWorkflow(options.dataDir, options.workflowId) }
      : {}),
  });
}
