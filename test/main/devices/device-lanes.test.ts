import { describe, expect, it } from 'vitest';
import { DeviceLanes } from '../../../main/devices/device-lanes';
import { StartPacer } from '../../../main/devices/start-pacer';
import { flushMicrotasks as flush, manualDefer } from '../../fakes/manual-defer';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DeviceLanes', () => {
  it('runs tasks on one ECID one after another (any spelling), and different ECIDs in parallel', async () => {
    const lanes = new DeviceLanes();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name}+`);
      await tick(20);
      log.push(`${name}-`);
    };
    await Promise.all([
      lanes.run('0xABC', task('a1')),
      lanes.run('0xabc', task('a2')),
      lanes.run('0xDEF', task('b1')),
    ]);
    expect(log.indexOf('a2+')).toBeGreaterThan(log.indexOf('a1-'));
    expect(log.indexOf('b1+')).toBeLessThan(log.indexOf('a1-'));
  });

  it('a failed task does not block the next one', async () => {
    const lanes = new DeviceLanes();
    await expect(lanes.run('0x1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lanes.run('0x1', async () => 'next')).resolves.toBe('next');
  });
});

describe('DeviceLanes with a start pacer', () => {
  it('spreads a cart of arrival reads over turns, one spawn each, still one command per device', async () => {
    const loop = manualDefer();
    const lanes = new DeviceLanes(new StartPacer(loop.defer));
    const running = new Map<string, number>();
    const startsPerTurn: number[] = [];
    let starts = 0;
    let overlapOnOneDevice = false;
    const releases: (() => void)[] = [];
    const command = (ecid: string) => () => {
      starts += 1;
      if ((running.get(ecid) ?? 0) > 0) overlapOnOneDevice = true;
      running.set(ecid, (running.get(ecid) ?? 0) + 1);
      return new Promise<void>((resolve) =>
        releases.push(() => {
          running.set(ecid, (running.get(ecid) ?? 1) - 1);
          resolve();
        }),
      );
    };
    // 8 devices arrive in one publish: each gets its arrival read and its serial read at once.
    const all: Promise<void>[] = [];
    for (let d = 0; d < 8; d += 1) {
      all.push(lanes.run(`0x${d + 1}`, command(`0x${d + 1}`)));
      all.push(lanes.run(`0x${d + 1}`, command(`0x${d + 1}`)));
    }
    await flush();
    expect(starts).toBe(0);
    for (let turn = 0; turn < 8; turn += 1) {
      const before = starts;
      await loop.turn();
      startsPerTurn.push(starts - before);
    }
    expect(startsPerTurn).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // Each device's second command waits for its first; then it too gets a turn of its own.
    for (const release of releases.splice(0)) release();
    await flush();
    for (let turn = 0; turn < 8; turn += 1) await loop.turn();
    for (const release of releases.splice(0)) release();
    await Promise.all(all);
    expect(starts).toBe(16);
    expect(overlapOnOneDevice).toBe(false);
  });
});
