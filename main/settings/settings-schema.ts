/**
 * What the settings file may hold, field by field, as zod schemas (the same library as the workflows).
 *
 * The file is sparse: it holds only what the operator changed, and defaults are applied when it is read
 * (./bench-settings.ts), so a new default in a later version reaches every bench that never chose otherwise,
 * and the station name follows the Mac's name until someone sets one.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Ecid } from '../../preload/domain';
import { normalizeEcid } from '../cfgutil/ecid';

export const CONCURRENCY_RANGE = { min: 1, max: 64 } as const;
export const COUNTDOWN_RANGE = { min: 0, max: 60 } as const;
export const MAX_STATION_NAME = 64;
/** A cart's worth of admins' phones and loaners, with room to spare; bounds the work of every check. */
export const MAX_IGNORED = 1000;

export interface IgnoreList {
  /** Upper case, no spaces: `F9FXQ0A1HG7Q`. */
  readonly serials: readonly string[];
  /** cfgutil's form: `0x` and upper-case hex without leading zeros. */
  readonly ecids: readonly Ecid[];
}

/** The settings as saved: every field optional, every present field valid. */
export interface Settings {
  /** Absolute path of cfgutil chosen by the operator; overrides the standard locations. */
  readonly cfgutilPath?: string;
  readonly concurrency?: number;
  readonly countdownSeconds?: number;
  readonly stationName?: string;
  readonly ignore?: IgnoreList;
  readonly defaultWorkflowId?: string;
  readonly sounds?: boolean;
  /** A notification when a device needs a person or a cart finishes (main/attention/). */
  readonly notify?: boolean;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Apple serial numbers are 10 to 12 letters and digits; a little room either side for other hardware. */
const SERIAL = /^[A-Z0-9]{8,20}$/;

const whole = (what: string, range: { readonly min: number; readonly max: number }) =>
  z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(range.min, { error: `${what} must be from ${range.min} to ${range.max}` })
    .max(range.max, { error: `${what} must be from ${range.min} to ${range.max}` });

const serial = z
  .string({ error: 'a serial number must be text' })
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .refine((s) => SERIAL.test(s), {
    error: 'a serial number is 8 to 20 letters and digits, such as F9FXQ0A1HG7Q',
  });

const ecid = z.string({ error: 'an ECID must be text such as 0x1A2B3C4D5E6F' }).transform((s, ctx) => {
  const normal = normalizeEcid(s);
  if (normal === undefined) {
    ctx.addIssue({ code: 'custom', message: 'an ECID is hexadecimal, such as 0x1A2B3C4D5E6F' });
    return z.NEVER;
  }
  return normal;
});

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/** One ignore-list entry of each kind, judged alone (./validate-ignore-list.ts). */
export const ignoreEntrySchemas = { serials: serial, ecids: ecid } as const;

/** One schema per field, so a bad field costs only itself. */
export const settingsFieldSchemas = {
  cfgutilPath: z
    .string({ error: 'the cfgutil path must be text' })
    .max(1024, { error: 'the cfgutil path is too long' })
    .refine((p) => path.isAbsolute(p) && !CONTROL.test(p), {
      error: 'the cfgutil path must be an absolute path',
    }),
  concurrency: whole('concurrency', CONCURRENCY_RANGE),
  countdownSeconds: whole('countdownSeconds', COUNTDOWN_RANGE),
  stationName: z
    .string({ error: 'stationName must be text' })
    .transform((s) => s.trim())
    .refine((s) => s.length >= 1 && s.length <= MAX_STATION_NAME && !CONTROL.test(s), {
      error: `stationName must be 1 to ${MAX_STATION_NAME} characters on one line`,
    }),
  ignore: z
    .strictObject(
      {
        serials: z
          .array(serial)
          .max(MAX_IGNORED, { error: `at most ${MAX_IGNORED} serial numbers` })
          .default([]),
        ecids: z
          .array(ecid)
          .max(MAX_IGNORED, { error: `at most ${MAX_IGNORED} ECIDs` })
          .default([]),
      },
      { error: 'ignore must be an object with "serials" and "ecids" lists' },
    )
    .transform((list) => ({ serials: unique(list.serials), ecids: unique(list.ecids) })),
  defaultWorkflowId: z
    .string({ error: 'defaultWorkflowId must be text' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: 'defaultWorkflowId must be a workflow id such as "enroll-in-place"',
    })
    .max(64, { error: 'defaultWorkflowId is too long' }),
  sounds: z.boolean({ error: 'sounds must be true or false' }),
  notify: z.boolean({ error: 'notify must be true or false' }),
} as const;

export type SettingsField = keyof typeof settingsFieldSchemas;
export const settingsFields = Object.keys(settingsFieldSchemas) as SettingsField[];
