import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { maxFrameBytes, startBenchServer, type BenchServer } from '../../../main/server/bench-server';
import { createFakeBenchHost, type FakeBenchHost } from './fake-bench-host';
import { benchProtocols, closed, frameLog, openSocket } from './http-helpers';

const token = 'ws-token-0123456789abcdef';
const control = 'ws-control-0123456789abcdef';
/** What the Mac's own page offers (the address `serve` prints for this Mac carries the control token). */
const macProtocols = [...benchProtocols(token), `enroll-bench.control.${control}`];
let fake: FakeBenchHost;
let server: BenchServer;
let wsUrl: string;
let sockets: WebSocket[];

async function connect(
  url = wsUrl,
  headers: Record<string, string> = {},
  protocols: readonly string[] = macProtocols,
): Promise<WebSocket> {
  const ws = await openSocket(url, headers, protocols);
  sockets.push(ws);
  return ws;
}

beforeEach(async () => {
  fake = createFakeBenchHost();
  server = await startBenchServer({
    host: fake.host,
    rendererDir: '/nonexistent',
    token,
    controlToken: control,
  });
  wsUrl = `ws://127.0.0.1:${server.port}/ws`;
  sockets = [];
});

afterEach(async () => {
  sockets.forEach((ws) => ws.terminate());
  await server.close();
});

describe('startBenchServer WebSocket', () => {
  it('refuses an upgrade without a token, with a wrong token, or on another path', async () => {
    await expect(openSocket(wsUrl)).rejects.toThrow('refused 401');
    await expect(openSocket(wsUrl, {}, benchProtocols('wrong-token-0123456789abc'))).rejects.toThrow(
      'refused 401',
    );
    await expect(
      openSocket(`ws://127.0.0.1:${server.port}/other`, {}, benchProtocols(token)),
    ).rejects.toThrow('refused 404');
    expect(fake.subscriberCount()).toBe(0);
  });

  it('takes the token only as a subprotocol: not in the query, not twice, not without the bench protocol', async () => {
    await expect(openSocket(`${wsUrl}?token=${token}`)).rejects.toThrow('refused 401');
    await expect(openSocket(`${wsUrl}?token=${token}`, {}, ['enroll-bench.v1'])).rejects.toThrow(
      'refused 401',
    );
    await expect(openSocket(wsUrl, {}, [`enroll-bench.token.${token}`])).rejects.toThrow('refused 401');
    await expect(
      openSocket(wsUrl, {}, [...benchProtocols(token), 'enroll-bench.token.another-0123456789abc']),
    ).rejects.toThrow('refused 401');
    expect(fake.subscriberCount()).toBe(0);
  });

  it('answers with the fixed bench subprotocol, never echoing the token', async () => {
    const ws = await connect();
    expect(ws.protocol).toBe('enroll-bench.v1');
  });

  it('refuses an upgrade from another origin even with the token', async () => {
    await expect(
      openSocket(wsUrl, { origin: 'https://evil.example' }, benchProtocols(token)),
    ).rejects.toThrow('refused 403');
    await expect(openSocket(wsUrl, { host: 'evil.example' }, benchProtocols(token))).rejects.toThrow(
      'refused 403',
    );
  });

  it('opens nothing with the cookie alone, even from its own origin', async () => {
    const page = await fetch(`http://127.0.0.1:${server.port}/?token=${token}`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(/^enroll_bench_\d+=/);
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(openSocket(wsUrl, { cookie, origin })).rejects.toThrow('refused 401');
    await expect(openSocket(wsUrl, { cookie, origin }, ['enroll-bench.v1'])).rejects.toThrow('refused 401');
    // The old cookie carried the token itself; that is refused too.
    await expect(
      openSocket(wsUrl, { cookie: `enroll_bench_${server.port}=${token}`, origin }),
    ).rejects.toThrow('refused 401');
    expect(fake.subscriberCount()).toBe(0);
    const ws = await connect(wsUrl, { cookie, origin });
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('logs each refused upgrade with its reason and peer, never the query that may hold a token', async () => {
    const logged: { message: string; detail: unknown }[] = [];
    const logging = await startBenchServer({
      host: fake.host,
      rendererDir: '/nonexistent',
      token,
      log: (message, detail) => logged.push({ message, detail }),
    });
    try {
      const url = `ws://127.0.0.1:${logging.port}/ws?token=${token}`;
      await expect(openSocket(url)).rejects.toThrow('refused 401');
      expect(logged).toEqual([
        {
          message: 'server.refused',
          detail: {
            kind: 'websocket',
            status: 401,
            reason: 'missing or wrong token',
            path: '/ws',
            peer: '127.0.0.1',
          },
        },
      ]);
      expect(JSON.stringify(logged)).not.toContain(token);
    } finally {
      await logging.close();
    }
  });

  it('answers an invoke with the dispatcher result under the same id', async () => {
    const ws = await connect();
    const log = frameLog(ws);
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 7,
        channel: 'simulate',
        args: [{ type: 'attach', deviceClass: 'iPad' }],
      }),
    );
    expect(await log.next((f) => f.id === 7)).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: ['0x1A'] },
    });
    expect(fake.actions).toEqual([{ type: 'attach', deviceClass: 'iPad' }]);
  });

  it("lets the Mac's own page (loopback and the control token) use the local-only channels", async () => {
    const ws = await connect();
    const log = frameLog(ws);
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 8,
        channel: 'chooseCfgutil',
        args: [{ path: '/usr/bin/cfgutil' }],
      }),
    );
    expect(await log.next((f) => f.id === 8)).toEqual({
      type: 'result',
      id: 8,
      result: { ok: true, value: { kind: 'cfgutil', path: '/usr/bin/cfgutil' } },
    });
  });

  it('returns the dispatcher refusal for unknown channels and bad arguments', async () => {
    const ws = await connect();
    const log = frameLog(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'eraseEverything', args: [] }));
    ws.send(
      JSON.stringify({
        type: 'invoke',
        id: 2,
        channel: 'simulate',
        args: [{ type: 'cart', count: 9999, overSeconds: 1 }],
      }),
    );
    const unknown = await log.next((f) => f.id === 1);
    const bad = await log.next((f) => f.id === 2);
    expect(unknown.result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(bad.result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', detail: expect.stringContaining('cart.count') },
    });
    expect(fake.actions).toEqual([]);
  });

  it('turns a handler crash into an internal error without leaking its message', async () => {
    const ws = await connect();
    const log = frameLog(ws);
    fake.failNextSimulate();
    ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'simulate', args: [{ type: 'detach-all' }] }));
    const frame = await log.next((f) => f.id === 3);
    expect(frame.result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(frame)).not.toContain('/secret/path');
  });

  it('pushes bench events to every connected client', async () => {
    const [a, b] = [await connect(), await connect()];
    const [logA, logB] = [frameLog(a), frameLog(b)];
    fake.hub.emit('watcherChanged', { watcher: { state: 'degraded', detail: 'usb' } });
    const expected = {
      type: 'event',
      channel: 'watcherChanged',
      payload: { seq: 1, watcher: { state: 'degraded', detail: 'usb' } },
    };
    expect(await logA.next((f) => f.type === 'event')).toEqual(expected);
    expect(await logB.next((f) => f.type === 'event')).toEqual(expected);
  });

  it('answers a wrong-shaped frame that has an id with an invalid-request result', async () => {
    const ws = await connect();
    const log = frameLog(ws);
    ws.send(JSON.stringify({ type: 'subscribe', id: 4 }));
    ws.send(JSON.stringify({ type: 'invoke', id: 5, channel: 'getSnapshot', args: 'nope' }));
    ws.send(JSON.stringify({ type: 'invoke', id: 6, channel: 42, args: [] }));
    for (const id of [4, 5, 6]) {
      expect((await log.next((f) => f.id === id)).result).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it.each([
    ['not JSON', '{"type":', 1008],
    ['a JSON array', '[1,2,3]', 1008],
    ['a frame without an id', '{"type":"invoke","channel":"getSnapshot","args":[]}', 1008],
    ['a negative id', '{"type":"invoke","id":-1,"channel":"getSnapshot","args":[]}', 1008],
  ])('closes the socket on %s and keeps serving others', async (_label, text, code) => {
    const bad = await connect();
    const good = await connect();
    const goodLog = frameLog(good);
    const done = closed(bad);
    bad.send(text);
    expect((await done).code).toBe(code);
    good.send(JSON.stringify({ type: 'invoke', id: 9, channel: 'getSnapshot', args: [] }));
    expect((await goodLog.next((f) => f.id === 9)).result).toMatchObject({ ok: true });
  });

  it('closes the socket on binary frames', async () => {
    const ws = await connect();
    const done = closed(ws);
    ws.send(Buffer.from([1, 2, 3]));
    expect((await done).code).toBe(1003);
  });

  it('closes the socket on frames over 8 MB and stays up', async () => {
    const ws = await connect();
    const done = closed(ws);
    ws.send(
      JSON.stringify({ type: 'invoke', id: 1, channel: 'getSnapshot', args: ['x'.repeat(maxFrameBytes)] }),
    );
    expect((await done).code).toBe(1009);
    const again = await connect();
    const log = frameLog(again);
    again.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'getSnapshot', args: [] }));
    expect((await log.next((f) => f.id === 2)).result).toMatchObject({ ok: true });
  });

  it('unsubscribes when a client leaves and disconnects everyone on close', async () => {
    const a = await connect();
    const b = await connect();
    expect(fake.subscriberCount()).toBe(2);
    const aClosed = closed(a);
    a.close();
    await aClosed;
    await expect.poll(() => fake.subscriberCount()).toBe(1);
    const bClosed = closed(b);
    await server.close();
    await bClosed;
    expect(fake.subscriberCount()).toBe(0);
    server = await startBenchServer({ host: fake.host, rendererDir: '/nonexistent', token });
  });
});
