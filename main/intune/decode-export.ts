/**
 * Turns `exportMobileConfig`'s `value` string into the profile's bytes. Microsoft does not document the
 * encoding, so all three plausible forms are accepted, and which one arrived is reported (for the "Verified on a
 * real Mac?" table):
 *
 * - `xml`: the plist text itself (`<?xml …` or `<plist …`), taken as UTF-8;
 * - `base64-xml`: base64 of a plist (XML or binary);
 * - `base64-signed`: base64 of a CMS SignedData profile (DER, first byte 0x30), kept byte for byte.
 *
 * The bytes then go through the very same checks as a dropped file (ProfileService.importBytes); nothing here
 * judges the profile.
 */
import { IntuneError } from './intune-error';

export type ExportForm = 'xml' | 'base64-xml' | 'base64-signed';

export interface DecodedExport {
  readonly form: ExportForm;
  readonly bytes: Uint8Array;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function looksLikePlistText(text: string): boolean {
  return /^(\ufeff)?\s*<(\?xml|!DOCTYPE plist|plist)/i.test(text);
}

export function decodeExport(value: string): DecodedExport {
  if (looksLikePlistText(value)) return { form: 'xml', bytes: new TextEncoder().encode(value) };
  const compact = value.replace(/\s+/g, '');
  if (compact.length > 0 && compact.length % 4 === 0 && BASE64.test(compact)) {
    const bytes = new Uint8Array(Buffer.from(compact, 'base64'));
    const head = Buffer.from(bytes.subarray(0, 64)).toString('latin1');
    if (bytes[0] === 0x30) return { form: 'base64-signed', bytes };
    if (looksLikePlistText(head) || head.startsWith('bplist')) return { form: 'base64-xml', bytes };
  }
  throw new IntuneError(
    'bad-export',
    'Intune sent a profile the bench cannot read',
    'The exported profile is neither plist text, nor base64 of a plist, nor base64 of a signed profile. Nothing was saved; the current profile stays. Download the file from the Intune admin center and import it instead.',
  );
}
