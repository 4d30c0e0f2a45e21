import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { Device } from '../../../preload/domain';
import { startBenchServer, type BenchServer } from '../../../main/server/bench-server';
import { slowClientGraceMs } from '../../../main/server/ws-session';
import { createFakeBenchHost, type FakeBenchHost } from './fake-bench-host';
import { benchProtocols, closed, frameLog, openSocket } from './http-helpers';

const token = 'slow-token-0123456789abcdef';
const limitBytes = 256 * 1024;
let fake: FakeBenchHost;
let server: BenchServer;
let logged: { message: string; detail: unknown }[];
let sockets: WebSocket[];

const device = (n: number): Device =>
  ({
    ecid: `0x${(0x1000 + n).toString(16).toUpperCase()}`,
    locationId: n,
    portLabel: `Port 1 › ${n}`,
    deviceClass: 'iPad',
    model: 'iPad (10th generation)',
    name: `iPad ${n} ${'x'.repeat(200)}`,
    mode: 'normal',
    firstSeenAt: 0,
  }) as unknown as Device;
const cart = Array.from({ length: 64 }, (_, n) => device(n));
const frameBytes = JSON.stringify({
  type: 'event',
  channel: 'devicesChanged',
  payload: { devices: cart },
}).length;

async function connect(): Promise<WebSocket> {
  const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws`, {}, benchProtocols(token));
  sockets.push(ws);
  return ws;
}

/** Emits whole-cart events, yielding to I/O between bursts, until the server has cut a client off. */
async function floodUntilCutOff(): Promise<Record<string, unknown>> {
  for (let burst = 0; burst < 2_000; burst += 1) {
    const cut = logged.find((l) => l.message === 'server.client-too-slow');
    if (cut) return cut.detail as Record<string, unknown>;
    for (let i = 0; i < 20; i += 1) fake.hub.emit('devicesChanged', { devices: cart });
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('the slow client was never cut off');
}

beforeEach(async () => {
  fake = createFakeBenchHost();
  logged = [];
  sockets = [];
  server = await startBenchServer({
    host: fake.host,
    rendererDir: '/nonexistent',
    token,
    maxBufferedBytes: limitBytes,
    log: (message, detail) => logged.push({ message, detail }),
  });
});

afterEach(async () => {
  sockets.forEach((ws) => ws.terminate());
  await server.close();
});

describe('a WebSocket client too slow to read its events', () => {
  it('is cut off at the limit, unsubscribed at once, and told why when it reads again', async () => {
    const fast = await connect();
    const fastFrames = frameLog(fast);
    const slow = await connect();
    slow.pause();
    const cut = await floodUntilCutOff();

    // The backlog stopped within one frame of the limit, and the hub serves only the fast client now.
    expect(cut.limitBytes).toBe(limitBytes);
    expect(Number(cut.bufferedBytes)).toBeGreaterThan(limitBytes);
    expect(Number(cut.bufferedBytes)).toBeLessThanOrEqual(limitBytes + frameBytes + 64);
    expect(fake.subscriberCount()).toBe(1);

    const slowClosed = closed(slow);
    slow.resume();
    expect(await slowClosed).toEqual({ code: 1013, reason: 'client too slow' });

    // The fast client kept up and still gets the latest event.
    fake.hub.emit('watcherChanged', { watcher: { state: 'ok' } });
    const latest = fake.hub.currentSeq;
    const last = await fastFrames.next((f) => (f.payload as { seq?: number } | undefined)?.seq === latest);
    expect(last.channel).toBe('watcherChanged');
  });

  it('is dropped after the grace period when it never reads its close frame', async () => {
    const slow = await connect();
    slow.pause();
    await floodUntilCutOff();
    expect(fake.subscriberCount()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, slowClientGraceMs + 500));
    const slowClosed = closed(slow);
    slow.resume();
    // 1006: the server dropped the connection; the close frame behind the backlog never went out.
    expect((await slowClosed).code).toBe(1006);
  });
});
