/**
 * The bench's way to find cfgutil again after start: re-run the standard search, or check and save a path
 * the operator typed on the preflight screen (the "saved setting" in the search order).
 *
 * A path chosen from the UI is run at once and at every later start, and a page (or anyone holding the
 * server's token) can send one, so it must be Apple's cfgutil by its code signature
 * (../cfgutil/verify-cfgutil-signature.ts). Every refusal reads the same whether or not the file exists, so
 * the answer cannot be used to probe the disk; where signatures cannot be checked, the UI cannot choose.
 */
import path from 'node:path';
import { BenchError } from '../errors/bench-error';
import { checkFileOnDisk, locateCfgutil, type CheckFile } from '../cfgutil/locate-cfgutil';
import { createCodesignCheck, type CfgutilSignatureCheck } from '../cfgutil/verify-cfgutil-signature';
import type { SettingsStore } from '../settings/settings-store';
import type { CfgutilLocator } from './engine-supervisor';

export interface LocatorOptions {
  readonly store: SettingsStore;
  readonly flagPath?: string;
  readonly envPath?: string;
  readonly checkFile?: CheckFile;
  readonly signature?: CfgutilSignatureCheck;
}

export const notAppleCfgutil = new BenchError({
  code: 'invalid-request',
  title: "That is not Apple's cfgutil",
  detail:
    'Only cfgutil signed by Apple can be chosen here. Install it with Apple Configurator › Install Automation Tools… and press Look again, or start the bench with --cfgutil PATH.',
  retryable: false,
});

export const cannotChooseHere = new BenchError({
  code: 'invalid-request',
  title: 'cfgutil cannot be chosen from this screen',
  detail:
    "This system cannot check that a file is Apple's cfgutil. Start the bench with --cfgutil PATH, or set ENROLL_BENCH_CFGUTIL.",
  retryable: false,
});

export function createCfgutilLocator(options: LocatorOptions): CfgutilLocator {
  const checkFile = options.checkFile ?? checkFileOnDisk;
  const signature = options.signature ?? createCodesignCheck();
  return {
    async find() {
      const { settings } = await options.store.load();
      return locateCfgutil({
        checkFile,
        ...(options.flagPath ? { flagPath: options.flagPath } : {}),
        ...(options.envPath ? { envPath: options.envPath } : {}),
        ...(settings.cfgutilPath ? { settingPath: settings.cfgutilPath } : {}),
      });
    },
    async choose(chosen) {
      if (!path.isAbsolute(chosen)) throw notAppleCfgutil;
      const verdict = await signature.verify(chosen);
      if (verdict === 'unavailable') throw cannotChooseHere;
      // Only a file Apple signed gets past here, so nothing below tells a page whether other files exist.
      if (verdict !== 'apple' || (await checkFile(chosen)) !== 'executable') throw notAppleCfgutil;
      const { settings } = await options.store.load();
      await options.store.save({ ...settings, cfgutilPath: chosen });
      return chosen;
    },
  };
}
