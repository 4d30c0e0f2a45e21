/**
 * Points pkijs at Node's WebCrypto, once, before any signature check or certificate build.
 *
 * pkijs looks its engine up globally; on Node it has to be told (./README.md P10).
 */
import { webcrypto } from 'node:crypto';
import { CryptoEngine, setEngine } from 'pkijs';

let installed = false;

export function ensurePkijsEngine(): void {
  if (installed) return;
  // pkijs types its parameter with the DOM `Crypto`; Node's webcrypto implements the same interface.
  type EngineCrypto = ConstructorParameters<typeof CryptoEngine>[0]['crypto'];
  setEngine('node', new CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto }));
  installed = true;
}
