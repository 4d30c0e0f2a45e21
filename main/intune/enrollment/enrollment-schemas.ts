/**
 * Shapes for serial push and enrollment checks, loose like the rest (`looseObject`: new beta fields never break
 * a read). From the public Graph reference: `importedAppleDeviceIdentityResult` (beta; `status` is a Boolean),
 * `managedDevice` (v1.0: `serialNumber`, `enrolledDateTime`, `deviceEnrollmentType`, `isSupervised`) and the
 * JSON batch answer (`responses[]` with `id`, `status`, `headers`, `body`).
 */
import { z } from 'zod';

export const importResultSchema = z.looseObject({
  serialNumber: z.string().max(100).nullish(),
  status: z.boolean().nullish(),
  requestedEnrollmentProfileId: z.string().max(300).nullish(),
});

export const importAnswerSchema = z.looseObject({ value: z.array(importResultSchema).max(10_000) });

export const importedIdentitySchema = z.looseObject({
  serialNumber: z.string().max(100).nullish(),
  requestedEnrollmentProfileId: z.string().max(300).nullish(),
});

export const managedDeviceSchema = z.looseObject({
  id: z.string().max(200),
  serialNumber: z.string().max(100).nullish(),
  enrolledDateTime: z.string().max(64).nullish(),
  deviceEnrollmentType: z.string().max(100).nullish(),
  isSupervised: z.boolean().nullish(),
});

export type ManagedDeviceRecord = z.output<typeof managedDeviceSchema>;

export const batchAnswerSchema = z.looseObject({
  responses: z
    .array(
      z.looseObject({
        id: z.string().max(20),
        status: z.number().int(),
        headers: z.record(z.string(), z.string()).nullish(),
        body: z.unknown().optional(),
      }),
    )
    .max(20),
});
