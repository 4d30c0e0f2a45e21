import { describe, expect, it } from 'vitest';
import { checkRequest, readCookie, tokensMatch, type GuardConfig } from '../../../main/server/request-guard';
import { allowedHostsFor, hostForUrl } from '../../../main/server/server-hosts';

const config: GuardConfig = {
  allowedHosts: allowedHostsFor('127.0.0.1', 4000),
  token: 'abcdefghijklmnop',
  cookieName: 'enroll_bench_4000',
  staticKey: 'static-key-qrstuvwxyz',
};

describe('readCookie', () => {
  it('finds a cookie among others and ignores look-alike names', () => {
    expect(readCookie('a=1; enroll_bench_4000=tok; b=2', 'enroll_bench_4000')).toBe('tok');
    expect(readCookie('xenroll_bench_4000=tok', 'enroll_bench_4000')).toBeUndefined();
    expect(readCookie(undefined, 'enroll_bench_4000')).toBeUndefined();
  });
});

describe('tokensMatch', () => {
  it('matches only the exact token', () => {
    expect(tokensMatch('abcdefghijklmnop', 'abcdefghijklmnop')).toBe(true);
    expect(tokensMatch('abcdefghijklmno', 'abcdefghijklmnop')).toBe(false);
    expect(tokensMatch(null, 'abcdefghijklmnop')).toBe(false);
  });
});

describe('checkRequest', () => {
  it('accepts every loopback spelling of its own host and origin', () => {
    for (const name of ['127.0.0.1', 'localhost', '[::1]']) {
      const verdict = checkRequest(
        { host: `${name}:4000`, origin: `http://${name}:4000` },
        config.token,
        config,
      );
      expect(verdict).toEqual({ ok: true, tokenFrom: 'query' });
    }
  });

  it('refuses https or other-port origins and odd hosts', () => {
    expect(
      checkRequest({ host: '127.0.0.1:4000', origin: 'https://127.0.0.1:4000' }, config.token, config),
    ).toMatchObject({ status: 403 });
    expect(checkRequest({ host: '127.0.0.1:4001' }, config.token, config)).toMatchObject({ status: 403 });
    expect(checkRequest({}, config.token, config)).toMatchObject({ status: 403 });
  });

  it('reports where the credential came from; the cookie holds the static key, never the token', () => {
    const host = '127.0.0.1:4000';
    expect(checkRequest({ host, cookie: 'enroll_bench_4000=static-key-qrstuvwxyz' }, null, config)).toEqual({
      ok: true,
      tokenFrom: 'cookie',
    });
    expect(checkRequest({ host, cookie: 'enroll_bench_4000=abcdefghijklmnop' }, null, config)).toMatchObject({
      status: 401,
    });
    expect(
      checkRequest({ host, cookie: 'enroll_bench_4001=static-key-qrstuvwxyz' }, null, config),
    ).toMatchObject({ status: 401 });
    expect(checkRequest({ host, authorization: 'Bearer abcdefghijklmnop' }, null, config)).toEqual({
      ok: true,
      tokenFrom: 'header',
    });
    expect(checkRequest({ host, authorization: 'Basic abcdefghijklmnop' }, null, config)).toMatchObject({
      status: 401,
    });
  });
});

describe('allowedHostsFor', () => {
  it('accepts only the given name for a non-loopback bind', () => {
    expect([...allowedHostsFor('192.168.1.5', 80)]).toEqual(['192.168.1.5:80']);
    expect(hostForUrl('::1')).toBe('[::1]');
  });
});
