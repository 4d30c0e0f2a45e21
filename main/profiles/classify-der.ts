/**
 * Tells apart the ASN.1 files an operator may drop: a signed profile, an ADE server token, a PKCS#12,
 * a certificate or a private key. All start with an ASN.1 SEQUENCE (`0x30`), so the bytes are decoded and the
 * first fields of the structure decide (./README.md P8).
 */
import * as asn1js from 'asn1js';

export const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
export const OID_ENVELOPED_DATA = '1.2.840.113549.1.7.3';

export type DerKind =
  'signed-data' | 'enveloped-data' | 'pkcs12' | 'certificate' | 'private-key' | 'other' | 'malformed';

/** Limits for untrusted input: a profile has a few hundred nodes; chunked BER content adds some more. */
export const BER_LIMITS = { maxDepth: 64, maxNodes: 50_000 } as const;

/** Decodes BER/DER with resource limits; undefined when the bytes are not one valid ASN.1 value. */
export function decodeBer(bytes: Uint8Array): asn1js.AsnType | undefined {
  try {
    const decoded = asn1js.fromBER(bytes, BER_LIMITS);
    if (decoded.offset === -1 || decoded.result.error) return undefined;
    return decoded.result;
  } catch {
    return undefined;
  }
}

function children(node: asn1js.AsnType): readonly asn1js.AsnType[] {
  return node instanceof asn1js.Constructed ? node.valueBlock.value : [];
}

function smallInteger(node: asn1js.AsnType | undefined): number | undefined {
  if (!(node instanceof asn1js.Integer)) return undefined;
  try {
    return node.valueBlock.valueDec;
  } catch {
    return undefined;
  }
}

/** Classifies one decoded ASN.1 value by the shape of its outer SEQUENCE. */
export function classifyDer(bytes: Uint8Array): DerKind {
  const root = decodeBer(bytes);
  if (!root) return 'malformed';
  if (!(root instanceof asn1js.Sequence)) return 'other';
  const [first, second, third] = children(root);
  if (first instanceof asn1js.ObjectIdentifier) {
    const oid = first.valueBlock.toString();
    if (oid === OID_SIGNED_DATA) return 'signed-data';
    if (oid === OID_ENVELOPED_DATA) return 'enveloped-data';
    return 'other';
  }
  const version = smallInteger(first);
  // PFX ::= SEQUENCE { version INTEGER {v3(3)}, authSafe ContentInfo, macData MacData OPTIONAL } (RFC 7292 §4)
  if (version === 3 && second instanceof asn1js.Sequence) return 'pkcs12';
  // PKCS#8 PrivateKeyInfo (version 0, algorithm, OCTET STRING) or PKCS#1 RSAPrivateKey (version 0, nine integers)
  if (version === 0 && second instanceof asn1js.Sequence && third instanceof asn1js.OctetString)
    return 'private-key';
  if (version === 0 && second instanceof asn1js.Integer && third instanceof asn1js.Integer)
    return 'private-key';
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING } (RFC 5280 §4.1)
  if (
    first instanceof asn1js.Sequence &&
    second instanceof asn1js.Sequence &&
    third instanceof asn1js.BitString
  ) {
    return 'certificate';
  }
  return 'other';
}
