/**
 * The cap on heavy commands (erase, prepare, restore, install) running at once. `setting` is the operator's
 * number; `limit` is the cap in force, which the bench may lower by itself when devices keep dropping off USB
 * mid-step and raise again after a quiet period (./drop-watch.ts decides both; issue 21: a cap that only went
 * down stayed at 1 until restart). Detaches the bench causes itself (erase, prepare, restart, shut-down) are
 * never counted as drop-offs (./step-kit.ts keeps their window open).
 */
export class HeavyStepLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private configured: number;
  private max: number;

  /**
   * @param recover asked each time a heavy step queues or ends, so a lowered cap can step back up
   *   (it calls {@link setInForce}); the board wires it to its drop watch.
   */
  constructor(
    configured: number,
    private readonly recover: () => void = () => {},
  ) {
    this.configured = Math.max(1, Math.floor(configured));
    this.max = this.configured;
  }

  /** The cap in force. */
  get limit(): number {
    return this.max;
  }

  /** The operator's number, which a lowered cap steps back up to. */
  get setting(): number {
    return this.configured;
  }

  get running(): number {
    return this.active;
  }

  /** The operator's number: the cap in force becomes it at once. */
  setLimit(max: number): void {
    this.configured = Math.max(1, Math.floor(max));
    this.max = this.configured;
    this.wake();
  }

  /** The bench's own change of the cap in force, between 1 and the operator's number. */
  setInForce(max: number): void {
    this.max = Math.min(this.configured, Math.max(1, Math.floor(max)));
    this.wake();
  }

  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    this.recover();
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
      this.recover();
      this.wake();
    }
  }

  /** Wakes every waiter; each re-checks the cap (the limit may have risen or fallen meanwhile). */
  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
