/**
 * The cap on heavy commands (erase, prepare, restore, install) running at once, which the bench may lower by
 * itself when devices keep dropping off USB mid-step (hub power or data trouble, field-notes §4 item 2), and
 * which steps back up by itself after a quiet period (issue 21: a cap that only went down stayed at 1 until
 * restart). Detaches the bench causes itself (erase, prepare, restart, shut-down) are never reported here.
 *
 * `setting` is the operator's number; `limit` is the cap in force. The operator's save sets both.
 */
export interface CapPolicy {
  /** This many drop-offs within `windowMs` halve the cap. */
  readonly dropsToLower: number;
  readonly windowMs: number;
  /** After this long without a drop-off (and since the last change), the cap doubles, up to the setting. */
  readonly quietMs: number;
}

export type CapChange =
  | { readonly kind: 'lowered'; readonly limit: number; readonly drops: number }
  | { readonly kind: 'raised'; readonly limit: number };

export class HeavyStepLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private max: number;
  private drops: number[] = [];
  private changedAt = 0;

  constructor(
    private configured: number,
    private readonly now: () => number = Date.now,
    private readonly policy?: CapPolicy,
    private readonly onChange?: (change: CapChange) => void,
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

  /** The operator's number: the cap in force becomes it at once, and drop-offs seen so far are forgotten. */
  setLimit(max: number): void {
    this.configured = Math.max(1, Math.floor(max));
    this.max = this.configured;
    this.drops = [];
    this.wake();
  }

  /** A device dropped off USB mid-step: enough of them within the window halve the cap. */
  noteDrop(): CapChange | undefined {
    if (!this.policy) return undefined;
    const now = this.now();
    this.drops = [...this.drops.filter((at) => at >= now - this.policy!.windowMs), now];
    if (this.drops.length < this.policy.dropsToLower || this.max <= 1) return undefined;
    const change: CapChange = {
      kind: 'lowered',
      limit: Math.max(1, Math.floor(this.max / 2)),
      drops: this.drops.length,
    };
    this.max = change.limit;
    this.changedAt = now;
    this.drops = [];
    this.onChange?.(change);
    return change;
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

  /** A lowered cap doubles (up to the setting) once a quiet period has passed since the last change or drop. */
  private recover(): void {
    if (!this.policy || this.max >= this.configured) return;
    const now = this.now();
    const lastDrop = this.drops.at(-1) ?? 0;
    if (now - Math.max(this.changedAt, lastDrop) < this.policy.quietMs) return;
    this.max = Math.min(this.configured, this.max * 2);
    this.changedAt = now;
    this.onChange?.({ kind: 'raised', limit: this.max });
  }

  /** Wakes every waiter; each re-checks the cap (the limit may have risen or fallen meanwhile). */
  private wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
