/**
 * Reads a `.mobileconfig` the way the simulated device needs it: identifier, name, version, and whether it
 * carries an MDM, Wi-Fi or rename-restricting payload.
 *
 * Accepts XML, binary and CMS-signed profiles; a signed profile embeds its XML in clear, so the simulator
 * reads it without checking the signature (the app's own profile loader does that, not the device).
 */
import { parse, parseBinary, type PlistValue } from 'plist';
import type { SimProfile } from '../device-model';

export type ProfileRead =
  { readonly ok: true; readonly profile: SimProfile } | { readonly ok: false; readonly reason: 'invalid' };

type Dict = { readonly [key: string]: PlistValue };

function isDict(value: PlistValue | undefined): value is Dict {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

function decode(bytes: Buffer): PlistValue | undefined {
  try {
    if (bytes.subarray(0, 6).toString('latin1') === 'bplist') return parseBinary(bytes);
    const text = bytes.toString('latin1');
    const start = text.indexOf('<?xml');
    const end = text.indexOf('</plist>');
    if (start < 0 || end < start) return undefined;
    return parse(bytes.subarray(start, end + '</plist>'.length).toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Parses profile bytes. */
export function readProfileBytes(bytes: Buffer): ProfileRead {
  const root = decode(bytes);
  if (!isDict(root) || typeof root.PayloadIdentifier !== 'string' || root.PayloadIdentifier === '') {
    return { ok: false, reason: 'invalid' };
  }
  const payloads = Array.isArray(root.PayloadContent) ? root.PayloadContent.filter(isDict) : [];
  const hasType = (type: string): boolean => payloads.some((p) => p.PayloadType === type);
  return {
    ok: true,
    profile: {
      identifier: root.PayloadIdentifier,
      displayName:
        typeof root.PayloadDisplayName === 'string' ? root.PayloadDisplayName : root.PayloadIdentifier,
      version: typeof root.PayloadVersion === 'number' ? root.PayloadVersion : 1,
      isMdm: hasType('com.apple.mdm'),
      isWifi: hasType('com.apple.wifi.managed'),
      forbidsRename: payloads.some(
        (p) => p.PayloadType === 'com.apple.applicationaccess' && p.allowDeviceNameModification === false,
      ),
    },
  };
}
