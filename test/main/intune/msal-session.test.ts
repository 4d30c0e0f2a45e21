import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLOUDS } from '../../../main/intune/clouds';
import { IntuneError } from '../../../main/intune/intune-error';
import { MsalSession } from '../../../main/intune/msal-session';
import { TokenCacheFile } from '../../../main/intune/token-cache-file';
import { FakeEntraNetwork } from '../../fakes/fake-entra-network';
import { makeWorkDir } from '../profiles/profile-fixtures';
import { browser, memoryCipher } from './sign-in-helpers';

const tenantId = '72f988bf-0000-4000-8000-000000000001';
const clientId = '11111111-2222-4333-8444-555555555555';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeEach(async () => {
  work = await makeWorkDir();
});
afterEach(async () => {
  await work.cleanup();
});

function session(network: FakeEntraNetwork, cipher = memoryCipher()) {
  const cache = new TokenCacheFile(work.dir, cipher);
  const logs: string[] = [];
  const s = new MsalSession({
    tenantId,
    clientId,
    cloud: CLOUDS.global,
    cache,
    networkClient: network,
    log: (m, d) => logs.push(`${m} ${JSON.stringify(d)}`),
  });
  return { s, cache, logs, cipher };
}

describe('MSAL sign-in against a fake token endpoint', () => {
  it('signs in with auth code + PKCE through a loopback redirect, then refreshes silently from the encrypted cache', async () => {
    const network = new FakeEntraNetwork({ tenantId, clientId });
    const { s, cache, logs } = session(network);
    const signed = await s.signInInteractive(browser);
    expect(signed.username).toBe('admin@contoso.example');
    const tokenPost = network.calls.find((c) => c.method === 'POST');
    expect(tokenPost?.body).toContain('code_verifier=');
    expect(tokenPost?.body).toContain('grant_type=authorization_code');
    expect(decodeURIComponent(tokenPost?.body ?? '')).toContain('DeviceManagementServiceConfig.Read.All');

    // A second session on the same data folder finds the account in the encrypted cache.
    const again = session(network);
    const token = await again.s.getToken();
    expect(token.token).toBe(network.issued[0]);
    expect(await again.s.signedInAs()).toBe('admin@contoso.example');

    const onDisk = await readFile(cache.file);
    for (const secret of [...network.issued, 'fake-refresh-token-1']) {
      expect(onDisk.includes(Buffer.from(secret))).toBe(false);
      for (const line of logs) expect(line).not.toContain(secret);
    }
    expect((await readFile(cache.file)).length).toBeGreaterThan(100);
  });

  it('asks the token endpoint again with the refresh token once the access token has expired', async () => {
    const network = new FakeEntraNetwork({ tenantId, clientId, expiresInSeconds: 1 });
    const { s } = session(network);
    await s.signInInteractive(browser);
    const token = await s.getToken();
    expect(network.calls.filter((c) => c.method === 'POST').at(-1)?.body).toContain(
      'grant_type=refresh_token',
    );
    expect(token.token).toBe(network.issued.at(-1));
    expect(network.issued).toHaveLength(2);
  });

  it('says admin consent is missing for AADSTS65001', async () => {
    const network = new FakeEntraNetwork({
      tenantId,
      clientId,
      tokenError: {
        error: 'invalid_grant',
        error_description: 'AADSTS65001: The user or administrator has not consented to use the application.',
      },
    });
    const error = await session(network)
      .s.signInInteractive(browser)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntuneError);
    expect((error as IntuneError).reason).toBe('consent-not-granted');
    expect((error as IntuneError).info.detail).toMatch(/Grant admin consent/);
  });

  it('device code: passes Microsoft’s instruction on, and on failure says many tenants block it', async () => {
    const shown: string[] = [];
    const network = new FakeEntraNetwork({ tenantId, clientId });
    const ok = await session(network).s.signInDeviceCode((m) => shown.push(m));
    expect(ok.username).toBe('admin@contoso.example');
    expect(shown[0]).toMatch(/FAKE-CODE/);

    network.tokenError = {
      error: 'access_denied',
      error_description: 'AADSTS53003: Access has been blocked by Conditional Access policies.',
    };
    await work.cleanup();
    work = await makeWorkDir();
    const error = await session(network)
      .s.signInDeviceCode(() => undefined)
      .catch((e: unknown) => e);
    expect((error as IntuneError).reason).toBe('device-code-blocked');
    expect((error as IntuneError).info.detail).toMatch(/Many tenants block device-code sign-in/);
  });

  it('sign-out deletes the cache file and the key', async () => {
    const network = new FakeEntraNetwork({ tenantId, clientId });
    const { s, cipher } = session(network);
    await s.signInInteractive(browser);
    await s.signOut();
    expect(await readdir(path.join(work.dir, 'intune'))).toEqual([]);
    expect(cipher.forgotten).toBe(1);
    await expect(s.getToken()).rejects.toMatchObject({ reason: 'signed-out' });
  });
});

describe('sign-in without a secure store', () => {
  it('refuses to keep the sign-in in plain text and says why, leaving no cache file', async () => {
    const { IntuneService } = await import('../../../main/intune/intune-service');
    const { chooseCipher } = await import('../../../main/intune/cache-cipher');
    const network = new FakeEntraNetwork({ tenantId, clientId });
    const service = new IntuneService({
      dataDir: work.dir,
      profiles: { importBytes: async () => ({}) as never, current: () => null },
      cipher: chooseCipher({ platform: 'linux' }),
      networkClient: network,
    });
    const error = await service
      .connectSignIn({ tenantId, clientId, openBrowser: browser })
      .catch((e: unknown) => e);
    expect((error as IntuneError).reason).toBe('no-secure-store');
    expect((error as IntuneError).info.detail).toMatch(/never keeps tokens in plain text/);
    expect((await service.status()).connected).toBe(false);
    await expect(readdir(path.join(work.dir, 'intune'))).rejects.toThrow();
  });
});
