/**
 * Lets one per-device cfgutil command start per turn of the event loop.
 *
 * Starting a command spawns a process, and `child_process.spawn` blocks the main thread while it forks
 * (tens of milliseconds on a loaded machine). When a cart arrives, every device's arrival read and serial
 * read used to start in the same turn: for 64 devices the event loop stalled for well over a second (README,
 * Reliability). Handing out one start per `setImmediate` does the same work but lets I/O, timers, IPC and
 * the server's frames through between spawns; a lone command waits a single turn. Commands still run in
 * parallel once started: this spreads starts, it is not a cap.
 */
export type Defer = (callback: () => void) => void;

export class StartPacer {
  private readonly waiting: (() => void)[] = [];
  private scheduled = false;

  constructor(private readonly defer: Defer = (callback) => void setImmediate(callback)) {}

  /** Resolves when it is this caller's turn to start; callers are served first come, first served. */
  turn(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      this.waiting.shift()?.();
      this.schedule();
    });
  }
}
