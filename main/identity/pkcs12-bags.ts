/**
 * Reads the bags of one PKCS#12 SafeContents into a plan: certificates as DER, private keys either plain or as
 * a decryption still to run. Planning first lets the reader count the bags and charge every key's derivation
 * to the file's budget before decrypting any of them.
 */
import { decode, explicit, items, octets, oidOf } from './pkcs12-asn1';
import type { Pkcs12Budget } from './pkcs12-budget';
import { planDecryption } from './pkcs12-decrypt';

const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';

export type BagPlan =
  | {
      readonly kind: 'key';
      /** Hash rounds its decryption costs (0 for an unencrypted key bag). */
      readonly rounds: number;
      /** DER PKCS#8 PrivateKeyInfo, decrypting when the bag is shrouded. */
      readonly read: (password: string) => Promise<Uint8Array>;
    }
  | { readonly kind: 'certificate'; readonly der: Uint8Array | undefined };

/** The bags of `safeContents` (DER); other bag types (CRLs, secrets, nested contents) are skipped. */
export function planBags(safeContents: Uint8Array): BagPlan[] {
  const plans: BagPlan[] = [];
  for (const bag of items(decode(safeContents))) {
    const [idNode, valueWrapper] = items(bag);
    const value = explicit(valueWrapper);
    const id = oidOf(idNode);
    if (id === KEY_BAG && value) {
      const der = new Uint8Array(value.toBER(false));
      plans.push({ kind: 'key', rounds: 0, read: () => Promise.resolve(der) });
    }
    if (id === SHROUDED_KEY_BAG) {
      const [algorithm, encrypted] = items(value);
      const plan = planDecryption(algorithm);
      const data = octets(encrypted);
      plans.push({ kind: 'key', rounds: plan.rounds, read: (password) => plan.decrypt(password, data) });
    }
    if (id === CERT_BAG) {
      const [certId, certValue] = items(value);
      const der = oidOf(certId) === X509_CERT ? octets(explicit(certValue)) : undefined;
      plans.push({ kind: 'certificate', der });
    }
  }
  return plans;
}

/** Counts the bags and charges their derivations; throws `too-costly` before anything is decrypted. */
export function admitBags(budget: Pkcs12Budget, plans: readonly BagPlan[]): void {
  const keys = plans.filter((p): p is Extract<BagPlan, { kind: 'key' }> => p.kind === 'key');
  budget.countBags(keys.length, plans.length - keys.length);
  budget.charge(keys.reduce((sum, p) => sum + p.rounds, 0));
}
