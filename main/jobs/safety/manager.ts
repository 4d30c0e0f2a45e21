/**
 * Who manages a device, as far as one read can prove it. Only two answers are positive: "nobody" is a JSON
 * `false` for `isSupervised`, and "us" is a JSON `true` with exactly our organization name (cfgutil shows no
 * certificate, so the name is the identity we can see). Anything else that says supervised is "another
 * organization"; every other shape (a property error, text, a number, nothing) is "unknown", never "ours".
 */
import type { DeviceRead, OurIdentity } from '../device-read';

export type Manager =
  | { readonly kind: 'nobody' }
  | { readonly kind: 'us' }
  | { readonly kind: 'other'; readonly organizationName: string }
  | { readonly kind: 'unknown' };

export function managerOf(values: DeviceRead['values'], ours: OurIdentity): Manager {
  // The client's validators pass on only real JSON booleans; any other shape arrives as absent.
  const supervised: unknown = values.isSupervised;
  if (supervised === false) return { kind: 'nobody' };
  if (supervised !== true) return { kind: 'unknown' };
  const org: unknown = values.organizationName;
  // Supervised, but by whom is not readable: it may be anyone, so it is not ours.
  if (typeof org !== 'string' || org === '') return { kind: 'unknown' };
  if (ours.organizationName !== undefined && org === ours.organizationName) return { kind: 'us' };
  return { kind: 'other', organizationName: org };
}
