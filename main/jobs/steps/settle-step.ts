/**
 * Wait until booted and settled: attached, `bootedState` Booted, and no USB change for a quiet spell. The
 * reference's device still refuses changes for a while after it says Booted (§8.2, AGREED-SIM item 4); that
 * window is not slept through here: the next changing command meets "busy" and is sent again on the short
 * fixed interval (`busyRetries`) until the device takes it.
 */
import type { JobContext } from '../job-context';
import { failure } from '../job-failure';
import { clearReboot, currentRead, readDevice } from '../step-kit';

const BOOT = ['bootedState'] as const;

export async function runSettle(ctx: JobContext): Promise<'succeeded'> {
  const deadline = ctx.now() + ctx.timings.settleTimeoutMs;
  // The first look may be the previous step's re-read of a moment ago; every later one asks the device.
  for (let look = 1; ; look += 1) {
    const read = look === 1 ? await currentRead(ctx, BOOT) : await readDevice(ctx, BOOT);
    const generation = ctx.generation();
    if (read.values.bootedState === 'Booted' || read.values.bootedState === undefined) {
      const quietUntil = ctx.now() + ctx.timings.settleQuietMs;
      while (ctx.generation() === generation && ctx.isPresent() && ctx.now() < quietUntil) {
        await ctx.waitForDeviceChange(quietUntil - ctx.now());
      }
      if (ctx.generation() === generation && ctx.isPresent()) {
        clearReboot(ctx);
        return 'succeeded';
      }
    } else {
      await ctx.sleep(ctx.timings.settleQuietMs);
    }
    if (ctx.now() > deadline) {
      throw failure(
        'timed-out',
        'The device did not settle',
        `It still reports "${read.values.bootedState ?? 'unknown'}". Restart it, then press Retry.`,
      );
    }
  }
}
