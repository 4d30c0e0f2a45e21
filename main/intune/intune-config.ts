/**
 * What the bench remembers about its Intune connection, in `<data folder>/intune/connection.json`: never a token
 * (tokens live only in the encrypted cache, or stay in the script's own token file, whose path is kept here).
 * Owner-only like the rest of the folder. A damaged file reads as "not connected".
 */
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writePrivateFile } from '../profiles/write-private-file';
import { CLOUD_NAMES, type CloudName } from './clouds';
import { INTUNE_FOLDER } from './token-cache-file';

export const DEFAULT_REFRESH_DAYS = 7;
export const REFRESH_DAYS_RANGE = { min: 1, max: 13 } as const;

const failureSchema = z.object({
  at: z.number(),
  reason: z.string(),
  title: z.string(),
  detail: z.string(),
});

const configSchema = z.object({
  mode: z.enum(['sign-in', 'token-file', 'simulated']),
  cloud: z.enum(CLOUD_NAMES as [CloudName, ...CloudName[]]),
  tenantId: z.string().optional(),
  clientId: z.string().optional(),
  tokenFile: z.string().optional(),
  account: z.string().optional(),
  accountId: z.string().optional(),
  refreshDays: z.number().int().min(REFRESH_DAYS_RANGE.min).max(REFRESH_DAYS_RANGE.max).optional(),
  selected: z.object({ id: z.string(), name: z.string() }).optional(),
  lastPull: z
    .object({ at: z.number(), form: z.string(), sha256: z.string(), unchanged: z.boolean() })
    .optional(),
  lastAttemptAt: z.number().optional(),
  lastFailure: failureSchema.optional(),
  /** Issue 25: prepared serials are pushed to Intune (needs DeviceManagementServiceConfig.ReadWrite.All). */
  pushSerials: z.boolean().optional(),
});

export type IntuneConfig = z.output<typeof configSchema>;
export type IntuneFailureRecord = z.output<typeof failureSchema>;

export class IntuneConfigStore {
  readonly file: string;

  constructor(dataDir: string, name = 'connection.json') {
    this.file = path.join(dataDir, INTUNE_FOLDER, name);
  }

  async load(): Promise<IntuneConfig | null> {
    try {
      const parsed = configSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async save(config: IntuneConfig): Promise<void> {
    const dir = path.dirname(this.file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(dir, 0o700);
    await writePrivateFile(this.file, JSON.stringify(configSchema.parse(config), null, 2));
  }

  async remove(): Promise<void> {
    await rm(this.file, { force: true });
  }
}
