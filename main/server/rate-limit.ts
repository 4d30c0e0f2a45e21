/**
 * Per-connection fairness: a token bucket for the frames one WebSocket client may send.
 *
 * A screen asks for a handful of things when it opens and then a few per second (a log page, a name preview);
 * a burst of {@link frameBurst} and a steady {@link framesPerSecond} leave it untouched. A client beyond that
 * gets a cheap refusal per frame (no dispatch, no handler work), and one that keeps going after
 * {@link refusalsBeforeClose} refusals in a row is disconnected, so a flood costs the server a counter, not a
 * stall for every other screen.
 */

export const frameBurst = 200;
export const framesPerSecond = 50;
/** Refusals without one accepted frame in between before the connection is closed. */
export const refusalsBeforeClose = 500;

export interface TokenBucket {
  /** Takes one token if there is one. */
  take(): boolean;
}

export function createTokenBucket(
  capacity: number,
  perSecond: number,
  now: () => number = () => performance.now(),
): TokenBucket {
  let tokens = capacity;
  let last = now();
  return {
    take() {
      const at = now();
      tokens = Math.min(capacity, tokens + ((at - last) / 1000) * perSecond);
      last = at;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}

export type FrameVerdict = 'accept' | 'refuse' | 'close';

/** The decision for each frame of one connection. */
export function createFrameLimiter(
  options: { burst?: number; perSecond?: number; refusalsBeforeClose?: number; now?: () => number } = {},
): { next(): FrameVerdict } {
  const bucket = createTokenBucket(
    options.burst ?? frameBurst,
    options.perSecond ?? framesPerSecond,
    options.now,
  );
  const closeAfter = options.refusalsBeforeClose ?? refusalsBeforeClose;
  let refusedInARow = 0;
  return {
    next() {
      if (bucket.take()) {
        refusedInARow = 0;
        return 'accept';
      }
      refusedInARow += 1;
      return refusedInARow > closeAfter ? 'close' : 'refuse';
    },
  };
}
