import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../main/async/clock';
import { LogLiveFeed, type LogChange } from '../../../main/log/log-live';

/** A log index stand-in: `arrive(n)` puts n records in the journal; refresh takes in what arrived. */
function fakeSource() {
  let onDisk = 0;
  let taken = 0;
  const source = {
    refreshes: 0,
    arrive: (n: number) => void (onDisk += n),
    refresh: async () => {
      source.refreshes += 1;
      taken = onDisk;
    },
    get revision() {
      return taken;
    },
    get size() {
      return taken;
    },
  };
  return source;
}

const timers: Clock = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

let changes: LogChange[];
beforeEach(() => {
  vi.useFakeTimers();
  changes = [];
});
afterEach(() => {
  vi.useRealTimers();
});

function feedOver(source: ReturnType<typeof fakeSource>) {
  return new LogLiveFeed(source, (change) => changes.push(change), {
    intervalMs: 1_000,
    firstLookMs: 150,
    maxLooks: 5,
    timers,
  });
}

describe('LogLiveFeed', () => {
  it('announces a job whose record reached the journal, once, shortly after it ended', async () => {
    const source = fakeSource();
    const feed = feedOver(source);
    feed.jobEnded();
    source.arrive(1);
    await vi.advanceTimersByTimeAsync(149);
    expect(changes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(changes).toEqual([{ revision: 1, records: 1 }]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(changes).toHaveLength(1);
    expect(source.refreshes).toBe(1);
  });

  it('keeps looking, once an interval, for a record the journal writes late', async () => {
    const source = fakeSource();
    const feed = feedOver(source);
    feed.jobEnded();
    await vi.advanceTimersByTimeAsync(150);
    expect(changes).toEqual([]);
    source.arrive(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(source.refreshes).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(source.refreshes).toBe(2);
    expect(changes).toEqual([{ revision: 1, records: 1 }]);
  });

  it('coalesces a cart of 64 ending at once into one refresh and one event per interval', async () => {
    const source = fakeSource();
    const feed = feedOver(source);
    for (let i = 0; i < 64; i++) feed.jobEnded();
    source.arrive(40);
    await vi.advanceTimersByTimeAsync(150);
    expect(changes).toEqual([{ revision: 40, records: 40 }]);
    // The other 24 are still being written: they come with the next look, a whole interval later.
    source.arrive(24);
    await vi.advanceTimersByTimeAsync(999);
    expect(changes).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(changes).toEqual([
      { revision: 40, records: 40 },
      { revision: 64, records: 64 },
    ]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(source.refreshes).toBe(2);
    expect(changes).toHaveLength(2);
  });

  it('gives up after five looks when no record comes, and looks again at the next ending', async () => {
    const source = fakeSource();
    const feed = feedOver(source);
    feed.jobEnded();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(source.refreshes).toBe(5);
    expect(changes).toEqual([]);
    source.arrive(2);
    feed.jobEnded();
    await vi.advanceTimersByTimeAsync(150);
    expect(changes).toEqual([{ revision: 2, records: 2 }]);
  });

  it('stops when closed', async () => {
    const source = fakeSource();
    const feed = feedOver(source);
    feed.jobEnded();
    source.arrive(1);
    feed.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(source.refreshes).toBe(0);
    expect(changes).toEqual([]);
  });

  it('survives a refresh that fails, and says so in the diagnostics', async () => {
    const source = fakeSource();
    const log = vi.fn();
    let fail = true;
    const flaky = {
      refresh: async () => {
        if (fail) throw new Error('EACCES');
        await source.refresh();
      },
      get revision() {
        return source.revision;
      },
      get size() {
        return source.size;
      },
    };
    const feed = new LogLiveFeed(flaky, (change) => changes.push(change), { timers, log });
    feed.jobEnded();
    source.arrive(1);
    await vi.advanceTimersByTimeAsync(150);
    expect(log).toHaveBeenCalledWith('log: reading the journal for the live log failed', expect.any(Error));
    fail = false;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([{ revision: 1, records: 1 }]);
  });
});
