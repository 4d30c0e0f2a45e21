/**
 * Per-device check for ACME profiles: iOS 16.0 / iPadOS 16.1 or later (./README.md P5).
 *
 * The profile check can only remind; the job runner calls this with each device's `ProductType` and
 * `ProductVersion` (from cfgutil `get`) before installing, and shows the message when it is not undefined.
 */
import type { ProfileVariant } from '../../preload/domain';

function parseVersion(text: string): readonly number[] | undefined {
  if (!/^\d+(\.\d+){0,2}$/.test(text.trim())) return undefined;
  return text.trim().split('.').map(Number);
}

function below(version: readonly number[], minimum: readonly number[]): boolean {
  for (let i = 0; i < minimum.length; i++) {
    const a = version[i] ?? 0;
    const b = minimum[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}

/** A plain-language warning when an ACME profile will not work on this device, else undefined. */
export function acmeDeviceWarning(
  variant: ProfileVariant,
  device: { readonly productType?: string; readonly osVersion?: string },
): string | undefined {
  if (variant !== 'acme' || !device.osVersion) return undefined;
  const version = parseVersion(device.osVersion);
  if (!version) return undefined;
  const iPad = device.productType?.startsWith('iPad') ?? false;
  const minimum = iPad ? [16, 1] : [16, 0];
  if (!below(version, minimum)) return undefined;
  const platform = iPad ? 'iPadOS 16.1' : 'iOS 16.0';
  return `This device runs ${iPad ? 'iPadOS' : 'iOS'} ${device.osVersion}; the ACME profile needs ${platform} or later. Update the device first, or use the SCEP profile from the same Export Profile pane.`;
}
