/**
 * Whose supervised devices this workflow may erase (pure). A device prepared by this bench is supervised under
 * our organization name; an Automated Device Enrollment device is supervised by the organization in Apple
 * Business/School Manager, whose name the workflow lists in `adeOrganizations`. cfgutil shows the supervisor
 * only as `organizationName` (main/cfgutil/README.md §5), so the comparison is by exact name.
 *
 * The rule (issue 26 item 2), fail closed:
 * - not supervised (the read says `isSupervised: false`): nobody's, erase may go on;
 * - supervised (`isSupervised` exactly `true`) by our name or a listed name: ours;
 * - supervised by any other name: never erased (unless the erase step says `allowOtherOrganization`);
 * - anything else (supervision unread, not a boolean, supervised with no readable name): held, unknown.
 */
import type { DeviceRead, OurIdentity } from './device-read';

export type EraseOwnership = 'not-supervised' | 'ours' | 'other-organization' | 'unknown-supervisor';

/** The names that count as ours: this bench's organization and the workflow's ADE organizations. */
export function ownOrganizations(ours: OurIdentity, adeOrganizations: readonly string[] = []): Set<string> {
  const names = new Set(adeOrganizations);
  if (ours.organizationName !== undefined) names.add(ours.organizationName);
  return names;
}

export function eraseOwnership(
  values: DeviceRead['values'],
  ours: OurIdentity,
  adeOrganizations: readonly string[] = [],
): EraseOwnership {
  const supervised: unknown = values.isSupervised;
  if (supervised === false) return 'not-supervised';
  if (supervised !== true) return 'unknown-supervisor';
  const org: unknown = values.organizationName;
  if (typeof org !== 'string' || org === '') return 'unknown-supervisor';
  return ownOrganizations(ours, adeOrganizations).has(org) ? 'ours' : 'other-organization';
}
