import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdentitySummary } from '../../../preload/domain';
import { IdentityService, type IdentityLogEntry } from '../../../main/identity/identity-service';
import { makeP12, makeSigner, makeWorkDir, openssl, P12_PASSWORD } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let dataDir: string;
let logs: IdentityLogEntry[];
let service: IdentityService;
const NOW = new Date('2026-03-01T09:00:00Z');

beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-identity-'));
  logs = [];
  service = new IdentityService({ dataDir, now: () => NOW, log: (e) => logs.push(e) });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function expectUsableFiles(summary: IdentitySummary): Promise<void> {
  const paths = service.paths();
  if (!paths) throw new Error('no paths');
  for (const file of [paths.certPath, paths.keyPath]) expect((await stat(file)).mode & 0o777).toBe(0o600);
  expect((await stat(path.dirname(paths.keyPath))).mode & 0o777).toBe(0o700);
  const cert = new X509Certificate(await readFile(paths.certPath));
  const key = createPrivateKey({ key: await readFile(paths.keyPath), format: 'der', type: 'pkcs8' });
  expect(cert.checkPrivateKey(key)).toBe(true);
  expect(cert.fingerprint256).toBe(summary.fingerprintSha256);
  // openssl reads both DER files as cfgutil's -C/-K would receive them.
  expect(await openssl(['x509', '-inform', 'DER', '-in', paths.certPath, '-noout', '-subject'])).toMatch(
    /CN ?= ?/,
  );
  expect(await openssl(['pkey', '-inform', 'DER', '-in', paths.keyPath, '-noout', '-text_pub'])).toMatch(
    /Public-Key/,
  );
}

function expectNoKeyMaterial(summary: IdentitySummary): void {
  expect(Object.keys(summary).sort()).toEqual([
    'fingerprintSha256',
    'notAfter',
    'notBefore',
    'organizationName',
    'source',
    'subject',
  ]);
}

describe('IdentityService', () => {
  it.each([false, true])(
    'imports a .p12 (legacy layout: %s) into DER certificate + PKCS#8 key',
    async (legacy) => {
      const p12 = await makeP12(work.dir, P12_PASSWORD, { legacy, name: 'Contoso Supervision' });
      const summary = await service.importP12({
        fileName: 'Contoso.p12',
        bytes: p12,
        password: P12_PASSWORD,
      });
      expect(summary.subject).toBe('CN=Contoso Supervision, O=Contoso Ltd');
      expect(summary.organizationName).toBe('Contoso Ltd');
      expect(summary.source).toBe('imported');
      expect(summary.notAfter).toBeGreaterThan(Date.now());
      expectNoKeyMaterial(summary);
      await expectUsableFiles(summary);
      expect(service.current()).toEqual(summary);
    },
  );

  it('refuses a wrong password without echoing it anywhere', async () => {
    const p12 = await makeP12(work.dir, P12_PASSWORD);
    const guess = 'Wr0ng-Guess-123';
    const attempt = service.importP12({ fileName: 'x.p12', bytes: p12, password: guess });
    await expect(attempt).rejects.toThrow(/The password is wrong/);
    const error = await attempt.catch((e: unknown) => e);
    expect(JSON.stringify(error)).not.toContain(guess);
    expect(String(error)).not.toContain(guess);
    expect(service.current()).toBeNull();
    expect(service.paths()).toBeNull();
  });

  it('never logs or returns the .p12 password', async () => {
    const p12 = await makeP12(work.dir, P12_PASSWORD);
    const summary = await service.importP12({ fileName: 'x.p12', bytes: p12, password: P12_PASSWORD });
    expect(logs).toHaveLength(1);
    expect(JSON.stringify([summary, logs])).not.toContain(P12_PASSWORD);
  });

  it('refuses a .p12 that holds only a certificate', async () => {
    const signer = await makeSigner(
      work.dir,
      'No Key',
      new Date(Date.now() - 1000),
      new Date(Date.now() + 86_400_000),
    );
    const out = path.join(work.dir, 'nokey.p12');
    await openssl([
      'pkcs12',
      '-export',
      '-nokeys',
      '-in',
      signer.certPath,
      '-out',
      out,
      '-passout',
      `pass:${P12_PASSWORD}`,
    ]);
    await expect(
      service.importP12({
        fileName: 'nokey.p12',
        bytes: new Uint8Array(await readFile(out)),
        password: P12_PASSWORD,
      }),
    ).rejects.toThrow(/no matching certificate and private key/);
  });

  it('refuses files that are not a .p12 with a plain message', async () => {
    await expect(
      service.importP12({ fileName: 'a.p12', bytes: new TextEncoder().encode('<?xml ?>'), password: 'x' }),
    ).rejects.toThrow(/not a usable supervision identity/);
    await expect(
      service.importP12({ fileName: 'a.p12', bytes: new Uint8Array(0), password: 'x' }),
    ).rejects.toThrow(/empty/);
  });

  it('creates a new organization identity: self-signed, CN and O = the name, 10 years', async () => {
    const summary = await service.create('  Contoso Schools  ');
    expect(summary).toMatchObject({
      organizationName: 'Contoso Schools',
      subject: 'CN=Contoso Schools, O=Contoso Schools',
      source: 'created',
    });
    expect(new Date(summary.notAfter).getUTCFullYear()).toBe(2036);
    expect(summary.notBefore).toBeLessThan(NOW.getTime());
    expectNoKeyMaterial(summary);
    await expectUsableFiles(summary);
    const cert = new X509Certificate(await readFile(service.paths()?.certPath ?? ''));
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.issuer).toBe(cert.subject);
  });

  it('refuses an empty, too long or multi-line organization name', async () => {
    for (const name of ['', '   ', 'x'.repeat(65), 'Contoso\nEvil']) {
      await expect(service.create(name)).rejects.toThrow(/organization name/);
    }
  });

  it('restores the identity in a new session and announces changes', async () => {
    const seen: (IdentitySummary | null)[] = [];
    service.onChanged((i) => seen.push(i));
    const created = await service.create('Fabrikam');
    expect(seen).toEqual([created]);
    const again = new IdentityService({ dataDir });
    expect(await again.restore()).toEqual(created);
    expect(again.paths()).toEqual(service.paths());
  });

  it('ignores a stored identity whose key was replaced', async () => {
    await service.create('Fabrikam');
    const other = await new IdentityService({ dataDir: path.join(dataDir, 'other') }).create('Other');
    expect(other.subject).toContain('Other');
    const otherKey = await readFile(path.join(dataDir, 'other', 'identity', 'supervision-key.der'));
    await writeFile(service.paths()?.keyPath ?? '', otherKey);
    expect(await new IdentityService({ dataDir }).restore()).toBeNull();
  });
});
