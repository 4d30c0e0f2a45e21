import { describe, expect, it } from 'vitest';
import { bmpPassword, pkcs12Kdf, pkcs12KdfRounds } from '../../../main/identity/pkcs12-kdf';

describe('pkcs12Kdf', () => {
  it('lets the event loop run while it hashes', async () => {
    const order: string[] = [];
    const tick = new Promise<void>((resolve) =>
      setImmediate(() => {
        order.push('event loop');
        resolve();
      }),
    );
    const derived = pkcs12Kdf('sha1', bmpPassword('pw'), new Uint8Array(8), 20_000, 1, 24).then(() => {
      order.push('derived');
    });
    await Promise.all([tick, derived]);
    expect(order).toEqual(['event loop', 'derived']);
  });

  it('counts one chain of iterations per output block', () => {
    expect(pkcs12KdfRounds('sha1', 2048, 24)).toBe(2 * 2048);
    expect(pkcs12KdfRounds('sha1', 2048, 8)).toBe(2048);
    expect(pkcs12KdfRounds('sha256', 2048, 32)).toBe(2048);
  });
});
