/**
 * The JSON shape of a simulator scenario (issue 8, item 12): a cart of devices in given states, the world's
 * switches for what the reference leaves unknown, and faults armed at start.
 *
 * Scenario files come from outside, so the schema is strict: an unknown key is an error that names it.
 */
import { z } from 'zod';

const seconds = z.number().finite().min(0).max(86_400);

/** One group of devices: `count` alike, each in the given state. */
export const scenarioDeviceSchema = z.strictObject({
  count: z.number().int().min(1).max(40).optional(),
  class: z.enum(['iPad', 'iPhone']).optional(),
  type: z.string().min(1).max(40).optional(),
  name: z.string().min(1).max(100).optional(),
  /** `fresh`: out of the box (Unactivated, at Setup Assistant); `in-use`: activated and set up by someone. */
  state: z.enum(['fresh', 'in-use']).optional(),
  /** Already paired with this Mac (in-use devices; fresh ones pair without a prompt anyway). */
  paired: z.boolean().optional(),
  passcodeLocked: z.boolean().optional(),
  findMy: z.boolean().optional(),
  /** Supervised by another organization (whose identity the bench does not hold). */
  supervisedBy: z.string().min(1).max(100).optional(),
  /** That organization prohibits pairing with other hosts (−402653030). */
  pairingProhibited: z.boolean().optional(),
  /** Attached in DFU / Recovery mode. */
  dfu: z.boolean().optional(),
  batteryPercent: z.number().int().min(1).max(100).optional(),
  /** A flapping port: this many quick detach/attach pairs right after it is plugged in. */
  flappingPort: z.number().int().min(1).max(10).optional(),
  dep: z.enum(['none', 'available', 'transient']).optional(),
  /** The organization the ADE assignment supervises for (Apple Business/School Manager's name). */
  depOrganization: z.string().min(1).max(100).optional(),
  /** With `dep: transient`, how many `prepare --dep` runs fail with 33001 before it works. */
  depFailures: z.number().int().min(1).max(10).optional(),
  /**
   * Properties `get` shows in an odd shape (issue 19): `"error"`, `"missing"`, or `{ "value": … }` of another
   * JSON type, such as `{ "isSupervised": { "value": "true" } }`.
   */
  oddReads: z
    .partialRecord(
      z.enum([
        'isSupervised',
        'organizationName',
        'serialNumber',
        'activationState',
        'name',
        'passcodeProtected',
      ]),
      z.union([
        z.enum(['error', 'missing']),
        z.strictObject({ value: z.union([z.string().max(100), z.number(), z.boolean(), z.null()]) }),
      ]),
    )
    .optional(),
});

export const scenarioFaultSchema = z.strictObject({
  kind: z.enum(['disconnect', 'hang', 'garbage', 'crash', 'bare-error', 'error']),
  /** Index of the device (after `count` expansion) the fault is for; omitted = any device. */
  device: z.number().int().min(0).max(79).optional(),
  command: z.string().min(1).max(40).optional(),
  times: z.number().int().min(1).max(100).optional(),
  reattachAfterSeconds: seconds.optional(),
  effectApplied: z.boolean().optional(),
  happened: z.boolean().optional(),
  error: z
    .enum(['disconnected', 'deviceStateUnknown', 'pairingProhibited', 'macOutOfDate', 'restoreFailed'])
    .optional(),
});

/** The unknown-behaviour switches, by the names AGREED-SIM.md and the README use. */
export const scenarioSwitchesSchema = z.strictObject({
  mdmInstallsSilently: z.boolean().optional(),
  panesLeftAfterSkipAll: z.number().int().min(0).max(50).optional(),
  installBeforeSetupDone: z.enum(['ignored', 'enrolls']).optional(),
  bareErrorEffect: z.enum(['happened', 'not-happened', 'random']).optional(),
  activationLockAt: z.enum(['activation', 'erase']).optional(),
  ambiguousTarget: z.enum(['error', 'all']).optional(),
  partialGetExitCode: z.union([z.literal(0), z.literal(1)]).optional(),
  mixedResultsExitCode: z.union([z.literal(0), z.literal(1)]).optional(),
  jsonStyle: z.enum(['compact', 'pretty']).optional(),
  jsonProgress: z.enum(['stderr', 'stdout']).optional(),
  wifiProfileActivates: z.boolean().optional(),
  rejectUnparseableProfiles: z.boolean().optional(),
  objcNoise: z.boolean().optional(),
  disconnectCode: z.union([z.literal(-402653052), z.literal(603)]).optional(),
  language: z.enum(['en', 'fr', 'de']).optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1).max(80),
  description: z.string().max(2000).optional(),
  seed: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31)
    .optional(),
  online: z.boolean().optional(),
  switches: scenarioSwitchesSchema.optional(),
  /** The simulated operator's hand, for demos: taps Trust, approves profiles, finishes Setup Assistant. */
  operator: z
    .strictObject({
      autoTrustSeconds: seconds.optional(),
      autoApproveSeconds: seconds.optional(),
      autoFinishSetupSeconds: seconds.optional(),
    })
    .optional(),
  devices: z.array(scenarioDeviceSchema).max(80),
  faults: z.array(scenarioFaultSchema).max(200).optional(),
});

export type SimScenario = z.infer<typeof scenarioSchema>;
export type SimScenarioDevice = z.infer<typeof scenarioDeviceSchema>;
export type SimScenarioFault = z.infer<typeof scenarioFaultSchema>;
