/**
 * Reads a PKCS#12 (.p12) supervision identity: checks the password against the file's MAC, decrypts the bags
 * and returns the certificates and the private keys as DER.
 *
 * Pure JS on Node's crypto, so the Mac app does not depend on an `openssl` binary; handles both the modern
 * OpenSSL 3 layout and the legacy 3DES/RC2 layout Apple Configurator exports (RFC 7292).
 *
 * The file is untrusted and its iteration counts decide how long reading takes, so everything the reader can
 * see is planned and charged to one {@link Pkcs12Budget} before any password hashing starts; sections that
 * only become visible after decryption are charged before their own keys are derived.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  decode,
  explicit,
  items,
  iterationCount,
  malformed,
  octets,
  oidOf,
  Pkcs12Error,
} from './pkcs12-asn1';
import { admitBags, planBags, type BagPlan } from './pkcs12-bags';
import { Pkcs12Budget } from './pkcs12-budget';
import { planDecryption, type DecryptionPlan } from './pkcs12-decrypt';
import { bmpPassword, pkcs12Kdf, pkcs12KdfRounds } from './pkcs12-kdf';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const DIGESTS: Readonly<Record<string, { readonly name: string; readonly size: number }>> = {
  '1.3.14.3.2.26': { name: 'sha1', size: 20 },
  '2.16.840.1.101.3.4.2.1': { name: 'sha256', size: 32 },
  '2.16.840.1.101.3.4.2.2': { name: 'sha384', size: 48 },
  '2.16.840.1.101.3.4.2.3': { name: 'sha512', size: 64 },
};

export interface Pkcs12Contents {
  readonly certificates: readonly Uint8Array[];
  /** DER PKCS#8 PrivateKeyInfo, unencrypted. */
  readonly privateKeys: readonly Uint8Array[];
}

interface MacPlan {
  readonly rounds: number;
  readonly verify: (password: string, content: Uint8Array) => Promise<void>;
}

type Section =
  | { readonly kind: 'plain'; readonly bags: readonly BagPlan[] }
  | { readonly kind: 'encrypted'; readonly plan: DecryptionPlan; readonly data: Uint8Array };

function planMac(macData: asn1js.AsnType): MacPlan {
  const [digestInfo, saltNode, iterationsNode] = items(macData);
  const [algorithm, digest] = items(digestInfo);
  const hash = DIGESTS[oidOf(items(algorithm)[0])];
  if (!hash)
    throw new Pkcs12Error(
      'unsupported',
      'The PKCS#12 file uses an integrity check the bench does not support.',
    );
  const salt = octets(saltNode);
  const iterations = iterationsNode ? iterationCount(iterationsNode) : 1;
  const expected = octets(digest);
  return {
    rounds: pkcs12KdfRounds(hash.name, iterations, hash.size),
    verify: async (password, content) => {
      const key = await pkcs12Kdf(hash.name, bmpPassword(password), salt, iterations, 3, hash.size);
      const actual = createHmac(hash.name, key).update(content).digest();
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
        throw new Pkcs12Error('wrong-password', 'The password is wrong.');
      }
    },
  };
}

function planSections(content: Uint8Array): Section[] {
  const sections: Section[] = [];
  for (const info of items(decode(content))) {
    const [type, body] = items(info);
    const oid = oidOf(type);
    if (oid === DATA) sections.push({ kind: 'plain', bags: planBags(octets(explicit(body))) });
    if (oid === ENCRYPTED_DATA) {
      const [, encryptedContentInfo] = items(explicit(body));
      const [, algorithm, encrypted] = items(encryptedContentInfo);
      sections.push({ kind: 'encrypted', plan: planDecryption(algorithm), data: octets(encrypted) });
    }
  }
  return sections;
}

/** Charges what is visible before decrypting anything: the MAC, each encrypted section, each plain bag. */
function admitVisible(budget: Pkcs12Budget, mac: MacPlan | undefined, sections: readonly Section[]): void {
  for (const section of sections) {
    if (section.kind === 'plain') admitBags(budget, section.bags);
  }
  budget.charge(
    (mac?.rounds ?? 0) + sections.reduce((sum, s) => sum + (s.kind === 'encrypted' ? s.plan.rounds : 0), 0),
  );
}

async function readSections(
  sections: readonly Section[],
  password: string,
  budget: Pkcs12Budget,
): Promise<Pkcs12Contents> {
  const out = { certificates: [] as Uint8Array[], privateKeys: [] as Uint8Array[] };
  for (const section of sections) {
    let bags = section.kind === 'plain' ? section.bags : undefined;
    if (section.kind === 'encrypted') {
      bags = planBags(await section.plan.decrypt(password, section.data));
      admitBags(budget, bags);
    }
    for (const bag of bags ?? []) {
      if (bag.kind === 'key') out.privateKeys.push(await bag.read(password));
      else if (bag.der) out.certificates.push(bag.der);
    }
  }
  return out;
}

/**
 * Throws `Pkcs12Error` for a wrong password, a damaged file, an unsupported algorithm, or a file that asks for
 * more work than {@link Pkcs12Budget} allows (`too-costly`, raised before that work starts).
 */
export async function readPkcs12(
  bytes: Uint8Array,
  password: string,
  budget: Pkcs12Budget = new Pkcs12Budget(),
): Promise<Pkcs12Contents> {
  try {
    const [version, authSafe, macData] = items(decode(bytes));
    if (!(version instanceof asn1js.Integer) || version.valueBlock.valueDec !== 3)
      throw malformed('not a PKCS#12 v3 file');
    const [contentType, wrapped] = items(authSafe);
    if (oidOf(contentType) !== DATA)
      throw new Pkcs12Error('unsupported', 'Public-key protected PKCS#12 files are not supported.');
    const content = octets(explicit(wrapped));
    const mac = macData ? planMac(macData) : undefined;
    const sections = planSections(content);
    admitVisible(budget, mac, sections);
    await mac?.verify(password, content);
    return await readSections(sections, password, budget);
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw malformed('unexpected structure');
  }
}
