/**
 * Renders an X.500 name as the short `CN=…, O=…` text operators know from Keychain Access and openssl.
 */
import type { RelativeDistinguishedNames } from 'pkijs';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.3': 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
};

function attributeText(value: unknown): string {
  if (typeof value === 'object' && value !== null && 'valueBlock' in value) {
    const block = (value as { valueBlock: { value?: unknown } }).valueBlock;
    if (typeof block.value === 'string') return block.value;
  }
  return '?';
}

/** RFC 4514 order (last RDN first), which puts the CN first for the usual C, O, CN certificates. */
export function formatName(name: RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((tv) => `${SHORT_NAMES[tv.type] ?? tv.type}=${attributeText(tv.value)}`)
    .reverse()
    .join(', ');
}
