/**
 * Unwraps a CMS SignedData profile with pkijs: the encapsulated plist bytes, the signer certificate, the
 * signing time and whether the signature matches the content.
 *
 * Only reads: the original file is what cfgutil installs, never a re-encoded or re-signed copy
 * (./README.md P9, P10). Whether the signer leads to a public certificate authority is judged by
 * ./signer-chain.ts; the device still decides its own "Verified / Not Verified".
 */
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, SignedData } from 'pkijs';
import type { ProfileSigner } from '../../preload/domain';
import { BER_LIMITS } from './classify-der';
import { formatName } from './format-name';
import { ensurePkijsEngine } from './pkijs-engine';
import { judgeSignerChain } from './signer-chain';

const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';

export type UnwrapResult =
  | {
      readonly ok: true;
      readonly content: Uint8Array;
      readonly signer?: ProfileSigner;
      readonly signerProblem?: string;
    }
  | { readonly ok: false; readonly reason: 'malformed' | 'not-signed-data' | 'no-content' };

/** Concatenates a possibly chunked (BER constructed, `openssl cms -stream`) OCTET STRING. */
function octetStringBytes(node: asn1js.OctetString): Uint8Array {
  if (!node.idBlock.isConstructed) return node.valueBlock.valueHexView.slice();
  const parts: Uint8Array[] = [];
  for (const child of node.valueBlock.value) {
    if (child instanceof asn1js.OctetString) parts.push(octetStringBytes(child));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function signingTime(sd: SignedData): number | undefined {
  const attrs = sd.signerInfos[0]?.signedAttrs?.attributes ?? [];
  const attr = attrs.find((a) => a.type === OID_SIGNING_TIME);
  const value: unknown = attr?.values[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    const ms = value.toDate().getTime();
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

async function verifySignature(sd: SignedData): Promise<{ valid: boolean; cert?: Certificate }> {
  try {
    const result = await sd.verify({ signer: 0, checkChain: false, extendedMode: true });
    return { valid: result.signatureVerified === true, cert: result.signerCertificate ?? undefined };
  } catch (error) {
    // pkijs throws SignedDataVerifyError (with the signer it found) for a digest mismatch or a bad signature.
    const cert = (error as { signerCertificate?: unknown }).signerCertificate;
    return { valid: false, cert: cert instanceof Certificate ? cert : undefined };
  }
}

const der = (cert: Certificate): Uint8Array => new Uint8Array(cert.toSchema().toBER(false));

function chainOf(cert: Certificate, sd: SignedData) {
  const bundled = (sd.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  return judgeSignerChain(der(cert), bundled.map(der));
}

function describeSigner(
  cert: Certificate,
  valid: boolean,
  time: number | undefined,
  sd: SignedData,
): ProfileSigner {
  const signer: ProfileSigner = {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    notBefore: cert.notBefore.value.getTime(),
    notAfter: cert.notAfter.value.getTime(),
    signatureValid: valid,
    chain: chainOf(cert, sd),
  };
  return time === undefined ? signer : { ...signer, signingTime: time };
}

/** Never throws: malformed input comes back as `{ ok: false }`. */
export async function unwrapSigned(bytes: Uint8Array): Promise<UnwrapResult> {
  ensurePkijsEngine();
  let sd: SignedData;
  try {
    const decoded = asn1js.fromBER(bytes, BER_LIMITS);
    if (decoded.offset === -1) return { ok: false, reason: 'malformed' };
    const ci = new ContentInfo({ schema: decoded.result });
    if (ci.contentType !== ContentInfo.SIGNED_DATA) return { ok: false, reason: 'not-signed-data' };
    sd = new SignedData({ schema: ci.content });
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const eContent = sd.encapContentInfo.eContent;
  if (!(eContent instanceof asn1js.OctetString)) return { ok: false, reason: 'no-content' };
  const content = octetStringBytes(eContent);
  if (content.length === 0) return { ok: false, reason: 'no-content' };
  if (sd.signerInfos.length === 0) {
    return {
      ok: true,
      content,
      signerProblem: 'The file is wrapped as signed data but has no signature in it.',
    };
  }
  const { valid, cert } = await verifySignature(sd);
  if (!cert) {
    return {
      ok: true,
      content,
      signerProblem: 'The signature names a certificate that is not included in the file.',
    };
  }
  return { ok: true, content, signer: describeSigner(cert, valid, signingTime(sd), sd) };
}
