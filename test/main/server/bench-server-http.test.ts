import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBenchServer, type BenchServer } from '../../../main/server/bench-server';
import { createFakeBenchHost } from './fake-bench-host';
import { rawGet } from './http-helpers';

const token = 'test-token-0123456789abcdef';
let dir: string;
let server: BenchServer;
let host: string;
let cookie: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'bench-server-'));
  const renderer = path.join(dir, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>bench</title>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(renderer, 'assets', 'app.css'), 'body{}');
  await writeFile(path.join(dir, 'secret.txt'), 'TOP-SECRET');
  server = await startBenchServer({ host: createFakeBenchHost().host, rendererDir: renderer, token });
  host = `127.0.0.1:${server.port}`;
  // The cookie the page gets on its first load: name=value, without the attributes.
  const first = await rawGet(server.port, `/?token=${token}`, { host });
  cookie = String(first.headers['set-cookie']?.[0]).split(';')[0] ?? '';
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('startBenchServer over HTTP', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(server.watchUrl).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}&control=${server.controlToken}`);
    expect(server.token).toBe(token);
  });

  it('generates a long URL-safe token when none is given', async () => {
    const other = await startBenchServer({ host: createFakeBenchHost().host, rendererDir: dir });
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.token).not.toBe(token);
      expect(other.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/);
    } finally {
      await other.close();
    }
  });

  it('refuses a token that could break the cookie', async () => {
    await expect(
      startBenchServer({ host: createFakeBenchHost().host, rendererDir: dir, token: 'short; x=1' }),
    ).rejects.toThrow(/URL-safe/);
  });

  it('refuses the page without a token', async () => {
    const res = await rawGet(server.port, '/', { host });
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('<title>');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a wrong token in the query or the cookie', async () => {
    expect((await rawGet(server.port, '/?token=test-token-0123456789abcdeX', { host })).status).toBe(401);
    expect(
      (await rawGet(server.port, '/', { host, cookie: `enroll_bench_${server.port}=nope` })).status,
    ).toBe(401);
  });

  it('serves the page with the token and sets a strict HttpOnly cookie that is not the token', async () => {
    const res = await rawGet(server.port, `/?token=${token}`, { host });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('<title>bench</title>');
    expect(res.headers['set-cookie']).toEqual([`${cookie}; Path=/; HttpOnly; SameSite=Strict`]);
    // Browsers send a 127.0.0.1 cookie to every port: it must not carry the token anywhere.
    expect(cookie).toMatch(new RegExp(`^enroll_bench_${server.port}=[A-Za-z0-9_-]{43}$`));
    expect(cookie).not.toContain(token);
  });

  it('does not take the token itself as the cookie', async () => {
    const tokenCookie = `enroll_bench_${server.port}=${token}`;
    expect((await rawGet(server.port, '/', { host, cookie: tokenCookie })).status).toBe(401);
  });

  it('sends the security headers on pages and refusals alike', async () => {
    for (const res of [
      await rawGet(server.port, `/?token=${token}`, { host }),
      await rawGet(server.port, '/', { host }),
    ]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(`connect-src 'self' ws://${host}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('serves assets with the cookie and the right content types', async () => {
    const js = await rawGet(server.port, '/assets/app.js', { host, cookie });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await rawGet(server.port, '/assets/app.css', { host, cookie: `other=1; ${cookie}` });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await rawGet(server.port, '/assets/app.js', { host })).status).toBe(401);
  });

  it('refuses requests from another origin even with the token', async () => {
    const res = await rawGet(server.port, `/?token=${token}`, { host, origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await rawGet(server.port, '/', { host, cookie, origin: 'null' })).status).toBe(403);
    expect(
      (await rawGet(server.port, '/', { host, cookie, origin: `http://127.0.0.1:${server.port + 1}` }))
        .status,
    ).toBe(403);
    expect((await rawGet(server.port, '/', { host, cookie, origin: `http://${host}` })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect(
      (await rawGet(server.port, `/?token=${token}`, { host: `evil.example:${server.port}` })).status,
    ).toBe(403);
    expect((await rawGet(server.port, `/?token=${token}`, { host: `localhost:${server.port}` })).status).toBe(
      200,
    );
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/%E0%A4%A',
  ])('does not let %s out of the renderer folder', async (attack) => {
    const res = await rawGet(server.port, attack, { host, cookie });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('TOP-SECRET');
  });

  it('answers 404 for directories and missing files, 405 for other methods, 426 for /ws over plain HTTP', async () => {
    expect((await rawGet(server.port, '/assets', { host, cookie })).status).toBe(404);
    expect((await rawGet(server.port, '/nope.js', { host, cookie })).status).toBe(404);
    expect((await rawGet(server.port, '/', { host, cookie }, 'POST')).status).toBe(405);
    expect((await rawGet(server.port, '/ws', { host, cookie })).status).toBe(426);
  });

  it('answers /healthz with 204 for the token as a bearer header or in the query, 401 for the cookie or nothing', async () => {
    const ok = await rawGet(server.port, '/healthz', { host, authorization: `Bearer ${token}` });
    expect(ok.status).toBe(204);
    expect(ok.body).toBe('');
    expect((await rawGet(server.port, `/healthz?token=${token}`, { host })).status).toBe(204);
    expect((await rawGet(server.port, '/healthz', { host })).status).toBe(401);
    // The static-files cookie cannot vouch for a token.
    expect((await rawGet(server.port, '/healthz', { host, cookie })).status).toBe(401);
    expect((await rawGet(server.port, '/healthz', { host, authorization: `Bearer ${token}x` })).status).toBe(
      401,
    );
    expect(
      (
        await rawGet(server.port, '/healthz', {
          host,
          cookie: `enroll_bench_${server.port}=old-token-0123456789`,
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await rawGet(server.port, '/healthz', {
          host,
          authorization: `Bearer ${token}`,
          origin: 'http://evil.example',
        })
      ).status,
    ).toBe(403);
  });

  it('answers HEAD without a body', async () => {
    const res = await rawGet(server.port, '/assets/app.js', { host, cookie }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe('14');
    expect(res.body).toBe('');
  });
});
