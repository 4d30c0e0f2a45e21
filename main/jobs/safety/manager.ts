/**
 * Who manages a device, as far as one read can prove it. Only two answers are positive: "nobody" is a JSON
 * `false` for `isSupervised`, and "us" is a JSON `true` with exactly our organization name or one of the
 * workflow's `adeOrganizations` (cfgutil shows no certificate, so the name is the identity we can see). The
 * rule itself is ../ade-ownership.ts, the one the erase step also asks before pairing. Anything else that says supervised is "another
 * organization"; every other shape (a property error, text, a number, nothing) is "unknown", never "ours".
 */
import { assertNever } from '../../cfgutil/assert-never';
import { eraseOwnership } from '../ade-ownership';
import type { DeviceRead, OurIdentity } from '../device-read';

export type Manager =
  | { readonly kind: 'nobody' }
  | { readonly kind: 'us' }
  | { readonly kind: 'other'; readonly organizationName: string }
  | { readonly kind: 'unknown' };

export function managerOf(
  values: DeviceRead['values'],
  ours: OurIdentity,
  adeOrganizations: readonly string[] = [],
): Manager {
  // The client's validators pass on only real JSON booleans; any other shape arrives as absent, and a
  // supervised device whose organization is not readable may be anyone's: unknown, never ours.
  const ownership = eraseOwnership(values, ours, adeOrganizations);
  switch (ownership) {
    case 'not-supervised':
      return { kind: 'nobody' };
    case 'ours':
      return { kind: 'us' };
    case 'unknown-supervisor':
      return { kind: 'unknown' };
    case 'other-organization':
      return { kind: 'other', organizationName: String(values.organizationName) };
    default:
      return assertNever(ownership);
  }
}
