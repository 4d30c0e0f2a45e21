/** Shut down when done: sent with the identity (supervised devices only); done when the device leaves USB. */
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, endingFrom } from '../job-failure';
import { duringReboot, REREAD_CODES, withIdentity } from '../step-kit';

export async function runShutDown(ctx: JobContext): Promise<'succeeded'> {
  const generation = ctx.generation();
  try {
    await duringReboot(ctx, () => ctx.client.shutDown(ctx.ecid, withIdentity(ctx)));
  } catch (error) {
    const code = cfgutilCode(error);
    if (code === undefined || !REREAD_CODES.has(code)) throw endingFrom(error);
  }
  const until = ctx.now() + ctx.timings.rebootDetachWindowMs;
  while (ctx.isPresent() && ctx.generation() === generation && ctx.now() < until) {
    await ctx.waitForDeviceChange(until - ctx.now());
  }
  if (ctx.isPresent() && ctx.generation() === generation) {
    throw failure(
      'unknown',
      'The device did not shut down',
      'It is still on USB. Hold the top button to turn it off.',
    );
  }
  return 'succeeded';
}
