/**
 * The preflight checks wired to a running bench: the engine in use, the profile and identity services, the
 * data folder, and the real or simulated stand-ins for cfgutil's temporary folder and the Internet.
 */
import type { EngineStatus, IdentitySummary, ProfileSummary } from '../../preload/domain';
import type { RunningEngine } from '../engine/engine';
import { checkFileOnDisk, type CheckFile } from '../cfgutil/locate-cfgutil';
import { createCodesignCheck, type CfgutilSignatureCheck } from '../cfgutil/verify-cfgutil-signature';
import {
  createActivationReachability,
  simulatedReachability,
  type ActivationReachability,
} from './activation-reachability';
import { macCfgutilTempFolder, simulatedCfgutilTempFolder } from './cfgutil-temp-folder';
import { freeSpaceOnDisk, type FreeSpace } from './disk-checks';
import type { RestoreLeftoverFolder } from './restore-leftovers';
import type { PreflightDeps } from './run-preflight';

export interface BenchPreflightSources {
  readonly engine: () => EngineStatus;
  /** What the running engine can tell (its cfgutil's version, the simulated world's network). */
  readonly running: () => Pick<RunningEngine, 'cfgutilVersion' | 'simulatedOnline'> | undefined;
  readonly identity: () => IdentitySummary | null;
  readonly profile: () => ProfileSummary | null;
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  /** Stand-ins, for tests: each defaults to the real thing (or the simulated one on a simulated bench). */
  readonly signature?: CfgutilSignatureCheck;
  readonly checkFile?: CheckFile;
  readonly freeSpace?: FreeSpace;
  readonly tempFolder?: RestoreLeftoverFolder;
  readonly reachability?: ActivationReachability;
  /** The workflow new jobs run (the preflight's Internet line speaks of ADE when it is an ADE one). */
  readonly selectedWorkflow?: PreflightDeps['selectedWorkflow'];
}

export function benchPreflightDeps(sources: BenchPreflightSources): PreflightDeps {
  const simulated = () => sources.engine().kind === 'simulator';
  const real = {
    temp: sources.tempFolder ?? macCfgutilTempFolder(undefined, sources.platform),
    sim: sources.tempFolder ?? simulatedCfgutilTempFolder(sources.dataDir),
    online: sources.reachability ?? createActivationReachability(),
  };
  return {
    engine: sources.engine,
    ...(sources.selectedWorkflow ? { selectedWorkflow: sources.selectedWorkflow } : {}),
    cfgutilVersion: () => {
      const running = sources.running();
      return running?.cfgutilVersion?.bind(running);
    },
    signature: sources.signature ?? createCodesignCheck({ platform: sources.platform }),
    checkFile: sources.checkFile ?? checkFileOnDisk,
    platform: sources.platform,
    identity: sources.identity,
    profile: sources.profile,
    dataDir: sources.dataDir,
    freeSpace: sources.freeSpace ?? freeSpaceOnDisk,
    // The engine can change (the operator picks the simulator), so each is chosen when asked.
    tempFolder: {
      get simulated() {
        return simulated();
      },
      locate: (signal) => (simulated() ? real.sim : real.temp).locate(signal),
    },
    reachability: {
      get simulated() {
        return simulated();
      },
      check: (signal) => {
        const online = sources.running()?.simulatedOnline;
        return simulated() && online
          ? simulatedReachability(online).check(signal)
          : real.online.check(signal);
      },
    },
  };
}
