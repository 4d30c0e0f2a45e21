/**
 * The board's side of admitting a device that has just arrived: the arrival read (the facts and serial the
 * rules of ./admission.ts decide on, remembered so the first step can decide on it too) and what a decision
 * that ends admission does to the new job (skipped, or interrupted at the step it was cut off).
 */
import type { Ecid } from '../../preload/domain';
import type { CfgutilClient } from '../cfgutil/cfgutil-client';
import type { Admission } from './admission';
import { ARRIVAL_PROPERTIES, readOf, type DeviceRead, type OurIdentity } from './device-read';
import type { JobSlot } from './job-slot';
import type { JobEvent } from './job-state';

/** The job event a decision ends admission with; undefined for a new job, which goes on to its countdown. */
export function admissionEvent(admission: Admission, at: number): JobEvent | undefined {
  switch (admission.kind) {
    case 'ignore':
      return { type: 'skipped', at, reason: 'ignore-list' };
    case 'already-done':
      return { type: 'skipped', at, reason: 'already-done' };
    case 'interrupted':
      return { type: 'interrupted', at };
    case 'new':
      return undefined;
  }
}

export interface ArrivalReadOptions {
  readonly client: CfgutilClient;
  readonly ecid: Ecid;
  readonly slot: JobSlot;
  readonly ours: OurIdentity;
  readonly now: () => number;
  /** How many times the device has (re)appeared: the read is remembered for this appearance only. */
  readonly generation: number;
}

/** Reads the arrival properties once and remembers the read for the job's first step. */
export async function readOnArrival(options: ArrivalReadOptions): Promise<DeviceRead> {
  const { client, ecid, slot, ours, now, generation } = options;
  const read = readOf(await client.get(ecid, ARRIVAL_PROPERTIES), ours, now());
  // The job's first step decides on this read when it starts right away (nothing has been done since).
  slot.lastRead.remember({ read, properties: new Set(ARRIVAL_PROPERTIES), generation, at: now() });
  return read;
}
