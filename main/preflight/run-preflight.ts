/**
 * The whole checklist, each line bounded in time and all run at once, so the panel answers within the
 * slowest bound (a few seconds) whatever hangs.
 */
import os from 'node:os';
import type { EngineStatus, IdentitySummary, ProfileSummary } from '../../preload/domain';
import type { Workflow } from '../../preload/jobs-domain';
import type { PreflightCheck, PreflightReport, RestoreLeftovers } from '../../preload/preflight-domain';
import type { CfgutilVersion } from '../cfgutil/cfgutil-client';
import type { CheckFile } from '../cfgutil/locate-cfgutil';
import type { CfgutilSignatureCheck } from '../cfgutil/verify-cfgutil-signature';
import {
  macOnlineCheck,
  REACHABILITY_TIMEOUT_MS,
  type ActivationReachability,
} from './activation-reachability';
import {
  automationToolsCheck,
  cfgutilFoundCheck,
  cfgutilSignatureCheck,
  cfgutilVersionCheck,
} from './cfgutil-checks';
import { identityCheck, profileCheck } from './credential-checks';
import { cfgutilTempSpaceCheck, dataFolderSpaceCheck, type FreeSpace } from './disk-checks';
import { bounded, check, formatBytes, worstStatus } from './preflight-check';
import { listLeftovers, type RestoreLeftoverFolder } from './restore-leftovers';

export interface PreflightDeps {
  readonly engine: () => EngineStatus;
  /** `cfgutil version` through the client of the cfgutil in use; undefined when none runs. */
  readonly cfgutilVersion: (() => ((signal: AbortSignal) => Promise<CfgutilVersion>) | undefined) | undefined;
  readonly signature: CfgutilSignatureCheck;
  readonly checkFile: CheckFile;
  readonly platform: NodeJS.Platform;
  readonly identity: () => IdentitySummary | null;
  readonly profile: () => ProfileSummary | null;
  readonly dataDir: string;
  readonly freeSpace: FreeSpace;
  readonly tempFolder: RestoreLeftoverFolder;
  readonly reachability: ActivationReachability;
  /** The workflow new jobs run: an ADE one (prepare --dep) makes the Internet line speak of ADE. */
  readonly selectedWorkflow?: () => Promise<Pick<Workflow, 'steps'> | undefined>;
  readonly now?: () => number;
}

async function usesAde(deps: PreflightDeps): Promise<boolean> {
  try {
    const workflow = await deps.selectedWorkflow?.();
    return workflow?.steps.some((s) => s.kind === 'prepare-ade') ?? false;
  } catch {
    return false;
  }
}

async function leftoversCheck(
  deps: PreflightDeps,
  signal: AbortSignal,
): Promise<{ check: PreflightCheck; leftovers: RestoreLeftovers | null; folder: string | undefined }> {
  const title = 'Restore leftovers';
  const folder = await deps.tempFolder.locate(signal);
  if (!folder) {
    return {
      check: check(
        'restore-leftovers',
        title,
        'ok',
        'cfgutil has no temporary folder on this Mac yet: nothing to clean.',
      ),
      leftovers: null,
      folder,
    };
  }
  const leftovers = await listLeftovers(folder, {
    signal,
    simulated: deps.tempFolder.simulated,
    ...(deps.now ? { now: deps.now() } : {}),
  });
  const count = leftovers.items.length;
  if (count === 0) {
    return {
      check: check('restore-leftovers', title, 'ok', 'No restore leftovers in cfgutil’s temporary folder.'),
      leftovers,
      folder,
    };
  }
  const atLeast = leftovers.incomplete ? 'at least ' : '';
  return {
    check: check(
      'restore-leftovers',
      title,
      'warning',
      `${count} unpacked firmware folder${count === 1 ? '' : 's'} from earlier restores take ${atLeast}${formatBytes(leftovers.totalBytes)}.`,
      'Review the list and choose Clean up: only these folders are deleted.',
    ),
    leftovers,
    folder,
  };
}

export async function runPreflight(deps: PreflightDeps): Promise<PreflightReport> {
  const now = deps.now ?? Date.now;
  const engine = deps.engine();
  const version = deps.cfgutilVersion?.();
  const seen: { leftovers: RestoreLeftovers | null; folder: string | undefined } = {
    leftovers: null,
    folder: undefined,
  };
  const leftoverLine = bounded('restore-leftovers', 'Restore leftovers', async (signal) => {
    const found = await leftoversCheck(deps, signal);
    seen.leftovers = found.leftovers;
    seen.folder = found.folder;
    return found.check;
  });
  const [found, versionLine, signature, tools, identity, profile, dataSpace, leftoverResult, online] =
    await Promise.all([
      cfgutilFoundCheck(engine),
      bounded('cfgutil-version', 'cfgutil version', (signal) => cfgutilVersionCheck(engine, version, signal)),
      bounded('cfgutil-signature', "Apple's cfgutil", () => cfgutilSignatureCheck(engine, deps.signature)),
      bounded('automation-tools', 'Automation Tools', () =>
        automationToolsCheck(deps.platform, deps.checkFile),
      ),
      identityCheck(deps.identity(), now()),
      profileCheck(deps.profile()),
      bounded('disk-data-folder', 'Disk space for the bench', () =>
        dataFolderSpaceCheck(deps.dataDir, deps.freeSpace),
      ),
      leftoverLine,
      bounded(
        'mac-online',
        'Mac online',
        async (signal) => macOnlineCheck(deps.reachability, signal, await usesAde(deps)),
        REACHABILITY_TIMEOUT_MS + 1_000,
      ),
    ]);
  // Free space is measured where the leftovers are, or in the user's temporary folder (the same volume).
  const tempSpace = await bounded('disk-cfgutil-temp', 'Disk space for restores', () =>
    cfgutilTempSpaceCheck(seen.folder ?? os.tmpdir(), deps.freeSpace),
  );
  const checks = [
    found,
    versionLine,
    signature,
    tools,
    identity,
    profile,
    dataSpace,
    tempSpace,
    leftoverResult,
    online,
  ];
  return {
    checkedAt: now(),
    overall: worstStatus(checks.map((c) => c.status)),
    checks,
    leftovers: seen.leftovers,
  };
}
