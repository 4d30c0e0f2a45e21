/**
 * The cap on heavy commands (erase, prepare, restore, install) running at once, which the bench may lower by
 * itself when devices keep dropping off USB mid-step (hub power or data trouble, field-notes §4 item 2).
 */
export class HeavyStepLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private max: number) {}

  get limit(): number {
    return this.max;
  }

  get running(): number {
    return this.active;
  }

  setLimit(max: number): void {
    this.max = Math.max(1, Math.floor(max));
    this.wake();
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    while (this.active >= this.max) {
      signal?.throwIfAborted();
      // A job cancelled while it waits for a slot leaves at once instead of at the next release.
      // The abort listener goes when the wait ends either way: a job woken many times must not pile them up.
      await new Promise<void>((resolve) => {
        const done = () => {
          signal?.removeEventListener('abort', done);
          resolve();
        };
        this.waiting.push(done);
        signal?.addEventListener('abort', done, { once: true });
      });
    }
    signal?.throwIfAborted();
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      this.wake();
    }
  }

  /** Wakes every waiter; each re-checks the cap (the limit may have risen or fallen meanwhile). */
  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
