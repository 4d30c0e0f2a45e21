import { X509Certificate, createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pkcs12Error } from '../../../main/identity/pkcs12-asn1';
import { readPkcs12 } from '../../../main/identity/read-pkcs12';
import { makeP12, makeWorkDir, P12_PASSWORD } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});

describe('readPkcs12', () => {
  it.each([
    ['OpenSSL 3 default (PBES2, AES-256, HMAC-SHA256)', false],
    ['legacy 3DES key + RC2-40 certificate (the macOS export layout)', true],
  ])('reads a %s file', async (_label, legacy) => {
    const p12 = await makeP12(work.dir, P12_PASSWORD, { legacy, name: 'Contoso Supervision' });
    const contents = await readPkcs12(p12, P12_PASSWORD);
    expect(contents.certificates).toHaveLength(1);
    expect(contents.privateKeys).toHaveLength(1);
    const cert = new X509Certificate(contents.certificates[0] ?? new Uint8Array());
    expect(cert.subject).toContain('CN=Contoso Supervision');
    const key = createPrivateKey({
      key: Buffer.from(contents.privateKeys[0] ?? []),
      format: 'der',
      type: 'pkcs8',
    });
    expect(cert.checkPrivateKey(key)).toBe(true);
  });

  it.each([false, true])('refuses a wrong password (legacy %s) as wrong-password', async (legacy) => {
    const p12 = await makeP12(work.dir, P12_PASSWORD, { legacy });
    const error: unknown = await readPkcs12(p12, 'not-the-password').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Pkcs12Error);
    expect((error as Pkcs12Error).kind).toBe('wrong-password');
  });

  it('calls random and truncated bytes malformed, never crashing', async () => {
    const p12 = await makeP12(work.dir, P12_PASSWORD);
    for (const bytes of [
      new Uint8Array(0),
      p12.subarray(0, 40),
      p12.subarray(0, p12.length - 10),
      new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03]),
    ]) {
      await expect(readPkcs12(bytes, P12_PASSWORD)).rejects.toThrow(Pkcs12Error);
    }
  });
});
