/**
 * The bench's way to find cfgutil again after start: re-run the standard search, or check and save a path
 * the operator typed on the preflight screen (the "saved setting" in the search order).
 */
import { checkFileOnDisk, locateCfgutil, type CheckFile } from '../cfgutil/locate-cfgutil';
import { cfgutilError } from '../cfgutil/cfgutil-error';
import type { SettingsStore } from '../settings/settings-store';
import type { CfgutilLocator } from './bench-service';

export interface LocatorOptions {
  readonly store: SettingsStore;
  readonly flagPath?: string;
  readonly envPath?: string;
  readonly checkFile?: CheckFile;
}

export function createCfgutilLocator(options: LocatorOptions): CfgutilLocator {
  const checkFile = options.checkFile ?? checkFileOnDisk;
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
    async choose(path) {
      const check = await checkFile(path);
      if (check !== 'executable') {
        throw cfgutilError(check === 'missing' ? 'cfgutil-missing' : 'cfgutil-not-executable', {
          about: `The path you gave ${check === 'missing' ? 'does not exist' : 'is not a program this Mac can run'}: ${path}.`,
        });
      }
      const { settings } = await options.store.load();
      await options.store.save({ ...settings, cfgutilPath: path });
      return path;
    },
  };
}
