/**
 * `erase`, guarded (issue 9 item 5): never a device supervised by another organization unless the workflow
 * says so, and done only when the device shows it, after its detach and re-attach (§8.2): Unactivated and
 * unsupervised. An ambiguous result (−402653052, 603, an error inside a success envelope) is judged the same
 * way: if the device leaves USB and comes back erased it happened; if it stays and still looks set up, it
 * did not, and the erase is sent again.
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import { backoffMs } from '../backoff';
import { supervisedByOther, type DeviceRead } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, failureFrom, JobSkip } from '../job-failure';
import {
  clearReboot,
  ensurePaired,
  markReboot,
  readDevice,
  REREAD_CODES,
  waitForOperator,
} from '../step-kit';

type EraseStep = Extract<WorkflowStep, { kind: 'erase' }>;

function looksErased(read: DeviceRead): boolean {
  return read.values.activationState === 'Unactivated' && read.values.isSupervised !== true;
}

export async function runErase(ctx: JobContext, step: EraseStep): Promise<'succeeded'> {
  let read = await readDevice(ctx);
  if (supervisedByOther(read.values, ctx.ours) && !step.allowOtherOrganization)
    throw new JobSkip('other-organization');
  read = await ensurePaired(ctx, read);
  for (let attempt = 1; ; attempt += 1) {
    const generation = ctx.generation();
    markReboot(ctx);
    try {
      await ctx.heavy(() =>
        ctx.client.erase(ctx.ecid, {
          signal: ctx.signal,
          ...(ctx.identity ? { identity: ctx.identity } : {}),
        }),
      );
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === 'activation-locked') {
        clearReboot(ctx);
        await waitForOperator(ctx, 'activation-lock', undefined, {
          code: 'activation-locked',
          title: 'Activation Lock is still on',
          detail: 'The owner must remove the device from Find My; this bench cannot. Then press Retry.',
        });
        continue;
      }
      if (code === undefined || !REREAD_CODES.has(code)) {
        clearReboot(ctx);
        throw failureFrom(error);
      }
      // Ambiguous: whether the erase was sent is decided below by what the device does.
    }
    if (await cameBackErased(ctx, generation)) {
      clearReboot(ctx);
      return 'succeeded';
    }
    if (attempt >= ctx.timings.transient.attempts) {
      clearReboot(ctx);
      throw failure(
        'unknown',
        'The device was not erased',
        'Erase was sent several times but the device still shows its old state. Press Retry, or erase it in Settings.',
      );
    }
    ctx.dispatch({ type: 'attempt' });
    await ctx.sleep(backoffMs(ctx.timings.busy, attempt, ctx.random));
  }
}

/**
 * After the command: wait for the detach and re-attach; if the device never leaves within the detach window,
 * re-read and decide from its state.
 */
async function cameBackErased(ctx: JobContext, generation: number): Promise<boolean> {
  ctx.dispatch({ type: 'waiting-for-reattach', at: ctx.now() });
  const leaveBy = ctx.now() + ctx.timings.rebootDetachWindowMs;
  while (ctx.generation() === generation && ctx.isPresent() && ctx.now() < leaveBy) {
    await ctx.waitForDeviceChange(leaveBy - ctx.now());
  }
  // Gone (or gone and back): readDevice waits for the re-attach within the reboot allowance.
  const read = await readDevice(ctx);
  ctx.resume();
  return looksErased(read) || (ctx.generation() > generation && read.values.activationState !== 'Activated');
}
