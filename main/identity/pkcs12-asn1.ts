/**
 * The small ASN.1 vocabulary the PKCS#12 reader needs, and its one error type. Every helper throws a
 * `Pkcs12Error` instead of returning something half-read, so a damaged file always ends in a plain refusal.
 */
import * as asn1js from 'asn1js';
import { BER_LIMITS } from '../profiles/classify-der';
import { MAX_ITERATIONS } from './pkcs12-kdf';

/**
 * `too-costly`: the file asks for more password-hashing work (or holds more keys and certificates) than any real
 * export does, so it is refused before that work starts rather than freezing the app.
 */
export type Pkcs12ErrorKind = 'wrong-password' | 'malformed' | 'unsupported' | 'too-costly';

export class Pkcs12Error extends Error {
  constructor(
    readonly kind: Pkcs12ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

export const malformed = (what: string): Pkcs12Error =>
  new Pkcs12Error('malformed', `The PKCS#12 file is damaged (${what}).`);

export const tooCostly = (what: string): Pkcs12Error =>
  new Pkcs12Error('too-costly', `The file ${what}, far more than a real supervision identity export.`);

/** Decodes BER with the same resource limits as profile files. */
export function decode(bytes: Uint8Array): asn1js.AsnType {
  const decoded = asn1js.fromBER(bytes, BER_LIMITS);
  if (decoded.offset === -1 || decoded.result.error) throw malformed('not ASN.1');
  return decoded.result;
}

export function items(node: asn1js.AsnType | undefined): readonly asn1js.AsnType[] {
  return node instanceof asn1js.Constructed ? node.valueBlock.value : [];
}

/** `[0] EXPLICIT` wrapper → its single child. */
export const explicit = (node: asn1js.AsnType | undefined): asn1js.AsnType | undefined => items(node)[0];

export function oidOf(node: asn1js.AsnType | undefined): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw malformed('expected an object identifier');
  return node.valueBlock.toString();
}

/** The bytes of an OCTET STRING (or an IMPLICIT-tagged one), joining BER chunks. */
export function octets(node: asn1js.AsnType | undefined): Uint8Array {
  if (!node) throw malformed('missing octet string');
  if (node.idBlock.isConstructed) {
    const parts = items(node).map(octets);
    return Uint8Array.from(parts.flatMap((p) => [...p]));
  }
  const block = (node as asn1js.OctetString).valueBlock as { valueHexView?: Uint8Array };
  if (!block.valueHexView) throw malformed('expected an octet string');
  return block.valueHexView.slice();
}

/**
 * A KDF iteration count. Counts above {@link MAX_ITERATIONS} are refused as too costly here, while the file is
 * still being read, so no derivation ever starts with one.
 */
export function iterationCount(node: asn1js.AsnType | undefined): number {
  if (!(node instanceof asn1js.Integer)) throw malformed('expected an integer');
  // Read the two's-complement bytes directly: asn1js reports `valueDec` 0 for integers of 4 bytes or more.
  const hex = node.valueBlock.valueHexView;
  if (hex.length === 0 || (hex[0] ?? 0) & 0x80) throw malformed('iteration count out of range');
  const digits = hex.subarray(hex.findIndex((b) => b !== 0));
  // More than 6 bytes cannot be a sane count (and would not fit a safe integer).
  if (digits.length > 6) throw tooCostly('asks to hash the password trillions of times');
  const value = digits.reduce((sum, byte) => sum * 256 + byte, 0);
  if (value < 1) throw malformed('iteration count out of range');
  if (value > MAX_ITERATIONS)
    throw tooCostly(`asks to hash the password ${value.toLocaleString('en-US')} times in one step`);
  return value;
}
