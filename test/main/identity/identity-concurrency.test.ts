import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IdentityService } from '../../../main/identity/identity-service';
import { IdentityStore } from '../../../main/identity/identity-store';
import { makeP12, makeWorkDir, P12_PASSWORD } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let p12s: Uint8Array[];
let dataDir: string;

beforeAll(async () => {
  work = await makeWorkDir();
  // One at a time: makeP12 reuses its output file name.
  p12s = [];
  for (const name of ['Alpha Supervision', 'Beta Supervision', 'Gamma Supervision'])
    p12s.push(await makeP12(work.dir, P12_PASSWORD, { name }));
});
afterAll(async () => {
  await work.cleanup();
});
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-identity-race-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The fingerprint of the certificate on disk, after checking that the key on disk belongs to it. */
async function storedPairFingerprint(service: IdentityService): Promise<string> {
  const paths = service.paths();
  if (!paths) throw new Error('no identity stored');
  const cert = new X509Certificate(await readFile(paths.certPath));
  const key = createPrivateKey({ key: await readFile(paths.keyPath), format: 'der', type: 'pkcs8' });
  expect(cert.checkPrivateKey(key)).toBe(true);
  return cert.fingerprint256;
}

describe('concurrent identity imports', () => {
  it('leave one matching certificate and key on disk, the one current() and a restore report', async () => {
    const service = new IdentityService({ dataDir });
    const summaries = await Promise.all([
      ...p12s.map((bytes, i) => service.importP12({ fileName: `${i}.p12`, bytes, password: P12_PASSWORD })),
      service.create('Delta Schools'),
    ]);
    expect(new Set(summaries.map((s) => s.fingerprintSha256)).size).toBe(4);
    const last = summaries.at(-1);
    expect(last?.subject).toBe('CN=Delta Schools, O=Delta Schools');
    expect(service.current()).toEqual(last);
    expect(await storedPairFingerprint(service)).toBe(last?.fingerprintSha256);
    expect(await new IdentityService({ dataDir }).restore()).toEqual(last);
    expect((await readdir(path.join(dataDir, 'identity'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed import queued between two good ones changes nothing', async () => {
    const service = new IdentityService({ dataDir });
    const [first, wrong, second] = await Promise.allSettled([
      service.importP12({ fileName: 'a.p12', bytes: p12s[0] ?? new Uint8Array(), password: P12_PASSWORD }),
      service.importP12({ fileName: 'b.p12', bytes: p12s[1] ?? new Uint8Array(), password: 'wrong' }),
      service.importP12({ fileName: 'c.p12', bytes: p12s[2] ?? new Uint8Array(), password: P12_PASSWORD }),
    ]);
    expect(first.status).toBe('fulfilled');
    expect(wrong.status).toBe('rejected');
    expect(second.status === 'fulfilled' && second.value.subject).toMatch(/Gamma/);
    expect(await storedPairFingerprint(service)).toBe(service.current()?.fingerprintSha256);
  });
});

describe('IdentityStore', () => {
  it('reads a certificate and key written after the meta of another identity as no identity', async () => {
    const alpha = new IdentityService({ dataDir });
    await alpha.importP12({ fileName: 'a.p12', bytes: p12s[0] ?? new Uint8Array(), password: P12_PASSWORD });
    const otherDir = path.join(dataDir, 'other');
    await new IdentityService({ dataDir: otherDir }).create('Other Org');
    // A crash after the next save renamed its key and certificate into place, before its identity.json.
    const other = new IdentityStore(otherDir).paths;
    const store = new IdentityStore(dataDir);
    await writeFile(store.paths.keyPath, await readFile(other.keyPath));
    await writeFile(store.paths.certPath, await readFile(other.certPath));
    expect(await store.load()).toBeNull();
    expect(await new IdentityService({ dataDir }).restore()).toBeNull();
  });
});
