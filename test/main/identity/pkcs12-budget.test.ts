import * as crypto from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BenchError } from '../../../main/errors/bench-error';
import { IdentityService } from '../../../main/identity/identity-service';
import { Pkcs12Error } from '../../../main/identity/pkcs12-asn1';
import {
  MAX_CERT_BAGS,
  MAX_KDF_ROUNDS_PER_FILE,
  MAX_KEY_BAGS,
  Pkcs12Budget,
} from '../../../main/identity/pkcs12-budget';
import * as kdf from '../../../main/identity/pkcs12-kdf';
import type * as Kdf from '../../../main/identity/pkcs12-kdf';
import { readPkcs12 } from '../../../main/identity/read-pkcs12';
import { makeP12, makeWorkDir, P12_PASSWORD } from '../profiles/profile-fixtures';
import {
  certBag,
  encryptedSection,
  legacy3des,
  pbes2,
  pfx,
  plainSection,
  realEncryptedSection,
  shroudedKeyBag,
} from './p12-crafting';

// The real derivations, wrapped in spies: the tests prove a refusal comes *before* any expensive hashing by
// looking at what was called, never at the clock.
vi.mock('../../../main/identity/pkcs12-kdf', async (importOriginal) => {
  const original = await importOriginal<typeof Kdf>();
  return { ...original, pkcs12Kdf: vi.fn(original.pkcs12Kdf) };
});
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, pbkdf2: vi.fn(original.pbkdf2) };
});

const pkcs12KdfSpy = vi.mocked(kdf.pkcs12Kdf);
const pbkdf2Spy = vi.mocked(crypto.pbkdf2);

/** Hash rounds the spied derivations actually ran (iterations × output blocks). */
function roundsRun(): number {
  const legacy = pkcs12KdfSpy.mock.calls.reduce(
    (sum, [hash, , , iterations, , length]) => sum + kdf.pkcs12KdfRounds(hash, iterations, length),
    0,
  );
  const hashSize: Readonly<Record<string, number>> = { sha1: 20, sha256: 32, sha384: 48, sha512: 64 };
  const modern = pbkdf2Spy.mock.calls.reduce((sum, call) => {
    const [, , iterations, keyLength, digest] = call as unknown as [unknown, unknown, number, number, string];
    return sum + iterations * Math.ceil(keyLength / (hashSize[digest] ?? 1));
  }, 0);
  return legacy + modern;
}

async function expectTooCostly(bytes: Uint8Array, message: RegExp): Promise<Pkcs12Budget> {
  const budget = new Pkcs12Budget();
  const error: unknown = await readPkcs12(bytes, P12_PASSWORD, budget).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Pkcs12Error);
  expect((error as Pkcs12Error).kind).toBe('too-costly');
  expect((error as Pkcs12Error).message).toMatch(message);
  return budget;
}

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});
beforeEach(() => {
  pkcs12KdfSpy.mockClear();
  pbkdf2Spy.mockClear();
});

describe('readPkcs12 work budget', () => {
  it.each([false, true])(
    'charges exactly the rounds a real export (legacy: %s) runs, far below the budget',
    async (legacy) => {
      const p12 = await makeP12(work.dir, P12_PASSWORD, { legacy });
      const budget = new Pkcs12Budget();
      const contents = await readPkcs12(p12, P12_PASSWORD, budget);
      expect(contents.privateKeys).toHaveLength(1);
      expect(roundsRun()).toBeGreaterThan(0);
      expect(budget.roundsCharged).toBe(roundsRun());
      expect(budget.roundsCharged).toBeLessThan(MAX_KDF_ROUNDS_PER_FILE / 100);
    },
  );

  it.each([
    ['50 million MAC iterations', pfx([plainSection([certBag()])], 50_000_000), /50,000,000 times/],
    ['a 64-bit MAC iteration count', pfx([plainSection([certBag()])], 2n ** 62n), /trillions/],
    [
      'a key bag with 10 million PBKDF2 iterations',
      pfx([plainSection([shroudedKeyBag(pbes2(10_000_000))])]),
      /10,000,000 times/,
    ],
    [
      'an encrypted section with 5 million legacy iterations',
      pfx([encryptedSection(legacy3des(5_000_000))], 2048),
      /5,000,000 times/,
    ],
  ])('refuses %s before deriving anything', async (_label, bytes, message) => {
    await expectTooCostly(bytes, message);
    expect(pkcs12KdfSpy).not.toHaveBeenCalled();
    expect(pbkdf2Spy).not.toHaveBeenCalled();
  });

  it('refuses many derivations that are each allowed but together exceed the budget, before any runs', async () => {
    // Each legacy section at the per-derivation cap costs 3 chains of 200,000 rounds; four of them exceed 2M.
    const sections = Array.from({ length: 4 }, () => encryptedSection(legacy3des(kdf.MAX_ITERATIONS)));
    const budget = await expectTooCostly(pfx(sections, 2048), /rounds of password hashing/);
    expect(budget.roundsCharged).toBe(0);
    expect(pkcs12KdfSpy).not.toHaveBeenCalled();
  });

  it(`refuses more than ${MAX_KEY_BAGS} private keys before decrypting any`, async () => {
    const keys = Array.from({ length: MAX_KEY_BAGS + 1 }, () => shroudedKeyBag(pbes2(1)));
    await expectTooCostly(pfx([plainSection(keys)]), /more than 8 private keys/);
    expect(pbkdf2Spy).not.toHaveBeenCalled();
  });

  it(`refuses more than ${MAX_CERT_BAGS} certificates`, async () => {
    const certs = Array.from({ length: MAX_CERT_BAGS + 1 }, () => certBag());
    await expectTooCostly(pfx([plainSection(certs)]), /more than 32 certificates/);
  });

  it('counts keys found inside an encrypted section before decrypting them', async () => {
    const keys = Array.from({ length: MAX_KEY_BAGS + 1 }, () => shroudedKeyBag(pbes2(1)));
    await expectTooCostly(pfx([realEncryptedSection(keys, P12_PASSWORD, 16)]), /more than 8 private keys/);
    // Only the section itself was derived; none of the nine keys.
    expect(pbkdf2Spy).toHaveBeenCalledTimes(1);
    expect(pbkdf2Spy.mock.calls[0]?.[2]).toBe(16);
  });

  it('refuses through IdentityService as a plain-language BenchError that says to export again', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-budget-'));
    try {
      const service = new IdentityService({ dataDir });
      const error: unknown = await service
        .importP12({
          fileName: 'huge.p12',
          bytes: pfx([plainSection([certBag()])], 50_000_000),
          password: 'x',
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BenchError);
      const info = (error as BenchError).info;
      expect(info.code).toBe('invalid-request');
      expect(info.title).toBe('This identity file would take too long to open');
      expect(info.detail).toMatch(/50,000,000 times/);
      expect(info.detail).toMatch(/Export the identity again from Apple Configurator/);
      expect(pkcs12KdfSpy).not.toHaveBeenCalled();
      expect(service.current()).toBeNull();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
