/**
 * The device watcher's debounce: one call of `fire` per burst of USB signals, never later than `maxWaitMs`
 * after the first signal it has not yet served.
 *
 * A plain debounce (restart the quiet period on every signal) starves on a busy cart: the other devices'
 * erase and prepare reboots are USB signals too, so a device plugged in while they run would wait until the
 * whole bench had been quiet for the full period. The cap bounds that wait; the quiet period still turns a
 * burst (a hub powering up, an attach-detach-attach flap) into one listing, and a steady stream of signals
 * into at most one listing per `maxWaitMs`.
 */
import type { Clock } from '../async/clock';

export interface SignalDebounceOptions {
  readonly timers: Clock;
  /** Quiet time after the newest signal before firing. */
  readonly quietMs: number;
  /** The longest the oldest unserved signal waits, however often signals keep coming. */
  readonly maxWaitMs: number;
  readonly fire: () => void;
}

export class SignalDebounce {
  private timer: unknown;
  /** When the oldest signal not yet handed to `fire` arrived; undefined when none waits. */
  private firstUnservedAt: number | undefined;

  constructor(private readonly options: SignalDebounceOptions) {}

  signal(): void {
    const { timers, quietMs, maxWaitMs } = this.options;
    const now = timers.now();
    this.firstUnservedAt ??= now;
    const untilCap = this.firstUnservedAt + maxWaitMs - now;
    timers.clearTimeout(this.timer);
    this.timer = timers.setTimeout(() => this.elapsed(), Math.max(0, Math.min(quietMs, untilCap)));
  }

  /** Forgets any waiting signal (the watcher stopped). */
  cancel(): void {
    this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.firstUnservedAt = undefined;
  }

  private elapsed(): void {
    this.timer = undefined;
    this.firstUnservedAt = undefined;
    this.options.fire();
  }
}
