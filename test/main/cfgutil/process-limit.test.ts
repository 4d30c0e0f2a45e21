import { describe, expect, it } from 'vitest';
import { createProcessLimit, MAX_CFGUTIL_PROCESSES } from '../../../main/cfgutil/process-limit';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { fakeCfgutil } from './process-helpers';

describe('createProcessLimit', () => {
  it('grants up to the cap, queues the rest in call order, and counts both', async () => {
    const limit = createProcessLimit(2);
    const a = await limit.acquire();
    const b = await limit.acquire();
    const order: string[] = [];
    const c = limit.acquire().then((release) => (order.push('c'), release));
    const d = limit.acquire().then((release) => (order.push('d'), release));
    expect([limit.running, limit.queued]).toEqual([2, 2]);
    a?.();
    a?.(); // releasing twice frees one slot only
    const releaseC = await c;
    expect([limit.running, limit.queued, order]).toEqual([2, 1, ['c']]);
    b?.();
    (await d)?.();
    releaseC?.();
    expect([limit.running, limit.queued, order]).toEqual([0, 0, ['c', 'd']]);
  });

  it('lets a caller that gives up leave the queue without taking a slot', async () => {
    const limit = createProcessLimit(1);
    const held = await limit.acquire();
    const controller = new AbortController();
    const waiting = limit.acquire(controller.signal);
    controller.abort();
    expect(await waiting).toBeUndefined();
    expect([limit.running, limit.queued]).toEqual([1, 0]);
    held?.();
    expect(limit.running).toBe(0);
  });

  it('leaves room for reads beside the most heavy steps the settings allow', () => {
    expect(MAX_CFGUTIL_PROCESSES).toBeGreaterThan(64);
  });
});

describe('runCfgutil under the process cap', () => {
  it('never has more processes alive than the cap; the rest start as slots free', async () => {
    const limit = createProcessLimit(2);
    const controllers = Array.from({ length: 5 }, () => new AbortController());
    const runs = controllers.map((c) =>
      runCfgutil(fakeCfgutil('hang.mjs'), [], { signal: c.signal, processLimit: limit, killGraceMs: 200 }),
    );
    await expect.poll(() => limit.running).toBe(2);
    expect(limit.queued).toBe(3);
    // Cancelling a waiting run costs no process at all; cancelling a running one frees its slot.
    controllers[4]?.abort();
    expect((await runs[4])?.pid).toBeUndefined();
    controllers[0]?.abort();
    await runs[0];
    await expect.poll(() => limit.running).toBe(2);
    expect(limit.queued).toBe(1);
    for (const c of controllers) c.abort();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.outcome)).toEqual(Array(5).fill('cancelled'));
    expect([limit.running, limit.queued]).toEqual([0, 0]);
  });
});
