/**
 * `intune connect --tenant … --client-id …` in-process: the CLI's sign-in path with MSAL for real, its network
 * client answered by the fake token service, the browser played by the test, and a test keystore.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runIntuneCommand } from '../../../main/cli/intune-command';
import { IntuneService } from '../../../main/intune/intune-service';
import { FakeEntraNetwork } from '../../fakes/fake-entra-network';
import { makeWorkDir } from '../profiles/profile-fixtures';
import { browser, memoryCipher } from '../intune/sign-in-helpers';

const tenantId = '72f988bf-0000-4000-8000-000000000001';
const clientId = '11111111-2222-4333-8444-555555555555';
let work: Awaited<ReturnType<typeof makeWorkDir>>;
let network: FakeEntraNetwork;

beforeEach(async () => {
  work = await makeWorkDir();
  network = new FakeEntraNetwork({ tenantId, clientId });
});
afterEach(async () => {
  await work.cleanup();
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runIntuneCommand(argv, {
    out: (t) => (out += `${t}\n`),
    err: (t) => (err += `${t}\n`),
    env: { ENROLL_BENCH_DATA: work.dir },
    makeService: (dataDir, profiles) =>
      new IntuneService({ dataDir, profiles, cipher: memoryCipher(), networkClient: network }),
    openBrowser: browser,
  });
  return { code, out, err };
}

describe('intune connect with a sign-in', () => {
  it('browser sign-in: says who signed in; status shows the encrypted cache; disconnect deletes it', async () => {
    const r = await cli('connect', '--tenant', tenantId, '--client-id', clientId);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Signed in to Intune as admin@contoso\.example/);
    const status = JSON.parse((await cli('status', '--json')).out);
    expect(status).toMatchObject({
      connected: true,
      mode: 'sign-in',
      tenantId,
      clientId,
      protection: 'test keystore',
    });
    const cache = await readFile(path.join(work.dir, 'intune', 'token-cache.bin'));
    expect(cache.includes(Buffer.from(network.issued[0]!))).toBe(false);
    expect(r.out + r.err).not.toContain(network.issued[0]!);
    expect((await cli('disconnect')).code).toBe(0);
    await expect(readFile(path.join(work.dir, 'intune', 'token-cache.bin'))).rejects.toThrow();
  });

  it('device code: prints Microsoft’s instruction and warns that many tenants block it', async () => {
    const r = await cli('connect', '--tenant', tenantId, '--client-id', clientId, '--device-code');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/enter the code FAKE-CODE/);
    expect(r.err).toMatch(/Many tenants block device-code sign-in/);
  });
});
