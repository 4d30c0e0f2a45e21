/**
 * Identical records within a window are counted, not each written: a page retrying a refused request, or a
 * client hammering a wrong token, would otherwise fill the log and push out what matters.
 *
 * The first record of a kind is written at once; its repeats within `windowMs` only raise a count; when the
 * window closes the count is written as one record (`repeated: N`), and the next one starts afresh.
 */
export interface RepeatCounterOptions<T> {
  readonly windowMs: number;
  /** Kinds tracked at once; beyond this, new kinds are written without counting (memory stays bounded). */
  readonly maxKinds?: number;
  /** Called when a window closes with repeats: the first record's payload, how many followed, and when. */
  readonly onRepeats: (payload: T, count: number, firstAt: number) => void;
  readonly now?: () => number;
}

interface Window<T> {
  readonly payload: T;
  readonly firstAt: number;
  count: number;
  readonly timer: ReturnType<typeof setTimeout>;
}

export class RepeatCounter<T> {
  private readonly windows = new Map<string, Window<T>>();
  private readonly now: () => number;

  constructor(private readonly options: RepeatCounterOptions<T>) {
    this.now = options.now ?? Date.now;
  }

  /** True when `key` should be written now; false when it was counted as a repeat. */
  admit(key: string, payload: T): boolean {
    const open = this.windows.get(key);
    if (open) {
      open.count += 1;
      return false;
    }
    if (this.windows.size >= (this.options.maxKinds ?? 1000)) return true;
    const timer = setTimeout(() => this.close(key), this.options.windowMs);
    // A pending count must not keep a finished process alive; flush() writes it on the way out.
    timer.unref?.();
    this.windows.set(key, { payload, firstAt: this.now(), count: 0, timer });
    return true;
  }

  /** Writes every pending count now (before closing the log). */
  flush(): void {
    for (const key of [...this.windows.keys()]) this.close(key);
  }

  private close(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    clearTimeout(window.timer);
    this.windows.delete(key);
    if (window.count > 0) this.options.onRepeats(window.payload, window.count, window.firstAt);
  }
}
