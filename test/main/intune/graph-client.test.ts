import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphClient, parseRetryAfter } from '../../../main/intune/graph-client';
import { IntuneApi } from '../../../main/intune/intune-api';
import { IntuneError } from '../../../main/intune/intune-error';
import { FakeIntune } from '../../../main/sim/intune/fake-intune';

let fake: FakeIntune;
let waits: number[];

function client(extra: Partial<ConstructorParameters<typeof GraphClient>[0]> = {}): GraphClient {
  return new GraphClient({
    root: fake.url,
    getToken: async () => 'token-abc',
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<IntuneError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntuneError);
  return error as IntuneError;
}

beforeEach(async () => {
  fake = FakeIntune.withShippedProfiles({ pageSize: 2, tokens: ['token-abc'] });
  await fake.listen();
  waits = [];
});
afterEach(async () => {
  await fake.close();
});

describe('GraphClient', () => {
  it('sends the bearer token and a fresh client-request-id on each request', async () => {
    const api = new IntuneApi(client());
    await api.accountId();
    await api.accountId();
    const ids = fake.requests.map((r) => r.clientRequestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(fake.requests[0]?.authorization).toBe('Bearer token-abc');
  });

  it('follows @odata.nextLink across pages and keeps unknown fields', async () => {
    const api = new IntuneApi(client());
    const profiles = await api.listProfiles(fake.accountId);
    expect(profiles.map((p) => p.name)).toEqual([
      'iPad carts (SCEP)',
      'Loaner iPhones (ACME)',
      'Staff iPhones (with user)',
    ]);
    expect(fake.requests.filter((r) => r.path.endsWith('/enrollmentProfiles'))).toHaveLength(2);
    const raw = await client().getJson(
      '/beta/deviceManagement',
      z.looseObject({ intuneAccountId: z.string() }),
      'x',
    );
    expect(raw).toMatchObject({ subscriptionState: 'active' });
  });

  it('stops paging at the bound instead of following the list forever', async () => {
    for (let i = 0; i < 10; i++) fake.addProfile({ displayName: `Extra ${i}` });
    const api = new IntuneApi(client({ maxPages: 3 }));
    const error = await failure(api.listProfiles(fake.accountId));
    expect(error.reason).toBe('malformed-response');
    expect(error.info.detail).toMatch(/past 3 pages/);
  });

  it('shows user-affinity profiles but marks them refused with why', async () => {
    const profiles = await new IntuneApi(client()).listProfiles(fake.accountId);
    const affinity = profiles.find((p) => p.userAffinity);
    expect(affinity?.refusal).toMatch(/user affinity/);
    expect(profiles.filter((p) => !p.userAffinity).every((p) => p.refusal === undefined)).toBe(true);
  });

  it('waits what Retry-After says on 429, then succeeds', async () => {
    fake.fail('throttle', { times: 2 });
    const id = await new IntuneApi(client()).accountId();
    expect(id).toBe(fake.accountId);
    expect(waits).toEqual([1000, 1000]);
  });

  it('backs off exponentially on 429 without Retry-After and on 503, and gives up after the bound', async () => {
    fake.fail('throttle-no-retry-after', { times: 1 });
    fake.fail('unavailable', { times: 10 });
    const error = await failure(new IntuneApi(client({ maxRetries: 3 })).accountId());
    expect(waits).toEqual([1000, 2000, 4000]);
    expect(error.reason).toBe('throttled');
    expect(error.info.retryable).toBe(true);
    expect(fake.requests).toHaveLength(4);
  });

  it('caps a long Retry-After at the longest wait', async () => {
    await fake.close();
    fake = FakeIntune.withShippedProfiles({ retryAfterSeconds: 3600 });
    await fake.listen();
    fake.fail('throttle');
    await new IntuneApi(client({ maxWaitMs: 5000 })).accountId();
    expect(waits).toEqual([5000]);
  });

  it('parses Retry-After as seconds or an HTTP date, and nothing else', () => {
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('times out a request that never answers', async () => {
    const never: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      );
    const error = await failure(
      new IntuneApi(client({ fetch: never, timeoutMs: 20, maxRetries: 1 })).accountId(),
    );
    expect(error.reason).toBe('timed-out');
    expect(waits).toHaveLength(1);
  });

  it('refuses a next-page link to another host (the token must not follow it)', async () => {
    const forged: typeof fetch = async () =>
      new Response(JSON.stringify({ value: [], '@odata.nextLink': 'https://evil.example/steal' }), {
        status: 200,
      });
    const error = await failure(
      client({ fetch: forged }).getAll('/beta/x', z.looseObject({}), 'list things'),
    );
    expect(error.info.detail).toMatch(/another host/);
  });

  it('refuses an oversized body before parsing it', async () => {
    const big: typeof fetch = async () => new Response('x'.repeat(5000), { status: 200 });
    const error = await failure(
      client({ fetch: big, maxBodyBytes: 1000 }).getJson('/beta/x', z.looseObject({}), 'read x'),
    );
    expect(error.info.detail).toMatch(/larger than 1000 bytes/);
  });
});

describe('Graph failures in admin words, with request-id and Activity ID', () => {
  const cases = [
    ['unauthorized', 'token-expired', /Sign in again/],
    ['missing-scope', 'missing-scope', /DeviceManagementServiceConfig\.Read\.All.*admin consent/],
    ['missing-role', 'missing-role', /Intune role/],
    ['no-licence', 'no-licence', /licence/],
    ['server-error', 'server-error', /try again/],
    ['malformed-json', 'malformed-response', /not JSON/],
    ['missing-field', 'malformed-response', /intuneAccountId: missing/],
  ] as const;
  for (const [fault, reason, words] of cases) {
    it(`${fault} → ${reason}`, async () => {
      fake.fail(fault);
      const error = await failure(new IntuneApi(client()).accountId());
      expect(error.reason).toBe(reason);
      expect(error.info.detail).toMatch(words);
      const sent = fake.requests.at(-1)?.clientRequestId;
      if (fault !== 'malformed-json' && fault !== 'missing-field') {
        expect(error.info.detail).toContain(`Activity ID ${sent}`);
        expect(error.info.detail).toMatch(/request-id [0-9a-f-]{36}/);
      }
      expect(error.info.detail).not.toContain('token-abc');
    });
  }

  it('says the profile was deleted when it vanishes between list and export', async () => {
    const api = new IntuneApi(client());
    fake.fail('delete-before-export', { match: '/enrollmentProfiles' });
    const [first] = await api.listProfiles(fake.accountId);
    const error = await failure(api.exportMobileConfig(fake.accountId, first!));
    expect(error.reason).toBe('profile-deleted');
    expect(error.info.detail).toContain('iPad carts (SCEP)');
  });

  it('names a missing field in a list item', async () => {
    fake.fail('missing-field', { match: '/enrollmentProfiles' });
    const error = await failure(new IntuneApi(client()).listProfiles(fake.accountId));
    expect(error.info.detail).toMatch(/item 1: displayName: missing/);
  });
});
