import { describe, expect, it } from 'vitest';
import { createFrameLimiter, createTokenBucket } from '../../../main/server/rate-limit';

describe('createTokenBucket', () => {
  it('gives a burst, then refills at the rate, never beyond the capacity', () => {
    let now = 0;
    const bucket = createTokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now = 500; // half a second at 2 per second: one token
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    now = 60_000;
    const taken = Array.from({ length: 10 }, () => bucket.take()).filter(Boolean).length;
    expect(taken).toBe(3);
  });
});

describe('createFrameLimiter', () => {
  it('accepts within the rate, refuses beyond it and closes after the refusals in a row', () => {
    const limiter = createFrameLimiter({ burst: 2, perSecond: 1, refusalsBeforeClose: 3, now: () => 0 });
    const verdicts = Array.from({ length: 6 }, () => limiter.next());
    expect(verdicts).toEqual(['accept', 'accept', 'refuse', 'refuse', 'refuse', 'close']);
  });

  it('forgives refusals once a frame is accepted again', () => {
    let now = 0;
    const limiter = createFrameLimiter({ burst: 1, perSecond: 1, refusalsBeforeClose: 2, now: () => now });
    expect([limiter.next(), limiter.next(), limiter.next()]).toEqual(['accept', 'refuse', 'refuse']);
    now = 1000;
    expect([limiter.next(), limiter.next(), limiter.next()]).toEqual(['accept', 'refuse', 'refuse']);
  });
});
