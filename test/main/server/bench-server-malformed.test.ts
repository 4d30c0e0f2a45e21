/**
 * Request targets Node's HTTP parser accepts but `new URL` rejects: each used to throw inside the request or
 * upgrade handler, an uncaught exception that ended the server before any authentication.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchServer, type BenchServer } from '../../../main/server/bench-server';
import { createFakeBenchHost } from './fake-bench-host';
import { rawExchange, rawGet } from './http-helpers';

const token = 'malformed-token-0123456789';
let server: BenchServer;
let host: string;

const hostileTargets = ['//[', 'http://[::1/', 'http://%zz/', 'http://a:99999/'];

beforeAll(async () => {
  server = await startBenchServer({ host: createFakeBenchHost().host, rendererDir: '/nonexistent', token });
  host = `127.0.0.1:${server.port}`;
});

afterAll(() => server.close());

/** The server is still alive and still guarding: a good WebSocket-path request gets its usual 426. */
async function expectStillServing(): Promise<void> {
  const res = await rawGet(server.port, `/ws?token=${token}`, { host });
  expect(res.status).toBe(426);
}

describe('startBenchServer with malformed request targets', () => {
  it.each(hostileTargets)('answers 400 to GET %s and keeps serving', async (target) => {
    const response = await rawExchange(
      server.port,
      `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`,
    );
    expect(response.text).toMatch(/^HTTP\/1\.1 400 /);
    expect(response.text).toContain('Content-Security-Policy');
    await expectStillServing();
  });

  it.each(hostileTargets)('drops a WebSocket upgrade to %s and keeps serving', async (target) => {
    const response = await rawExchange(
      server.port,
      [
        `GET ${target} HTTP/1.1`,
        `Host: ${host}`,
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        '',
        '',
      ].join('\r\n'),
    );
    expect(response).toEqual({ text: '', closedByServer: true });
    await expectStillServing();
  });

  it('survives odd headers: a bad Origin, a cookie without values, a double-encoded token', async () => {
    const odd = [
      { host, origin: 'http://[::1' },
      { host, cookie: ';;=;=x; enroll_bench_=%zz; ===' },
      { host: `${host}`, cookie: `enroll_bench_${server.port}=%E0%A4%A` },
    ];
    for (const headers of odd) {
      expect([401, 403]).toContain((await rawGet(server.port, '/%E0%A4%A?token=%zz', headers)).status);
    }
    await expectStillServing();
  });
});
