/**
 * Which listed devices the bench may work on (pure). `cfgutil list` names every Apple device on USB that
 * Configurator can talk to: iPhones and iPads, but also Macs in DFU (a T2 Mac shows as `iBridge2,15` with UDID
 * and name "N/A"), Apple TVs, and iPhones or iPads in DFU or Recovery (README.md in this folder, "Devices that
 * are not bench devices"). Only an iPhone or iPad that is booted gets a job; the rest get no command beyond
 * `list`. Anything the rule does not recognise is not a bench device (fails closed).
 */
import type { DeviceMode } from '../../preload/domain';

/** What `list` (and the USB hint) says about one device. */
export interface ListedFacts {
  readonly deviceType?: string | undefined;
  readonly udid?: string | undefined;
  readonly name?: string | undefined;
  readonly mode?: DeviceMode | undefined;
}

export type BenchDeviceKind =
  /** A booted iPhone or iPad: the workflow may run. */
  | { readonly kind: 'bench' }
  /** An iPhone or iPad in DFU or Recovery: only a restore brings it back. */
  | { readonly kind: 'in-recovery'; readonly label: string }
  /** A Mac, Apple TV, Watch or anything unrecognised. */
  | { readonly kind: 'not-bench'; readonly label: string };

export const NOT_BENCH_LABEL = 'Not a bench device';
export const IN_RECOVERY_LABEL = 'In Recovery: restore needed';

/** Product types of the two families the bench prepares, e.g. `iPhone16,1`, `iPad13,18`. */
const BENCH_TYPE = /^(?:iPhone|iPad)\d+,\d+$/;

/** cfgutil's placeholder when a device in DFU/Recovery cannot tell its UDID or name. */
function placeholder(value: string | undefined): boolean {
  return value !== undefined && value.trim().toUpperCase() === 'N/A';
}

export function benchDeviceKind(facts: ListedFacts): BenchDeviceKind {
  if (facts.deviceType === undefined || !BENCH_TYPE.test(facts.deviceType.trim()))
    return { kind: 'not-bench', label: NOT_BENCH_LABEL };
  if (facts.mode === 'recovery' || facts.mode === 'dfu' || placeholder(facts.udid) || placeholder(facts.name))
    return { kind: 'in-recovery', label: IN_RECOVERY_LABEL };
  return { kind: 'bench' };
}
