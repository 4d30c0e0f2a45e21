import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, SerialQueue } from '../../../main/async/serial-queue';
import { settle } from '../../fakes/manual-timers';

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SerialQueue', () => {
  it('runs tasks one at a time in call order, and a failure does not block the next', async () => {
    const queue = new SerialQueue();
    const log: string[] = [];
    const gate = deferred();
    const first = queue.run(async () => {
      log.push('first:start');
      await gate.promise;
      log.push('first:end');
      throw new Error('first failed');
    });
    const second = queue.run(async () => {
      log.push('second');
      return 2;
    });
    await settle();
    expect(log).toEqual(['first:start']);
    gate.resolve();
    await expect(first).rejects.toThrow('first failed');
    expect(await second).toBe(2);
    expect(log).toEqual(['first:start', 'first:end', 'second']);
  });
});

describe('ConcurrencyLimit', () => {
  it('never runs more than its limit at once', async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const gates = Array.from({ length: 5 }, deferred);
    const runs = gates.map((gate) =>
      limit.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
      }),
    );
    await settle();
    expect(running).toBe(2);
    for (const gate of gates) {
      gate.resolve();
      await settle();
    }
    await Promise.all(runs);
    expect(peak).toBe(2);
    expect(running).toBe(0);
  });
});
