/**
 * Does the profile's signer lead to a certificate authority anyone trusts? The chain is built from the
 * certificates inside the file, up to one of the public roots Node ships (Mozilla's list, the same kind of list
 * Apple's devices trust). Each link is checked both ways: the issuer's name matches and the issuer's key
 * verifies the signature.
 *
 * This is the bench's own judgement, to warn before a cart is prepared; the device decides for itself whether
 * the profile shows as "Verified", with Apple's trust store (listed in the README's "verified on a real Mac?").
 */
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { SignerChain } from '../../preload/domain';

/** A file may carry a few intermediates; more than this is not a chain we walk. */
const MAX_BUNDLED = 16;
const MAX_HOPS = 8;

let publicRoots: readonly X509Certificate[] | undefined;

function defaultRoots(): readonly X509Certificate[] {
  publicRoots ??= rootCertificates.flatMap((text) => {
    try {
      return [new X509Certificate(text)];
    } catch {
      return [];
    }
  });
  return publicRoots;
}

function issuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** Names itself as issuer and its own key verifies it (key usage aside: a plain self-signed leaf counts). */
function signsItself(cert: X509Certificate): boolean {
  try {
    return cert.subject === cert.issuer && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

function parse(der: Uint8Array): X509Certificate | undefined {
  try {
    return new X509Certificate(der);
  } catch {
    return undefined;
  }
}

/**
 * Walks from the signer through the bundled certificates to a trusted root.
 * `roots` defaults to Node's public roots; tests pass their own authority.
 */
export function judgeSignerChain(
  signerDer: Uint8Array,
  bundledDer: readonly Uint8Array[],
  roots: readonly X509Certificate[] = defaultRoots(),
): SignerChain {
  const signer = parse(signerDer);
  if (!signer) return { trust: 'unknown-ca', stopsAt: '(unreadable certificate)' };
  const bundled = bundledDer
    .slice(0, MAX_BUNDLED)
    .map(parse)
    .filter((c): c is X509Certificate => c !== undefined);
  const seen = new Set<string>([signer.fingerprint256]);
  let current = signer;
  for (let hop = 0; hop < MAX_HOPS; hop += 1) {
    const root = roots.find((r) => issuedBy(current, r));
    if (root) return { trust: 'public-ca', root: root.subject.replace(/\n/g, ', ') };
    if (signsItself(current)) {
      return current === signer
        ? { trust: 'self-signed' }
        : { trust: 'unknown-ca', stopsAt: current.subject.replace(/\n/g, ', ') };
    }
    const next = bundled.find((c) => !seen.has(c.fingerprint256) && issuedBy(current, c));
    if (!next) break;
    seen.add(next.fingerprint256);
    current = next;
  }
  return { trust: 'unknown-ca', stopsAt: current.issuer.replace(/\n/g, ', ') };
}
