/**
 * After the server restarts with a new token every upgrade is refused, and a browser only sees the socket
 * close. The client asks /healthz after a failed reconnect and gives up for good on a 401 there.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  connectionLostError,
  createWsBenchApi,
  tokenExpiredError,
  type SocketFactory,
  type SocketHandlers,
  type StatusProbe,
} from '../../renderer/ws-bench-api';

interface FakeSocket {
  readonly handlers: SocketHandlers;
  closed: boolean;
}

let sockets: FakeSocket[];
const factory: SocketFactory = (_url, handlers) => {
  const socket: FakeSocket = { handlers, closed: false };
  sockets.push(socket);
  return { send: () => {}, close: () => (socket.closed = true) };
};
const latest = (): FakeSocket => sockets[sockets.length - 1] as FakeSocket;

/** A probe whose answers the test releases one by one, recording the URLs it was asked. */
function scriptedProbe() {
  const asked: { url: string; token: string | undefined }[] = [];
  const answers: ((status: number | Error) => void)[] = [];
  const probe: StatusProbe = (url, token) => {
    asked.push({ url, token });
    return new Promise((resolve, reject) =>
      answers.push((status) => (status instanceof Error ? reject(status) : resolve(status))),
    );
  };
  const answer = async (status: number | Error): Promise<void> => {
    answers.shift()?.(status);
    // Let the client's continuation after the probe run.
    await vi.advanceTimersByTimeAsync(0);
  };
  return { probe, asked, answer };
}

function startClient(statusProbe: StatusProbe) {
  return createWsBenchApi({
    url: 'ws://h/ws',
    healthUrl: 'http://h/healthz',
    token: 'old',
    socketFactory: factory,
    statusProbe,
    backoffMs: [100],
  });
}

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('createWsBenchApi when the token stops working', () => {
  it('does not probe when an open connection drops; probes after the reconnect fails', async () => {
    const { probe, asked } = scriptedProbe();
    startClient(probe);
    latest().handlers.open();
    latest().handlers.closed();
    expect(asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    latest().handlers.closed();
    expect(asked).toEqual([{ url: 'http://h/healthz', token: 'old' }]);
  });

  it('stops reconnecting and reports expired when /healthz answers 401', async () => {
    const { probe, answer } = scriptedProbe();
    const client = startClient(probe);
    const states: string[] = [];
    client.connection.subscribe((s) => states.push(s));
    latest().handlers.open();
    latest().handlers.closed();
    await vi.advanceTimersByTimeAsync(100);
    latest().handlers.closed();
    // No reconnect is scheduled while the probe is out.
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    await answer(401);
    expect(client.connection.get()).toBe('expired');
    expect(states).toEqual(['open', 'lost', 'expired']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(2);
    await expect(client.api.getSnapshot()).resolves.toEqual({ ok: false, error: tokenExpiredError });
  });

  it.each([
    ['the server is still down', new TypeError('fetch failed')],
    ['the token is still good', 204],
    ['another refusal', 403],
  ])('keeps reconnecting when %s', async (_case, status) => {
    const { probe, answer } = scriptedProbe();
    const client = startClient(probe);
    latest().handlers.closed();
    await answer(status);
    expect(client.connection.get()).toBe('lost');
    await expect(client.api.getSnapshot()).resolves.toEqual({ ok: false, error: connectionLostError });
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    latest().handlers.open();
    expect(client.connection.get()).toBe('open');
  });

  it('never probes without a health URL', async () => {
    const probe = vi.fn<StatusProbe>();
    createWsBenchApi({ url: 'ws://h/ws', socketFactory: factory, statusProbe: probe, backoffMs: [100] });
    latest().handlers.closed();
    await vi.advanceTimersByTimeAsync(100);
    expect(sockets).toHaveLength(2);
    expect(probe).not.toHaveBeenCalled();
  });

  it('ignores a probe answer that arrives after close()', async () => {
    const { probe, answer } = scriptedProbe();
    const client = startClient(probe);
    latest().handlers.closed();
    client.close();
    await answer(204);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(1);
  });
});
