/**
 * Runs async tasks one at a time, in call order; a failed task does not block the next.
 *
 * Engine switches (use the simulator, check again, choose cfgutil, quit) must not interleave: two at once
 * would both stop the old engine and both start a new one, leaving a watcher nobody stops. The profile and
 * identity services queue their imports the same way, so a pair of files on disk never mixes two imports.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/**
 * Runs at most `max` tasks at once; the rest wait their turn. Used for background cfgutil reads, so a cart of
 * 64 arriving does not start 64 cfgutil processes together.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.waiting.shift()?.();
    }
  }
}
