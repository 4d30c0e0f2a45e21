import { describe, expect, it } from 'vitest';
import { StartPacer } from '../../../main/devices/start-pacer';
import { flushMicrotasks as flush, manualDefer } from '../../fakes/manual-defer';

describe('StartPacer', () => {
  it('starts one waiting caller per turn, in arrival order', async () => {
    const loop = manualDefer();
    const pacer = new StartPacer(loop.defer);
    const started: number[] = [];
    for (let i = 0; i < 4; i += 1) void pacer.turn().then(() => started.push(i));
    await flush();
    expect(started).toEqual([]);
    expect(loop.pending()).toBe(1);
    await loop.turn();
    expect(started).toEqual([0]);
    await loop.turn();
    await loop.turn();
    expect(started).toEqual([0, 1, 2]);
    await loop.turn();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(loop.pending()).toBe(0);
  });
});
