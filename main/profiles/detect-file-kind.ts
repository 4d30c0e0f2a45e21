/**
 * First look at a dropped file: what kind of thing is it, judged by its bytes.
 *
 * Operators drop all sorts of files that come out of Intune and Apple Business Manager. Recognising the common
 * wrong ones by their first bytes lets the bench name them instead of saying "invalid profile"
 * (./README.md P7, P8).
 */

/** Intune's direct-enrollment file is a few kilobytes; anything above this is not one. */
export const MAX_PROFILE_BYTES = 5 * 1024 * 1024;

/** The kinds the byte sniffer can tell apart before any parsing. `der` is refined by `classifyDer`. */
export type SniffedKind =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'xml-plist' }
  | { readonly kind: 'binary-plist' }
  | { readonly kind: 'der' }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'zip' }
  | { readonly kind: 'ade-token' }
  | { readonly kind: 'pem'; readonly label: string }
  | { readonly kind: 'url-text'; readonly host: string }
  | { readonly kind: 'text' }
  | { readonly kind: 'unknown' };

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

/**
 * Where a `bplist00` header would start: after a UTF-8 byte-order mark and a little whitespace, if any. Such a
 * file is still judged as a binary plist (and refused with the reason, after its expansion is measured) rather
 * than called unrecognisable (see parse-plist.ts).
 */
function binaryPlistStart(bytes: Uint8Array): number {
  let at = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < 64 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[at] ?? 0)) at++;
  return at;
}

/** Most bytes are printable ASCII / UTF-8 text (tabs and newlines count, NUL does not). */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let bad = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) bad++;
  }
  return bad <= sample.length / 50;
}

/** The host of the first https URL in a short text, or undefined. */
function firstHttpsHost(text: string): string | undefined {
  const match = /https:\/\/[^\s"'<>]+/i.exec(text);
  if (!match) return undefined;
  try {
    return new URL(match[0]).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Classifies a file by its bytes.
 *
 * Pure and total: any input, including empty and random bytes, gives a kind. The file name only
 * breaks a tie for `.p7m` PEM files, which are ADE server tokens in practice.
 */
export function sniffFileKind(bytes: Uint8Array, fileName = ''): SniffedKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (bytes.length > MAX_PROFILE_BYTES) return { kind: 'too-large' };
  if (startsWith(bytes, ascii('bplist00'), binaryPlistStart(bytes))) return { kind: 'binary-plist' };
  if (startsWith(bytes, ascii('%PDF'))) return { kind: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip' };
  }
  if (bytes[0] === 0x30) return { kind: 'der' };
  if (!looksLikeText(bytes)) return { kind: 'unknown' };

  const offset = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(offset, offset + 4096));
  const trimmed = head.trimStart();
  if (/^<\?xml|^<!DOCTYPE\s+plist|^<plist/i.test(trimmed)) return { kind: 'xml-plist' };
  // An ADE server token is S/MIME: MIME headers around base64 enveloped data, named smime.p7m.
  if (/pkcs7-mime|smime\.p7m|enveloped-data/i.test(head)) return { kind: 'ade-token' };
  const pem = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(head);
  if (pem?.[1]) {
    if (/PKCS7|CMS/.test(pem[1]) && /\.p7m$/i.test(fileName)) return { kind: 'ade-token' };
    return { kind: 'pem', label: pem[1] };
  }
  if (bytes.length <= 64 * 1024) {
    const host = firstHttpsHost(head);
    if (host) return { kind: 'url-text', host };
  }
  return { kind: 'text' };
}
