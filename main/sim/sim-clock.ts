/**
 * The world's clock: simulated seconds mapped to real time by a scale factor.
 *
 * One clock for every timer in the world means `timeScale` speeds up the whole bench at once
 * (an 85 s prepare takes 0.85 s at 0.01) and `close()` can cancel every pending timer, so a closed
 * world leaves nothing running in a test process.
 */
export class SimAbortError extends Error {
  constructor() {
    super('aborted');
    this.name = 'SimAbortError';
  }
}

export class SimClock {
  private readonly startedAt = Date.now();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(readonly timeScale: number) {
    if (!(timeScale > 0) || !Number.isFinite(timeScale))
      throw new RangeError('timeScale must be a positive number');
  }

  /** Simulated milliseconds since the world started. */
  now(): number {
    return (Date.now() - this.startedAt) / this.timeScale;
  }

  /** Runs `fn` after `simSeconds` of simulated time. Returns a cancel function. */
  schedule(simSeconds: number, fn: () => void): () => void {
    if (this.closed) return () => undefined;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        fn();
      },
      Math.max(0, simSeconds * 1000 * this.timeScale),
    );
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  /** Waits `simSeconds`; rejects with {@link SimAbortError} when `signal` aborts first. */
  sleep(simSeconds: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(new SimAbortError());
      const onAbort = (): void => {
        cancel();
        reject(new SimAbortError());
      };
      const cancel = this.schedule(simSeconds, () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Cancels every pending timer; later `schedule` calls do nothing. */
  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
