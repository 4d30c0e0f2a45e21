import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectionLostError,
  createWsBenchApi,
  type SocketFactory,
  type SocketHandlers,
} from '../../renderer/ws-bench-api';

class FakeSocket {
  readonly sent: unknown[] = [];
  closed = false;
  constructor(
    readonly url: string,
    readonly handlers: SocketHandlers,
    readonly protocols: readonly string[],
  ) {}
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(): void {
    this.closed = true;
  }
  reply(frame: unknown): void {
    this.handlers.message(JSON.stringify(frame));
  }
}

let sockets: FakeSocket[];
const factory: SocketFactory = (url, handlers, protocols) => {
  const socket = new FakeSocket(url, handlers, protocols);
  sockets.push(socket);
  return socket;
};
const latest = (): FakeSocket => sockets[sockets.length - 1] as FakeSocket;

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createWsBenchApi', () => {
  it('queues calls until the socket opens, then correlates answers by id', async () => {
    const client = createWsBenchApi({ url: 'ws://h/ws', socketFactory: factory });
    const first = client.api.simulate({ type: 'attach' });
    const second = client.api.getSnapshot();
    expect(latest().sent).toEqual([]);
    latest().handlers.open();
    expect(latest().sent).toEqual([
      { type: 'invoke', id: 1, channel: 'simulate', args: [{ type: 'attach' }] },
      { type: 'invoke', id: 2, channel: 'getSnapshot', args: [] },
    ]);
    latest().reply({ type: 'result', id: 2, result: { ok: true, value: 'snap' } });
    latest().reply({ type: 'result', id: 1, result: { ok: true, value: ['0x1'] } });
    await expect(first).resolves.toEqual({ ok: true, value: ['0x1'] });
    await expect(second).resolves.toEqual({ ok: true, value: 'snap' });
  });

  it('delivers shape-checked events to the listeners of their channel only', () => {
    const client = createWsBenchApi({ url: 'ws://h/ws', socketFactory: factory });
    const devices = vi.fn();
    const watcher = vi.fn();
    const off = client.api.on('devicesChanged', devices);
    client.api.on('watcherChanged', watcher);
    latest().handlers.open();
    latest().reply({ type: 'event', channel: 'devicesChanged', payload: { seq: 1, devices: [] } });
    latest().reply({ type: 'event', channel: 'devicesChanged', payload: { seq: 'x', devices: [] } });
    latest().reply({
      type: 'event',
      channel: 'devicesChanged',
      payload: { seq: 2, devices: [{ name: 'no ecid' }] },
    });
    latest().reply({ type: 'event', channel: 'somethingElse', payload: { seq: 3 } });
    latest().handlers.message('not json');
    expect(devices).toHaveBeenCalledTimes(1);
    expect(devices).toHaveBeenCalledWith({ seq: 1, devices: [] });
    expect(watcher).not.toHaveBeenCalled();
    off();
    latest().reply({ type: 'event', channel: 'devicesChanged', payload: { seq: 4, devices: [] } });
    expect(devices).toHaveBeenCalledTimes(1);
  });

  it('ignores results with a malformed Result', async () => {
    const client = createWsBenchApi({ url: 'ws://h/ws', socketFactory: factory });
    latest().handlers.open();
    const call = client.api.getSnapshot();
    latest().reply({ type: 'result', id: 1, result: { ok: 'yes' } });
    latest().reply({
      type: 'result',
      id: 1,
      result: { ok: false, error: { code: 'internal', title: 'Oops', detail: '', retryable: true } },
    });
    await expect(call).resolves.toMatchObject({ ok: false, error: { title: 'Oops' } });
  });

  it('fails calls in flight when the connection drops, reports lost, and reconnects with backoff', async () => {
    const client = createWsBenchApi({
      url: 'ws://h/ws',
      token: 't0k',
      socketFactory: factory,
      backoffMs: [100, 400],
    });
    const states: string[] = [];
    client.connection.subscribe((s) => states.push(s));
    latest().handlers.open();
    const inFlight = client.api.getSnapshot();
    latest().handlers.closed();
    await expect(inFlight).resolves.toEqual({ ok: false, error: connectionLostError });
    await expect(client.api.useSimulator()).resolves.toEqual({ ok: false, error: connectionLostError });
    expect(client.connection.get()).toBe('lost');
    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    // Every attempt offers the token again as a subprotocol, never in the URL.
    expect(latest().url).toBe('ws://h/ws');
    expect(latest().protocols).toEqual(['enroll-bench.v1', 'enroll-bench.token.t0k']);
    latest().handlers.closed();
    vi.advanceTimersByTime(399);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    latest().handlers.open();
    expect(states).toEqual(['open', 'lost', 'open']);
    const again = client.api.getSnapshot();
    expect(latest().sent).toEqual([{ type: 'invoke', id: 2, channel: 'getSnapshot', args: [] }]);
    latest().reply({ type: 'result', id: 2, result: { ok: true, value: 1 } });
    await expect(again).resolves.toEqual({ ok: true, value: 1 });
  });

  it('stops reconnecting after close()', () => {
    const client = createWsBenchApi({ url: 'ws://h/ws', socketFactory: factory, backoffMs: [10] });
    latest().handlers.open();
    client.close();
    expect(latest().closed).toBe(true);
    latest().handlers.closed();
    vi.advanceTimersByTime(1000);
    expect(sockets).toHaveLength(1);
  });
});
