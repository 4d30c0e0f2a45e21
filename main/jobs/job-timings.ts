/**
 * Every wait and poll of a job, in device milliseconds, scaled together with the simulated clock.
 *
 * No wait is unbounded and none is a fixed sleep standing in for "probably done": polls re-read the device
 * and go on as soon as it shows the effect, so device time is not padded (the benchmark holds wall time ÷
 * device time to ≤ 1.02).
 */
import type { BackoffPolicy } from './backoff';

export interface JobTimings {
  /** Re-reading a device while a person acts on it (Trust, approve, unlock). */
  readonly operatorPollMs: number;
  /** A person has this long to act before the job fails with the instruction kept. */
  readonly operatorTimeoutMs: number;
  /** After erase: if the device has not left USB by then and shows no effect, the erase did not happen. */
  readonly rebootDetachWindowMs: number;
  /** How long a rebooting device may stay away (the reference saw ~40 s; wrappers wait up to 15 min). */
  readonly reattachTimeoutMs: number;
  /** "Settled": attached, Booted, and no USB change for this long. */
  readonly settleQuietMs: number;
  readonly settleTimeoutMs: number;
  /** How long after a reboot-causing command a detach counts as the reboot, not as a drop-off. */
  readonly rebootGraceMs: number;
  /**
   * Ambiguous results: re-read, back off, retry, up to its attempts. Its whole window (`backoffWindowMs`)
   * bounds how long anything refused as busy, a read or a changing command, is tried again on `busyRetryMs`.
   */
  readonly busy: BackoffPolicy;
  /**
   * A changing command refused as busy (a device settling after its reboot refuses for about a minute) is sent
   * again after this short fixed interval, with no re-read (a refusal changes nothing), for as long as the
   * busy back-off would have allowed in all (`backoffWindowMs(busy)`). Short, so a device is not left idle once it
   * settles; fixed, because the refusals end at a moment the bench cannot know, not by themselves getting rarer.
   */
  readonly busyRetryMs: number;
  /** A step may decide on the device's last read instead of reading again when it is no older than this. */
  readonly lastReadMaxAgeMs: number;
  /** Other retryable failures (timed out, unparseable output, transient). */
  readonly transient: BackoffPolicy;
  /** Devices dropping off USB mid-step this many times within `dropWindowMs` lower the heavy-step cap. */
  readonly dropsToLowerCap: number;
  readonly dropWindowMs: number;
}

export const DEVICE_TIMINGS: JobTimings = {
  operatorPollMs: 3_000,
  operatorTimeoutMs: 30 * 60_000,
  rebootDetachWindowMs: 45_000,
  reattachTimeoutMs: 15 * 60_000,
  settleQuietMs: 3_000,
  settleTimeoutMs: 10 * 60_000,
  rebootGraceMs: 120_000,
  busy: { baseMs: 1_500, maxMs: 8_000, attempts: 60 },
  busyRetryMs: 1_500,
  lastReadMaxAgeMs: 10_000,
  transient: { baseMs: 2_000, maxMs: 30_000, attempts: 5 },
  dropsToLowerCap: 3,
  dropWindowMs: 10 * 60_000,
};

/** The same timings on a clock running `scale` times real time (the simulator's `--time-scale`). */
export function scaledTimings(scale: number, base: JobTimings = DEVICE_TIMINGS): JobTimings {
  const s = (ms: number) => Math.max(1, Math.round(ms * scale));
  const policy = (p: BackoffPolicy): BackoffPolicy => ({ ...p, baseMs: s(p.baseMs), maxMs: s(p.maxMs) });
  return {
    operatorPollMs: s(base.operatorPollMs),
    operatorTimeoutMs: s(base.operatorTimeoutMs),
    rebootDetachWindowMs: s(base.rebootDetachWindowMs),
    reattachTimeoutMs: s(base.reattachTimeoutMs),
    settleQuietMs: s(base.settleQuietMs),
    settleTimeoutMs: s(base.settleTimeoutMs),
    rebootGraceMs: s(base.rebootGraceMs),
    busy: policy(base.busy),
    busyRetryMs: s(base.busyRetryMs),
    lastReadMaxAgeMs: s(base.lastReadMaxAgeMs),
    transient: policy(base.transient),
    dropsToLowerCap: base.dropsToLowerCap,
    dropWindowMs: s(base.dropWindowMs),
  };
}
