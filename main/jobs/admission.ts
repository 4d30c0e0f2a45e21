/**
 * What happens to a device the bench has just seen (pure): never touched (ignore list), Done already (same
 * workflow and profile succeeded on this serial, from the journal), interrupted (its last job was cut off by a
 * crash or by the bench closing; the operator's Retry goes on at that step), or a new job.
 *
 * Decided twice: by ECID before the device is read at all, then by serial once it has been read. This only
 * spares a device a job early; the guard before every changing command (./safety/) decides again.
 */
import type { Ecid } from '../../preload/domain';
import { doneKey, type JournalHistory } from './job-journal';
import { isFinal } from './job-state';
import { ecidIgnored, serialIgnored } from './safety/ignore-match';

export type Admission =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'already-done' }
  | { readonly kind: 'interrupted'; readonly stepIndex?: number }
  | { readonly kind: 'new' };

export interface AdmissionRules {
  readonly ignoreEcids: readonly string[];
  readonly ignoreSerials: readonly string[];
  readonly history: JournalHistory;
  readonly workflowId: string;
  readonly profileSha256?: string;
}

/** Before any read: the ECID alone. */
export function admitByEcid(ecid: Ecid, rules: AdmissionRules): Admission {
  if (ecidIgnored(ecid, { ignoreEcids: rules.ignoreEcids, ignoreSerials: [] })) return { kind: 'ignore' };
  const last = rules.history.lastByEcid.get(ecid);
  const cutOff =
    last !== undefined && (last.phase === 'interrupted' || (!last.ended && !isFinal(last.phase)));
  if (last && cutOff && last.workflowId === rules.workflowId) {
    return { kind: 'interrupted', ...(last.stepIndex === undefined ? {} : { stepIndex: last.stepIndex }) };
  }
  return { kind: 'new' };
}

/** Once the serial number is known. */
export function admitBySerial(serial: string | undefined, rules: AdmissionRules): Admission {
  if (!serial) return { kind: 'new' };
  if (serialIgnored(serial, { ignoreEcids: [], ignoreSerials: rules.ignoreSerials }))
    return { kind: 'ignore' };
  if (rules.history.doneBySerial.get(serial)?.has(doneKey(rules.workflowId, rules.profileSha256))) {
    return { kind: 'already-done' };
  }
  return { kind: 'new' };
}
