/**
 * The bench-wide cap on cfgutil processes alive at once, reads included (one per device is kept by the jobs;
 * this bounds their sum). Each cfgutil is a process of its own with its own memory (~14 MB resident), so a
 * `list` naming 300 devices must not become 300 processes: the rest wait here, in call order, and a caller
 * that gives up while waiting (its AbortSignal) leaves the queue without ever starting one.
 *
 * The cap is the most heavy steps the settings allow at once (64) plus 8 for reads, so no setting can leave
 * reads without a slot and no flood can start more than this.
 */
export const MAX_CFGUTIL_PROCESSES = 72;

export interface ProcessLimit {
  /** Resolves with a release function once a slot is free; `undefined` when `signal` aborted first. */
  acquire(signal?: AbortSignal): Promise<(() => void) | undefined>;
  readonly running: number;
  readonly queued: number;
  readonly max: number;
}

export function createProcessLimit(max: number = MAX_CFGUTIL_PROCESSES): ProcessLimit {
  let running = 0;
  const waiting: { grant: () => void }[] = [];
  const release = (): void => {
    running -= 1;
    const next = waiting.shift();
    if (next) next.grant();
  };
  const slot = (): (() => void) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  };
  return {
    get running() {
      return running;
    },
    get queued() {
      return waiting.length;
    },
    max,
    acquire(signal) {
      if (signal?.aborted) return Promise.resolve(undefined);
      if (running < max) {
        running += 1;
        return Promise.resolve(slot());
      }
      return new Promise((resolve) => {
        const entry = {
          grant: () => {
            signal?.removeEventListener('abort', onAbort);
            running += 1;
            resolve(slot());
          },
        };
        const onAbort = (): void => {
          const at = waiting.indexOf(entry);
          if (at >= 0) waiting.splice(at, 1);
          resolve(undefined);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
      });
    },
  };
}

/** The one limit every `runCfgutil` call shares. */
export const cfgutilProcesses: ProcessLimit = createProcessLimit();
