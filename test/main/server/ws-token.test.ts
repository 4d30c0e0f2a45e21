import { describe, expect, it } from 'vitest';
import type { GuardConfig } from '../../../main/server/request-guard';
import { allowedHostsFor } from '../../../main/server/server-hosts';
import { checkUpgrade, offeredProtocols } from '../../../main/server/ws-token';

const config: GuardConfig = {
  allowedHosts: allowedHostsFor('127.0.0.1', 4000),
  token: 'abcdefghijklmnop',
  cookieName: 'enroll_bench_4000',
  staticKey: 'static-key-qrstuvwxyz',
};
const host = '127.0.0.1:4000';

describe('offeredProtocols', () => {
  it('splits repeated and comma-separated headers, dropping blanks', () => {
    expect(offeredProtocols('a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(offeredProtocols(['a', 'b, c'])).toEqual(['a', 'b', 'c']);
    expect(offeredProtocols(undefined)).toEqual([]);
  });
});

describe('checkUpgrade', () => {
  it('accepts the token subprotocol beside the bench protocol, in either order', () => {
    for (const header of [
      'enroll-bench.v1, enroll-bench.token.abcdefghijklmnop',
      'enroll-bench.token.abcdefghijklmnop, enroll-bench.v1',
    ]) {
      expect(checkUpgrade({ host, 'sec-websocket-protocol': header }, config)).toBeUndefined();
    }
  });

  it.each([
    ['no subprotocol at all', {}],
    ['the cookie alone', { cookie: 'enroll_bench_4000=static-key-qrstuvwxyz' }],
    ['the token as a cookie', { cookie: 'enroll_bench_4000=abcdefghijklmnop' }],
    ['a wrong token', { 'sec-websocket-protocol': 'enroll-bench.v1, enroll-bench.token.abcdefghijklmnoX' }],
    [
      'the token without the bench protocol',
      { 'sec-websocket-protocol': 'enroll-bench.token.abcdefghijklmnop' },
    ],
    [
      'two token protocols',
      {
        'sec-websocket-protocol':
          'enroll-bench.v1, enroll-bench.token.abcdefghijklmnop, enroll-bench.token.zzzzzzzzzzzzzzzz',
      },
    ],
  ])('refuses %s with 401', (_case, headers) => {
    expect(checkUpgrade({ host, ...headers }, config)).toMatchObject({ ok: false, status: 401 });
  });

  it('checks Host and Origin before the token', () => {
    const protocol = 'enroll-bench.v1, enroll-bench.token.abcdefghijklmnop';
    expect(
      checkUpgrade({ host: 'evil.example:4000', 'sec-websocket-protocol': protocol }, config),
    ).toMatchObject({ status: 403 });
    expect(
      checkUpgrade({ host, origin: 'http://evil.example', 'sec-websocket-protocol': protocol }, config),
    ).toMatchObject({ status: 403 });
  });
});
