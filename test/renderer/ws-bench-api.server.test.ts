import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBenchServer, type BenchServer } from '../../main/server/bench-server';
import {
  createWsBenchApi,
  type SocketFactory,
  type StatusProbe,
  type WsBenchClient,
} from '../../renderer/ws-bench-api';
import { createFakeBenchHost, type FakeBenchHost } from '../main/server/fake-bench-host';

/** The same adapter the browser uses, over the `ws` package (Node 20 has no global WebSocket). */
const nodeSocketFactory: SocketFactory = (url, handlers, protocols) => {
  const ws = new WebSocket(url, [...protocols]);
  ws.on('open', () => handlers.open());
  ws.on('message', (data) => handlers.message(String(data)));
  ws.on('close', () => handlers.closed());
  ws.on('error', () => {});
  return { send: (text) => ws.send(text), close: () => ws.close() };
};

/** What the browser's fetch would answer; Node's fetch rejects the same way when nothing listens. */
const nodeStatusProbe: StatusProbe = (url, token) =>
  fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(
    (response) => response.status,
  );

let fake: FakeBenchHost;
let server: BenchServer;
let client: WsBenchClient;

beforeEach(async () => {
  fake = createFakeBenchHost();
  server = await startBenchServer({ host: fake.host, rendererDir: '/nonexistent' });
  client = createWsBenchApi({
    url: `ws://127.0.0.1:${server.port}/ws`,
    healthUrl: `http://127.0.0.1:${server.port}/healthz`,
    token: server.token,
    // The Mac's own page: it may call simulate, a Mac-only channel unless --allow-remote-control.
    control: server.controlToken,
    socketFactory: nodeSocketFactory,
    statusProbe: nodeStatusProbe,
    backoffMs: [20],
  });
});

afterEach(async () => {
  client.close();
  await server.close();
});

describe('createWsBenchApi against the real server', () => {
  it('round-trips invokes and receives events', async () => {
    const received: number[] = [];
    client.api.on('devicesChanged', (payload) => received.push(payload.seq));
    await expect(client.api.simulate({ type: 'cart', count: 3, overSeconds: 0 })).resolves.toEqual({
      ok: true,
      value: ['0x1A'],
    });
    expect(fake.actions).toEqual([{ type: 'cart', count: 3, overSeconds: 0 }]);
    fake.hub.emit('devicesChanged', { devices: [] });
    await expect.poll(() => received).toEqual([1]);
  });

  it('carries logChanged to the browser, shape-checked, so the log view can follow', async () => {
    const received: unknown[] = [];
    client.api.on('logChanged', (payload) => received.push(payload));
    await client.api.simulate({ type: 'attach' });
    fake.hub.emit('logChanged', { revision: 7, records: 3 });
    await expect.poll(() => received).toEqual([{ seq: 1, revision: 7, records: 3 }]);
  });

  it('reports lost when the server goes away and comes back when it returns on the same port', async () => {
    await client.api.getSnapshot();
    expect(client.connection.get()).toBe('open');
    const { port, token, controlToken } = server;
    await server.close();
    await expect.poll(() => client.connection.get()).toBe('lost');
    server = await startBenchServer({
      host: fake.host,
      rendererDir: '/nonexistent',
      port,
      token,
      controlToken,
    });
    await expect.poll(() => client.connection.get(), { timeout: 5000 }).toBe('open');
    await expect(client.api.getSnapshot()).resolves.toMatchObject({ ok: true });
  });

  it('gives up with expired when the server came back with a new token', async () => {
    await client.api.getSnapshot();
    const { port } = server;
    await server.close();
    await expect.poll(() => client.connection.get()).toBe('lost');
    server = await startBenchServer({
      host: fake.host,
      rendererDir: '/nonexistent',
      port,
      token: 'a-brand-new-token-0123456789',
    });
    await expect.poll(() => client.connection.get(), { timeout: 5000 }).toBe('expired');
    expect(fake.subscriberCount()).toBe(0);
  });
});
