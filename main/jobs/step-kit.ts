/**
 * The moves every step is made of: read the device (riding out busy, reboots and locked screens), pair it,
 * wait for a person with automatic continuation, and run a changing command whose result is judged by a
 * re-read rather than by its exit code (./README.md J5).
 *
 * A `get` costs per property, so each read asks only for what its decision needs, and a step that starts
 * right after another read decides on that one (`currentRead`) rather than asking the device again.
 */
import type { ErrorCode } from '../../preload/domain';
import type { IdentityOptions } from '../cfgutil/cfgutil-client';
import { backoffMs, backoffWindowMs } from './backoff';
import { READ_PROPERTIES, readOf, type DeviceRead, type ReadProperty } from './device-read';
import { instructionFor, TRUST_DENIED_INSTRUCTION } from './guidance';
import type { JobContext } from './job-context';
import { cfgutilCode, failure, failureFrom } from './job-failure';

/**
 * Codes after which the device may still be fine (or may have done it): re-read, back off, retry. A changing
 * command refused as busy is the exception, sent again without a re-read (`busyRetries`).
 */
export const REREAD_CODES: ReadonlySet<ErrorCode> = new Set([
  'device-busy',
  'device-disconnected',
  'no-devices-found',
  'timed-out',
  'output-unparseable',
  'unknown',
]);

/** The job's signal and, when the bench has one, its supervision identity (`-C/-K`) for a command. */
export function withIdentity(ctx: JobContext): IdentityOptions {
  return { signal: ctx.signal, ...(ctx.identity ? { identity: ctx.identity } : {}) };
}

/** Waits until the device is listed again; an unexpected absence asks the operator to plug it back. */
export async function awaitPresence(ctx: JobContext, expected: boolean): Promise<void> {
  if (ctx.isPresent()) return;
  const limit = expected ? ctx.timings.reattachTimeoutMs : ctx.timings.operatorTimeoutMs;
  if (expected) ctx.dispatch({ type: 'waiting-for-reattach', at: ctx.now() });
  else ctx.setWaiting('reconnect-device');
  const deadline = ctx.now() + limit;
  while (!ctx.isPresent()) {
    const left = deadline - ctx.now();
    if (left <= 0) {
      throw expected
        ? failure(
            'device-disconnected',
            'The device did not come back',
            'It restarted as planned but has not reappeared on USB. Check the cable and the hub port, plug it back in, then press Retry.',
          )
        : failure(
            'device-disconnected',
            'The device was unplugged',
            'It was unplugged in the middle of a step and not plugged back in. Plug it in, then press Retry.',
          );
    }
    await ctx.waitForDeviceChange(left);
  }
  ctx.resume();
}

/**
 * One `get` of `properties` (by default all the bench shows), riding out what is not the device's answer:
 * busy (another command, or a reboot on its way) on the short fixed interval, a reboot in progress, other
 * retryable errors with back-off, a locked screen (waits for "Unlock the device"). Always asks the device:
 * this is the re-read that judges a change, and the poll while a person acts.
 */
export async function readDevice(
  ctx: JobContext,
  properties: readonly ReadProperty[] = READ_PROPERTIES,
): Promise<DeviceRead> {
  const policy = ctx.timings.busy;
  const busyUntil = ctx.now() + backoffWindowMs(policy);
  let lockedSince: number | undefined;
  for (let attempt = 1; ; attempt += 1) {
    ctx.signal.throwIfAborted();
    await awaitPresence(ctx, ctx.rebootExpected());
    const generation = ctx.generation();
    try {
      const read = readOf(await ctx.client.get(ctx.ecid, properties, withIdentity(ctx)), ctx.ours, ctx.now());
      ctx.noteRead(read);
      ctx.lastRead.remember({ read, properties: new Set(properties), generation, at: ctx.now() });
      if (!read.locked) {
        if (lockedSince !== undefined) ctx.resume();
        return read;
      }
      lockedSince ??= ctx.now();
      ctx.setWaiting('unlock-device');
      if (ctx.now() - lockedSince > ctx.timings.operatorTimeoutMs) {
        throw failure('passcode-locked', 'The device stayed locked', 'Unlock the device, then press Retry.');
      }
      // "It's unlocked" on the card wakes this poll early: the next read is the check.
      await ctx.waitForOperatorWord(ctx.timings.operatorPollMs);
      attempt = 0;
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === 'device-busy' && ctx.now() < busyUntil) {
        attempt -= 1;
        await ctx.sleep(ctx.timings.busyRetryMs);
        continue;
      }
      if (code === undefined || !REREAD_CODES.has(code) || attempt >= policy.attempts)
        throw failureFrom(error);
      await ctx.sleep(backoffMs(policy, attempt, ctx.random));
    }
  }
}

/**
 * What a step decides on when it starts: the device's last read if it holds `properties` and nothing has been
 * done to the device since (no changing command, no detach or re-attach, not older than `lastReadMaxAgeMs`),
 * otherwise a read of just those. Never for judging a change: that is `readDevice` after the command.
 */
export async function currentRead(
  ctx: JobContext,
  properties: readonly ReadProperty[] = READ_PROPERTIES,
): Promise<DeviceRead> {
  if (ctx.isPresent()) {
    const last = ctx.lastRead.valid(properties, ctx.generation(), ctx.now(), ctx.timings.lastReadMaxAgeMs);
    if (last) return last;
  }
  return readDevice(ctx, properties);
}

/**
 * Sends a changing command, and while the device refuses it as busy ("already in use": nothing was done, so
 * there is nothing to re-read) sends it again after the short fixed `busyRetryMs`, for at most the busy
 * back-off's whole window from when the step began (the bound it always had). A heavy command is passed as
 * `() => ctx.heavy(...)` so its slot is free for another device between refusals. Any other outcome is the
 * caller's to judge by a re-read.
 */
export function busyRetries(ctx: JobContext): <T>(send: () => Promise<T>) => Promise<T> {
  const until = ctx.now() + backoffWindowMs(ctx.timings.busy);
  return async (send) => {
    for (;;) {
      try {
        return await send();
      } catch (error) {
        if (cfgutilCode(error) !== 'device-busy') throw error;
        if (ctx.now() >= until) throw failureFrom(error);
      }
      await ctx.sleep(ctx.timings.busyRetryMs);
    }
  };
}

/** Steps that restart the device call this so the runner waits for it instead of calling it unplugged. */
export function markReboot(ctx: JobContext): void {
  ctx.expectReboot(ctx.now() + ctx.timings.rebootGraceMs);
}

/**
 * Runs a command that restarts (or shuts down) the device. The device may leave USB while the command still
 * runs, at its end, or within the grace after it: all of that is the bench's own doing, never a drop-off, so
 * the window is open for the whole command and the grace runs from its end (issue 21: a clean cart of 30 had
 * its cap lowered by erase and prepare reboots that outlasted a window started when the command was sent).
 */
export async function duringReboot<T>(ctx: JobContext, command: () => Promise<T>): Promise<T> {
  ctx.expectReboot(Number.POSITIVE_INFINITY);
  try {
    return await command();
  } finally {
    markReboot(ctx);
  }
}

export function clearReboot(ctx: JobContext): void {
  ctx.expectReboot(0);
}

/**
 * Pairs an unpaired device (with our identity: no prompt on devices we supervise). Trust pending or denied
 * waits for the tap and asks again; the wait is bounded.
 */
export async function ensurePaired(
  ctx: JobContext,
  read: DeviceRead,
  properties: readonly ReadProperty[],
): Promise<DeviceRead> {
  if (read.values.isPaired !== false) return read;
  const deadline = ctx.now() + ctx.timings.operatorTimeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ctx.client.pair(ctx.ecid, withIdentity(ctx));
      const after = await readDevice(ctx, properties);
      if (after.values.isPaired !== false) {
        ctx.resume();
        return after;
      }
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === 'trust-pending') ctx.setWaiting('tap-trust');
      else if (code === 'trust-denied') ctx.setWaiting('tap-trust', TRUST_DENIED_INSTRUCTION);
      else if (code === 'passcode-locked') ctx.setWaiting('unlock-device');
      else if (code === undefined || !REREAD_CODES.has(code) || attempt >= ctx.timings.busy.attempts)
        throw failureFrom(error);
    }
    if (ctx.now() > deadline) {
      throw failure(
        'trust-pending',
        'Nobody tapped Trust',
        'Tap Trust on the device and enter its passcode, then press Retry.',
      );
    }
    // "I tapped Trust" on the card wakes this poll early: the next pair and read are the check.
    await ctx.waitForOperatorWord(ctx.timings.operatorPollMs);
  }
}

/**
 * Waits for a person: shows `reason`, then re-reads `properties` every poll until `done(read)` (automatic
 * continuation). The operator's word (Continue, I approved it) re-reads at once: where the bench can see the
 * effect it goes on only when the re-read shows it, and otherwise keeps waiting with the instruction and a
 * note that the device does not show it yet; where it cannot (Setup Assistant, Activation Lock), the word is
 * the answer. A wait that runs out fails saying so, with the instruction kept, and Retry reads again first.
 */
export async function waitForOperator(
  ctx: JobContext,
  reason: Parameters<JobContext['setWaiting']>[0],
  done: ((read: DeviceRead) => boolean) | undefined,
  timeout: { code: ErrorCode; title: string; detail: string },
  properties: readonly ReadProperty[] = READ_PROPERTIES,
): Promise<DeviceRead | undefined> {
  ctx.setWaiting(reason);
  const deadline = ctx.now() + ctx.timings.operatorTimeoutMs;
  let answered = false;
  for (;;) {
    const word = await ctx.waitForOperatorWord(ctx.timings.operatorPollMs);
    if (word && !done) {
      ctx.resume();
      return undefined;
    }
    if (done) {
      const read = await readDevice(ctx, properties);
      if (done(read)) {
        ctx.resume();
        return read;
      }
      // Once answered too early, the note stays until the wait ends (each poll would otherwise clear it).
      answered ||= word;
      if (answered) ctx.setWaiting(reason, `${instructionFor(reason)} ${NOT_SEEN_YET}`);
      else ctx.setWaiting(reason);
    }
    if (ctx.now() > deadline) throw failure(timeout.code, timeout.title, ranOut(timeout.detail));
  }
}

/** Said on the card when the operator answered but the re-read does not show the effect. */
export const NOT_SEEN_YET = 'Checked just now: the device does not show it yet.';

/** A wait that ran out says so, keeps the instruction, and says what Retry does. */
function ranOut(instruction: string): string {
  return `The wait for a person ran out. ${instruction} Retry reads the device again before waiting.`;
}

/**
 * Activation Lock stops erase and prepare alike: no reboot is coming, and only the owner can remove the lock
 * (Find My), so the job waits for the operator's word, bounded by the operator timeout.
 */
export async function waitForActivationLockRemoval(ctx: JobContext): Promise<void> {
  clearReboot(ctx);
  await waitForOperator(ctx, 'activation-lock', undefined, {
    code: 'activation-locked',
    title: 'Activation Lock is still on',
    detail: 'The owner must remove the device from Find My; this bench cannot. Then press Retry.',
  });
}
