import { describe, expect, it, vi } from 'vitest';
import {
  controlStorageKey,
  createBenchClient,
  healthUrlFor,
  tokenStorageKey,
  wsUrlFor,
} from '../../renderer/bench-client';
import type { SocketFactory } from '../../renderer/ws-bench-api';
import { FakeBenchApi } from './fixtures';

describe('wsUrlFor', () => {
  it('uses the page origin and the matching scheme, never the token', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:5000' })).toBe('ws://127.0.0.1:5000/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'bench.local' })).toBe('wss://bench.local/ws');
  });
});

describe('healthUrlFor', () => {
  it('asks /healthz on the page origin (the token goes in a header)', () => {
    expect(healthUrlFor({ protocol: 'http:', host: '127.0.0.1:5000' })).toBe('http://127.0.0.1:5000/healthz');
  });
});

/** A Storage double that records what the page kept. */
function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

function recordingFactory() {
  const opened: { url: string; protocols: readonly string[] }[] = [];
  const factory: SocketFactory = (url, _handlers, protocols) => {
    opened.push({ url, protocols });
    return { send: () => {}, close: () => {} };
  };
  return { opened, factory };
}

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

  it('otherwise keeps the URL token in sessionStorage, removes it from the address bar and offers it as a subprotocol', () => {
    const { opened, factory } = recordingFactory();
    const replaceState = vi.fn();
    const storage = memoryStorage();
    const client = createBenchClient(
      {
        location: {
          protocol: 'http:',
          host: '127.0.0.1:5000',
          href: 'http://127.0.0.1:5000/?token=abc&x=1#top',
        },
        history: { replaceState },
        sessionStorage: storage,
      },
      factory,
    );
    expect(opened).toEqual([
      { url: 'ws://127.0.0.1:5000/ws', protocols: ['enroll-bench.v1', 'enroll-bench.token.abc'] },
    ]);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1#top');
    expect(storage.items.get(tokenStorageKey)).toBe('abc');
    expect(client.connection?.get()).toBe('connecting');
  });

  it("the Mac's own address: offers the control token too, and takes both out of the address bar", () => {
    const { opened, factory } = recordingFactory();
    const replaceState = vi.fn();
    const storage = memoryStorage();
    createBenchClient(
      {
        location: { protocol: 'http:', host: 'h:1', href: 'http://h:1/?token=abc&control=mac&x=1' },
        history: { replaceState },
        sessionStorage: storage,
      },
      factory,
    );
    expect(opened[0]?.protocols).toEqual([
      'enroll-bench.v1',
      'enroll-bench.token.abc',
      'enroll-bench.control.mac',
    ]);
    expect(replaceState).toHaveBeenCalledWith(null, '', '/?x=1');
    expect(storage.items.get(controlStorageKey)).toBe('mac');
    // After a reload the kept ones are offered again; a watch address (token only) never has the control.
    const again = recordingFactory();
    createBenchClient(
      { location: { protocol: 'http:', host: 'h:1', href: 'http://h:1/' }, sessionStorage: storage },
      again.factory,
    );
    expect(again.opened[0]?.protocols).toContain('enroll-bench.control.mac');
  });

  it('after a reload (no token in the address) uses the token kept in sessionStorage', () => {
    const { opened, factory } = recordingFactory();
    const replaceState = vi.fn();
    createBenchClient(
      {
        location: { protocol: 'http:', host: '127.0.0.1:5000', href: 'http://127.0.0.1:5000/' },
        history: { replaceState },
        sessionStorage: memoryStorage({ [tokenStorageKey]: 'kept' }),
      },
      factory,
    );
    expect(opened[0]?.protocols).toEqual(['enroll-bench.v1', 'enroll-bench.token.kept']);
    expect(replaceState).not.toHaveBeenCalled();
  });

  it('offers only the bench protocol when the page has no token at all', () => {
    const { opened, factory } = recordingFactory();
    createBenchClient(
      { location: { protocol: 'http:', host: 'h:1', href: 'http://h:1/' }, sessionStorage: memoryStorage() },
      factory,
    );
    expect(opened[0]?.protocols).toEqual(['enroll-bench.v1']);
  });
});
