/**
 * The one way a job waits: for `ms` on the job's clock, or until something wakes it (a device change, the
 * operator's word), or until the job is cancelled (rejects with the abort reason). Never a bare sleep.
 */
import type { Clock } from '../async/clock';

/** Resolves true when woken, false on timeout; `register` returns how to stop listening. */
export function abortableWait(
  clock: Clock,
  signal: AbortSignal,
  ms: number,
  register?: (wake: () => void) => () => void,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (woken: boolean, error?: unknown) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      unregister?.();
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(woken);
    };
    const onAbort = () => finish(false, signal.reason ?? new Error('aborted'));
    const timer = clock.setTimeout(() => finish(false), Math.max(0, ms));
    const unregister = register?.(() => finish(true));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}
