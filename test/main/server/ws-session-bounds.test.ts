/**
 * Issue 23 items 1 and 2 through the real server: a deeply nested frame closes its own socket only, and a
 * flooding connection gets cheap refusals, then is closed, while other screens are served.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startBenchServer, type BenchServer } from '../../../main/server/bench-server';
import { maxFrameDepth } from '../../../main/server/parse-client-frame';
import { createFakeBenchHost } from './fake-bench-host';
import { benchProtocols, closed, frameLog, openSocket } from './http-helpers';

const token = 'bounds-token-0123456789abcdef';
let server: BenchServer;
let sockets: WebSocket[];
let logged: { event: string; fields: unknown }[];

const invoke = (id: number): string =>
  JSON.stringify({ type: 'invoke', id, channel: 'getSnapshot', args: [] });

async function connect(): Promise<WebSocket> {
  const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws`, {}, benchProtocols(token));
  sockets.push(ws);
  return ws;
}

beforeEach(async () => {
  logged = [];
  server = await startBenchServer({
    host: createFakeBenchHost().host,
    rendererDir: '/nonexistent',
    token,
    // A frozen refill: exactly `burst` frames are accepted, whatever the machine's speed.
    rateLimit: { burst: 5, perSecond: 0.0001, refusalsBeforeClose: 3 },
    log: (event, fields) => logged.push({ event, fields }),
  });
  sockets = [];
});

afterEach(async () => {
  sockets.forEach((ws) => ws.terminate());
  await server.close();
});

describe('frame bounds', () => {
  it('closes the socket on a frame nested deeper than the bound (8 MiB of brackets), and serves the next screen', async () => {
    const ws = await connect();
    const done = closed(ws);
    ws.send('['.repeat(8 * 1024 * 1024 - 64));
    expect(await done).toEqual({ code: 1008, reason: `frame nests deeper than ${maxFrameDepth} levels` });
    const other = await connect();
    const log = frameLog(other);
    other.send(invoke(7));
    expect((await log.next((f) => f.id === 7)).result).toMatchObject({ ok: true });
  });
});

describe('per-connection rate limit', () => {
  it('answers frames beyond the burst with a refusal, closes a connection that keeps going, and leaves others alone', async () => {
    const ws = await connect();
    const log = frameLog(ws);
    const done = closed(ws);
    for (let id = 1; id <= 5; id++) ws.send(invoke(id));
    await log.next((f) => f.id === 5);
    for (let id = 6; id <= 9; id++) ws.send(invoke(id));
    expect(await done).toEqual({ code: 1008, reason: 'too many requests' });
    const results = log.frames.filter((f) => (f as { type: string }).type === 'result') as {
      id: number;
      result: { ok: boolean; error?: { title: string; retryable: boolean } };
    }[];
    expect(results.filter((r) => r.result.ok).map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    expect(results.filter((r) => !r.result.ok).map((r) => [r.id, r.result.error?.title])).toEqual([
      [6, 'Too many requests from this screen'],
      [7, 'Too many requests from this screen'],
      [8, 'Too many requests from this screen'],
    ]);
    expect(logged.map((l) => l.event)).toEqual(['server.client-rate-limited', 'server.client-flooding']);

    const other = await connect();
    const otherLog = frameLog(other);
    other.send(invoke(1));
    expect((await otherLog.next((f) => f.id === 1)).result).toMatchObject({ ok: true });
  });

  it('closes at once when a large frame arrives over the limit (it is not even parsed)', async () => {
    const ws = await connect();
    const log = frameLog(ws);
    const done = closed(ws);
    for (let id = 1; id <= 5; id++) ws.send(invoke(id));
    await log.next((f) => f.id === 5);
    ws.send(JSON.stringify({ type: 'invoke', id: 6, channel: 'getSnapshot', args: ['x'.repeat(10_000)] }));
    expect(await done).toEqual({ code: 1008, reason: 'too many requests' });
    expect(log.frames.some((f) => (f as { id?: number }).id === 6)).toBe(false);
  });
});

describe('a tunnel is not the Mac', () => {
  const control = 'control-token-0123456789abcdef';
  let tunnelled: BenchServer;

  beforeEach(async () => {
    tunnelled = await startBenchServer({
      host: createFakeBenchHost().host,
      rendererDir: '/nonexistent',
      token,
      controlToken: control,
    });
  });

  afterEach(async () => {
    await tunnelled.close();
  });

  async function importFrom(protocols: readonly string[]): Promise<Record<string, unknown>> {
    const ws = await openSocket(`ws://127.0.0.1:${tunnelled.port}/ws`, {}, protocols);
    sockets.push(ws);
    const log = frameLog(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'chooseCfgutil', args: [{ path: '/tmp/x' }] }));
    return log.next((f) => f.id === 1);
  }

  it('gives the Mac-only channels to the page with the control token, not to a loopback page with the token alone', async () => {
    expect(await importFrom(benchProtocols(token))).toMatchObject({
      result: { ok: false, error: { title: 'Only allowed on the Mac itself' } },
    });
    expect(await importFrom([...benchProtocols(token), `enroll-bench.control.${control}`])).toMatchObject({
      result: { ok: true },
    });
    expect(
      await importFrom([...benchProtocols(token), 'enroll-bench.control.wrong-0123456789abcdef']),
    ).toMatchObject({
      result: { ok: false },
    });
  });

  it('prints two addresses: the control token only in the one for this Mac', () => {
    expect(new URL(tunnelled.url).searchParams.get('control')).toBe(control);
    expect(tunnelled.watchUrl).not.toContain(control);
    expect(new URL(tunnelled.watchUrl).searchParams.get('token')).toBe(token);
  });
});
