/**
 * The one decision before every changing command (pure): may this command go to this device now?
 *
 * Every guard must answer yes: the ECID and the serial are not on the ignore list, the serial is known, and
 * for the commands that wipe or take over a device (erase, prepare) who manages it is known and allows it,
 * and an in-use device is erased only on a person's word (or a workflow that says so). Anything the device
 * did not show clearly is "read again", and after a bounded number of reads, "hold".
 */
import type { EraseInUse, SkipReason } from '../../../preload/jobs-domain';
import type { DeviceRead, OurIdentity } from '../device-read';
import { ecidIgnored, serialIgnored, serialKey, type IgnoreLists } from './ignore-match';
import { isInUse } from './in-use';
import { managerOf } from './manager';

/** The commands that change a device. `pair`, `restart` and `shut-down` change no data and stay outside. */
export type ChangingCommand = 'erase' | 'prepare' | 'install' | 'remove' | 'rename';

export interface ChangeRequest {
  readonly command: ChangingCommand;
  readonly ecid: string;
  readonly values: DeviceRead['values'];
  readonly ours: OurIdentity;
  readonly lists: IgnoreLists;
  /** The erase step's "also devices supervised by another organization". */
  readonly allowOtherOrganization?: boolean;
  /** The workflow's ADE organizations: their supervised devices count as ours, like our own name. */
  readonly adeOrganizations?: readonly string[];
  readonly eraseInUse: EraseInUse;
  /** A person pressed Erase for this in-use device. */
  readonly personSaidErase?: boolean;
}

export type ChangeVerdict =
  | { readonly kind: 'go' }
  | { readonly kind: 'skip'; readonly reason: SkipReason }
  | { readonly kind: 'unknown'; readonly what: 'serial' | 'manager' }
  | { readonly kind: 'ask-in-use' };

/** Wipes or takes over the device: who manages it must be known. */
const TAKES_OVER: ReadonlySet<ChangingCommand> = new Set(['erase', 'prepare']);

export function judgeChange(request: ChangeRequest): ChangeVerdict {
  const { values, lists } = request;
  if (ecidIgnored(request.ecid, lists)) return { kind: 'skip', reason: 'ignore-list' };
  if (serialKey(values.serialNumber) === undefined) return { kind: 'unknown', what: 'serial' };
  if (serialIgnored(values.serialNumber, lists)) return { kind: 'skip', reason: 'ignore-list' };
  if (!TAKES_OVER.has(request.command)) return { kind: 'go' };
  const manager = managerOf(values, request.ours, request.adeOrganizations);
  if (manager.kind === 'unknown') return { kind: 'unknown', what: 'manager' };
  if (manager.kind === 'other' && !(request.command === 'erase' && request.allowOtherOrganization))
    return { kind: 'skip', reason: 'other-organization' };
  if (request.command !== 'erase' || !isInUse(values, manager)) return { kind: 'go' };
  if (request.eraseInUse === 'erase' || request.personSaidErase) return { kind: 'go' };
  if (request.eraseInUse === 'never') return { kind: 'skip', reason: 'in-use' };
  return { kind: 'ask-in-use' };
}
