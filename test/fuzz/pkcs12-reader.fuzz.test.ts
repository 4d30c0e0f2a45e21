/**
 * The .p12 reader under mutated files and random passwords: it either returns the contents or throws a
 * `Pkcs12Error` of a known kind, and never charges more password hashing than the per-file budget (work is
 * counted by the budget itself, before any of it runs).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pkcs12Error } from '../../main/identity/pkcs12-asn1';
import { MAX_KDF_ROUNDS_PER_FILE, Pkcs12Budget } from '../../main/identity/pkcs12-budget';
import { readPkcs12 } from '../../main/identity/read-pkcs12';
import { certBag, legacy3des, pbes2, pfx, plainSection, shroudedKeyBag } from '../main/identity/p12-crafting';
import { makeP12, makeWorkDir, P12_PASSWORD } from '../main/profiles/profile-fixtures';
import { FUZZ_TIMEOUT_MS, fuzzParameters, isSafeText, within } from './fuzz-settings';
import { mutated } from './mutations';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let fixtures: Uint8Array[] = [];

beforeAll(async () => {
  work = await makeWorkDir();
  fixtures = [
    await makeP12(work.dir, P12_PASSWORD),
    await makeP12(work.dir, P12_PASSWORD, { legacy: true }),
    pfx([plainSection([shroudedKeyBag(pbes2(2048)), certBag()])], 2048),
    pfx([plainSection([shroudedKeyBag(legacy3des(2048)), certBag()])]),
  ];
});
afterAll(async () => {
  await work.cleanup();
});

const KINDS = ['wrong-password', 'malformed', 'unsupported', 'too-costly'];

async function expectTypedRead(bytes: Uint8Array, password: string): Promise<void> {
  const budget = new Pkcs12Budget();
  try {
    const contents = await within(20_000, 'readPkcs12', readPkcs12(bytes, password, budget));
    expect(contents).toBeTypeOf('object');
  } catch (error) {
    expect(error).toBeInstanceOf(Pkcs12Error);
    const e = error as Pkcs12Error;
    expect(KINDS).toContain(e.kind);
    expect(isSafeText(e.message)).toBe(true);
    if (password.length >= 4) expect(e.message.includes(password)).toBe(false);
  }
  expect(budget.roundsCharged).toBeLessThanOrEqual(MAX_KDF_ROUNDS_PER_FILE);
}

describe('.p12 reader fuzz', () => {
  it(
    'answers mutated .p12 files with contents or a typed refusal, within the hashing budget',
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const password = fc.oneof(fc.constant(P12_PASSWORD), fc.string({ maxLength: 24 }));
      await fc.assert(fc.asyncProperty(mutated(fixtures, 4), password, expectTypedRead), fuzzParameters(60));
    },
  );

  it('answers random bytes that start like DER', { timeout: FUZZ_TIMEOUT_MS }, async () => {
    const bytes = fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0x30, 0x82, ...b]));
    await fc.assert(
      fc.asyncProperty(bytes, async (b) => expectTypedRead(b, P12_PASSWORD)),
      fuzzParameters(100),
    );
  });
});
