/**
 * Free space where the bench writes (its data folder) and where cfgutil unpacks firmware: every restore
 * extracts the IPSW, 5 GB or more, per device, into its temporary folder (./README.md F2).
 */
import { statfs } from 'node:fs/promises';
import type { PreflightCheck } from '../../preload/preflight-domain';
import { check, formatBytes } from './preflight-check';

/** Bytes available to this user on the volume holding `folder`. */
export type FreeSpace = (folder: string) => Promise<number>;

export const freeSpaceOnDisk: FreeSpace = async (folder) => {
  const info = await statfs(folder);
  return Number(info.bavail) * Number(info.bsize);
};

const GB = 1e9;
/** The log, journals and exports are small; under this, saving them may fail. */
export const DATA_FOLDER_LIMITS = { problem: 1 * GB, warning: 5 * GB } as const;
/** One restore needs 5 GB+; a few restores at once need several times that. */
export const CFGUTIL_TEMP_LIMITS = { problem: 6 * GB, warning: 20 * GB } as const;

export async function dataFolderSpaceCheck(folder: string, free: FreeSpace): Promise<PreflightCheck> {
  const title = 'Disk space for the bench';
  const bytes = await free(folder);
  const sentence = `${formatBytes(bytes)} free for the data folder.`;
  if (bytes < DATA_FOLDER_LIMITS.problem) {
    return check(
      'disk-data-folder',
      title,
      'problem',
      sentence,
      'Free some space: the bench log and its exports may fail to save.',
    );
  }
  if (bytes < DATA_FOLDER_LIMITS.warning) {
    return check(
      'disk-data-folder',
      title,
      'warning',
      sentence,
      'Free some space before a long day of devices.',
    );
  }
  return check('disk-data-folder', title, 'ok', sentence);
}

export async function cfgutilTempSpaceCheck(folder: string, free: FreeSpace): Promise<PreflightCheck> {
  const title = 'Disk space for restores';
  const bytes = await free(folder);
  const sentence = `${formatBytes(bytes)} free where cfgutil unpacks firmware; each restore needs 5 GB or more.`;
  const fix = 'Clean up restore leftovers below, or free space on the Mac’s disk.';
  if (bytes < CFGUTIL_TEMP_LIMITS.problem) return check('disk-cfgutil-temp', title, 'problem', sentence, fix);
  if (bytes < CFGUTIL_TEMP_LIMITS.warning) return check('disk-cfgutil-temp', title, 'warning', sentence, fix);
  return check('disk-cfgutil-temp', title, 'ok', sentence);
}
