/**
 * One work budget per .p12 file. Each derivation is capped on its own (MAX_ITERATIONS), but a crafted file can
 * hold many encrypted bags, each asking for a capped derivation, and all of it used to run synchronously in the
 * main process. The reader charges every derivation here *before* running it, and counts the bags, so a hostile
 * file is refused up front instead of freezing the app for minutes.
 */
import { tooCostly } from './pkcs12-asn1';

/**
 * Hash rounds (iterations × output blocks, summed over all derivations: MAC, every encrypted section, every
 * shrouded key) allowed per file. A real Apple Configurator / Keychain export uses 2048 iterations for the MAC,
 * the certificate section (RC2: key + IV = 2 chains) and the key (3DES: 2 key blocks + IV = 3 chains), about
 * 12,000 rounds; OpenSSL 3's layout is about 8,000. 2,000,000 is over 150 times that, still fits one file with
 * every derivation at the per-derivation cap, and bounds the worst case to seconds of (yielding) hashing
 * instead of minutes of blocking.
 */
export const MAX_KDF_ROUNDS_PER_FILE = 2_000_000;

/** A supervision identity is one key; 8 leaves room for a few extra identities in one export. */
export const MAX_KEY_BAGS = 8;

/** One certificate plus its chain; 32 is far beyond any real chain. */
export const MAX_CERT_BAGS = 32;

export class Pkcs12Budget {
  private rounds = 0;
  private keys = 0;
  private certs = 0;

  /** Rounds charged so far (for tests and the log). */
  get roundsCharged(): number {
    return this.rounds;
  }

  /** Reserves `rounds` of hashing, or throws `too-costly` without reserving anything. */
  charge(rounds: number): void {
    if (this.rounds + rounds > MAX_KDF_ROUNDS_PER_FILE) {
      throw tooCostly(
        `asks for over ${(this.rounds + rounds).toLocaleString('en-US')} rounds of password hashing`,
      );
    }
    this.rounds += rounds;
  }

  /** Counts key and certificate bags as they are found, before any of them is decrypted. */
  countBags(keys: number, certs: number): void {
    this.keys += keys;
    this.certs += certs;
    if (this.keys > MAX_KEY_BAGS) throw tooCostly(`holds more than ${MAX_KEY_BAGS} private keys`);
    if (this.certs > MAX_CERT_BAGS) throw tooCostly(`holds more than ${MAX_CERT_BAGS} certificates`);
  }
}
