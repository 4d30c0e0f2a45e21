import { describe, expect, it, vi } from 'vitest';
import { createBenchClient, healthUrlFor, wsUrlFor } from '../../renderer/bench-client';
import type { SocketFactory } from '../../renderer/ws-bench-api';
import { FakeBenchApi } from './fixtures';

describe('wsUrlFor', () => {
  it('uses the page origin, the matching scheme and the token', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:5000' }, 'a b')).toBe(
      'ws://127.0.0.1:5000/ws?token=a%20b',
    );
    expect(wsUrlFor({ protocol: 'https:', host: 'bench.local' }, null)).toBe('wss://bench.local/ws');
  });
});

describe('healthUrlFor', () => {
  it('asks /healthz on the page origin with the same token as the socket', () => {
    expect(healthUrlFor({ protocol: 'http:', host: '127.0.0.1:5000' }, 'a b')).toBe(
      'http://127.0.0.1:5000/healthz?token=a%20b',
    );
    expect(healthUrlFor({ protocol: 'http:', host: 'bench.local:80' }, null)).toBe(
      'http://bench.local:80/healthz',
    );
  });
});

describe('createBenchClient', () => {
  it('uses the Electron bridge when the preload exposed one', () => {
    const bench = new FakeBenchApi();
    const client = createBenchClient({
      bench,
      location: { protocol: 'file:', host: '', href: 'file:///app/index.html' },
    });
    expect(client.api).toBe(bench);
    expect(client.connection).toBeUndefined();
  });

  it('otherwise opens the WebSocket with the page token and removes the token from the address bar', () => {
    const urls: string[] = [];
    const factory: SocketFactory = (url) => {
      urls.push(url);
      return { send: () => {}, close: () => {} };
    };
    const replaceState = vi.fn();
    const client = createBenchClient(
      {
        location: {
          protocol: 'http:',
          host: '127.0.0.1:5000',
          href: 'http://127.0.0.1:5000/?token=abc&x=1#top',
        },
        history: { replaceState },
      },
      factory,
    );
    expect(urls).toEqual(['ws://127.0.0.1:5000/ws?token=abc']);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#top');
    expect(client.connection?.get()).toBe('connecting');
  });
});
