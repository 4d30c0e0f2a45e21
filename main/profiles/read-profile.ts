/**
 * Typed, read-only view of a parsed configuration profile: the top-level keys and each payload's common keys.
 *
 * Values are read with own-property checks and type tests, because the dictionary comes straight from an
 * untrusted file (a key named `__proto__` or a number where a string belongs must not confuse anything).
 * Keys follow Apple's TopLevel and payload layout (./README.md P1, P2).
 */
import type { PlistValue } from 'plist';
import { isDict, type PlistDict } from './parse-plist';

export interface PayloadView {
  readonly type?: string;
  readonly uuid?: string;
  readonly identifier?: string;
  readonly displayName?: string;
  /** The whole payload, for the checks only. Never copy it into a summary or a log (it holds secrets). */
  readonly dict: PlistDict;
}

export interface ProfileModel {
  readonly payloadType?: string;
  readonly identifier?: string;
  readonly uuid?: string;
  readonly displayName?: string;
  readonly organization?: string;
  /** `PayloadExpirationDate`, or the `RemovalDate` after which iOS removes the profile. */
  readonly expirationDate?: Date;
  readonly removalDate?: Date;
  readonly hasPayloadContent: boolean;
  /** The top-level `HasRemovalPasscode`: removing the profile on the device asks for a password. */
  readonly hasRemovalPasscode: boolean;
  readonly payloads: readonly PayloadView[];
}

export function field(dict: PlistDict, key: string): PlistValue | undefined {
  return Object.hasOwn(dict, key) ? dict[key] : undefined;
}

export function stringField(dict: PlistDict, key: string): string | undefined {
  const value = field(dict, key);
  return typeof value === 'string' ? value : undefined;
}

function dateField(dict: PlistDict, key: string): Date | undefined {
  const value = field(dict, key);
  return value instanceof Date && Number.isFinite(value.getTime()) ? value : undefined;
}

function payloadView(dict: PlistDict): PayloadView {
  return {
    type: stringField(dict, 'PayloadType'),
    uuid: stringField(dict, 'PayloadUUID'),
    identifier: stringField(dict, 'PayloadIdentifier'),
    displayName: stringField(dict, 'PayloadDisplayName'),
    dict,
  };
}

export function readProfile(root: PlistDict): ProfileModel {
  const content = field(root, 'PayloadContent');
  const payloads = Array.isArray(content) ? content.filter(isDict).map(payloadView) : [];
  return {
    payloadType: stringField(root, 'PayloadType'),
    identifier: stringField(root, 'PayloadIdentifier'),
    uuid: stringField(root, 'PayloadUUID'),
    displayName: stringField(root, 'PayloadDisplayName'),
    organization: stringField(root, 'PayloadOrganization'),
    expirationDate: dateField(root, 'PayloadExpirationDate'),
    removalDate: dateField(root, 'RemovalDate'),
    hasPayloadContent: Array.isArray(content),
    hasRemovalPasscode: field(root, 'HasRemovalPasscode') === true,
    payloads,
  };
}
