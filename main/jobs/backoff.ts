/**
 * Exponential back-off with jitter for retryable cfgutil failures (busy, disconnected, settling after a
 * reboot): the wait doubles from `baseMs` up to `maxMs`, and each is drawn from [½, 1] of that so a cart of
 * devices that failed together does not retry together.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts in all, the first included; the step fails after the last. */
  readonly attempts: number;
}

export function backoffMs(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/** The longest a policy can wait in all: every wait between its attempts at its ceiling. */
export function backoffWindowMs(policy: BackoffPolicy): number {
  let total = 0;
  for (let attempt = 1; attempt < policy.attempts; attempt += 1)
    total += Math.min(policy.maxMs, policy.baseMs * 2 ** (attempt - 1));
  return total;
}
