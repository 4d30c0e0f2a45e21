/**
 * Tells every log view when the bench log changed (`logChanged`), so a job that ends shows in the Log tab
 * without the operator pressing Refresh.
 *
 * A job's record reaches the journal a moment after its final `jobChanged` (the jobs area writes and flushes
 * the line in the background), so each ending is awaited: the index is read again at most once per interval
 * until it has taken in as many records as jobs ended, or `maxLooks` intervals passed (a journal that cannot
 * be written keeps its backlog; the next ending looks again). A cart of 64 ending together costs one index
 * refresh and one event per interval, never 64. The event carries a revision and a count, never records:
 * each view asks for its own page with its own filters.
 */
import type { Clock } from '../async/clock';

export const LOG_CHANGED_INTERVAL_MS = 1_000;
/** The first look waits this long, so the ending's journal line is usually on disk already. */
export const FIRST_LOOK_MS = 150;
export const MAX_LOOKS = 5;

/** What the feed reads: the log index (./log-index.ts). */
export interface LiveLogSource {
  refresh(): Promise<void>;
  readonly revision: number;
  readonly size: number;
}

export interface LogChange {
  /** Grows whenever the log changes; equal revisions are the same log. */
  readonly revision: number;
  /** Records in the whole log (not what a view's filters match). */
  readonly records: number;
}

/** The real clock, with timers that do not keep the process alive: a pending look must not hold `run` open. */
export const realLiveTimers: Clock = {
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    timer.unref();
    return timer;
  },
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  now: () => Date.now(),
};

export interface LogLiveOptions {
  readonly intervalMs?: number;
  readonly firstLookMs?: number;
  readonly maxLooks?: number;
  readonly timers?: Clock;
  readonly log?: (message: string, detail?: unknown) => void;
}

export class LogLiveFeed {
  /** Endings whose record the index has not taken in yet. */
  private awaited = 0;
  private looksLeft = 0;
  private seen: number;
  private lastLook = -Infinity;
  private timer: unknown;
  private looking = false;
  private closed = false;
  private readonly timers: Clock;

  constructor(
    private readonly source: LiveLogSource,
    private readonly emit: (change: LogChange) => void,
    private readonly options: LogLiveOptions = {},
  ) {
    this.timers = options.timers ?? realLiveTimers;
    this.seen = source.revision;
  }

  /** A job ended: its record is on its way to the journal. */
  jobEnded(): void {
    this.awaited += 1;
    this.looksLeft = this.options.maxLooks ?? MAX_LOOKS;
    this.schedule();
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.closed || this.timer !== undefined || this.looking) return;
    const interval = this.options.intervalMs ?? LOG_CHANGED_INTERVAL_MS;
    const wait = Math.max(
      this.options.firstLookMs ?? FIRST_LOOK_MS,
      this.lastLook + interval - this.timers.now(),
    );
    this.timer = this.timers.setTimeout(() => void this.look(), wait);
  }

  private async look(): Promise<void> {
    this.timer = undefined;
    this.looking = true;
    this.lastLook = this.timers.now();
    this.looksLeft -= 1;
    try {
      await this.source.refresh();
    } catch (error) {
      this.options.log?.('log: reading the journal for the live log failed', error);
    }
    this.looking = false;
    if (this.closed) return;
    // A query may have refreshed the index in between: what counts is what is new since the last look.
    const revision = this.source.revision;
    if (revision !== this.seen) {
      this.awaited = Math.max(0, this.awaited - (revision - this.seen));
      this.seen = revision;
      this.emit({ revision, records: this.source.size });
    }
    if (this.awaited > 0 && this.looksLeft > 0) this.schedule();
    else this.awaited = 0;
  }
}
