/**
 * The moves every step is made of: read the device (riding out busy, reboots and locked screens), pair it,
 * wait for a person with automatic continuation, and run a changing command whose result is judged by a
 * re-read rather than by its exit code (../shared/reference/cfgutil.md §7.2).
 */
import type { ErrorCode } from '../../preload/domain';
import { backoffMs, type BackoffPolicy } from './backoff';
import { READ_PROPERTIES, readOf, type DeviceRead } from './device-read';
import { TRUST_DENIED_INSTRUCTION } from './guidance';
import type { JobContext } from './job-context';
import { cfgutilCode, failure, failureFrom } from './job-failure';

/** Codes after which the device may still be fine (or may have done it): re-read, back off, retry. */
export const REREAD_CODES: ReadonlySet<ErrorCode> = new Set([
  'device-busy',
  'device-disconnected',
  'no-devices-found',
  'timed-out',
  'output-unparseable',
  'unknown',
]);

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
 * One `get` of the standard properties, riding out what is not the device's answer: busy (another command,
 * or settling after a reboot), a reboot in progress, a locked screen (waits for "Unlock the device").
 */
export async function readDevice(
  ctx: JobContext,
  policy: BackoffPolicy = ctx.timings.busy,
): Promise<DeviceRead> {
  let lockedSince: number | undefined;
  for (let attempt = 1; ; attempt += 1) {
    ctx.signal.throwIfAborted();
    await awaitPresence(ctx, ctx.rebootExpected());
    try {
      const read = readOf(
        await ctx.client.get(ctx.ecid, READ_PROPERTIES, { signal: ctx.signal }),
        ctx.ours,
        ctx.now(),
      );
      ctx.noteRead(read);
      if (!read.locked) {
        if (lockedSince !== undefined) ctx.resume();
        return read;
      }
      lockedSince ??= ctx.now();
      ctx.setWaiting('unlock-device');
      if (ctx.now() - lockedSince > ctx.timings.operatorTimeoutMs) {
        throw failure('passcode-locked', 'The device stayed locked', 'Unlock the device, then press Retry.');
      }
      await ctx.sleep(ctx.timings.operatorPollMs);
      attempt = 0;
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === undefined || !REREAD_CODES.has(code) || attempt >= policy.attempts)
        throw failureFrom(error);
      await ctx.sleep(backoffMs(policy, attempt, ctx.random));
    }
  }
}

/** Steps that restart the device call this so the runner waits for it instead of calling it unplugged. */
export function markReboot(ctx: JobContext): void {
  ctx.expectReboot(ctx.now() + ctx.timings.rebootGraceMs);
}

export function clearReboot(ctx: JobContext): void {
  ctx.expectReboot(0);
}

/**
 * Pairs an unpaired device (with our identity: no prompt on devices we supervise). Trust pending or denied
 * waits for the tap and asks again; the wait is bounded.
 */
export async function ensurePaired(ctx: JobContext, read: DeviceRead): Promise<DeviceRead> {
  if (read.values.isPaired !== false) return read;
  const deadline = ctx.now() + ctx.timings.operatorTimeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ctx.client.pair(ctx.ecid, {
        signal: ctx.signal,
        ...(ctx.identity ? { identity: ctx.identity } : {}),
      });
      const after = await readDevice(ctx);
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
    await ctx.sleep(ctx.timings.operatorPollMs);
  }
}

/**
 * Waits for a person: shows `reason`, then re-reads every poll until `done(read)` (automatic continuation),
 * or until the operator presses Continue when `continueOnWord`. Bounded by the operator timeout.
 */
export async function waitForOperator(
  ctx: JobContext,
  reason: Parameters<JobContext['setWaiting']>[0],
  done: ((read: DeviceRead) => boolean) | undefined,
  timeout: { code: ErrorCode; title: string; detail: string },
): Promise<DeviceRead | undefined> {
  ctx.setWaiting(reason);
  const deadline = ctx.now() + ctx.timings.operatorTimeoutMs;
  for (;;) {
    const word = await ctx.waitForOperatorWord(ctx.timings.operatorPollMs);
    if (word) {
      ctx.resume();
      return undefined;
    }
    if (done) {
      const read = await readDevice(ctx);
      if (done(read)) {
        ctx.resume();
        return read;
      }
      ctx.setWaiting(reason);
    }
    if (ctx.now() > deadline) throw failure(timeout.code, timeout.title, timeout.detail);
  }
}
