/**
 * `erase`, guarded (issue 9 item 5): never a device supervised by another organization unless the workflow
 * says so (ours: this bench's organization or one the workflow lists in `adeOrganizations`,
 * ../ade-ownership.ts), never a device whose supervisor cannot be read (the change guard holds it), and done
 * only when the device shows it, after its detach and re-attach (§8.2): Unactivated and unsupervised. An ambiguous result (−402653052, 603, an error inside a success envelope) is judged the same
 * way: if the device leaves USB and comes back erased it happened; if it stays and still looks set up, it
 * did not, and the erase is sent again.
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import { backoffMs } from '../backoff';
import { eraseOwnership } from '../ade-ownership';
import { SUPERVISION_PROPERTIES, type DeviceRead } from '../device-read';
import type { JobContext } from '../job-context';
import { withGuardProperties } from '../safety/guard-changes';
import { cfgutilCode, failure, endingFrom, JobSkip } from '../job-failure';
import {
  busyRetries,
  clearReboot,
  currentRead,
  ensurePaired,
  duringReboot,
  readDevice,
  REREAD_CODES,
  waitForActivationLockRemoval,
  withIdentity,
} from '../step-kit';

type EraseStep = Extract<WorkflowStep, { kind: 'erase' }>;

const ERASE_DECISION = withGuardProperties(SUPERVISION_PROPERTIES);

function looksErased(read: DeviceRead): boolean {
  return read.values.activationState === 'Unactivated' && read.values.isSupervised !== true;
}

export interface EraseChoice {
  /**
   * Erase even a device that already reads as erased: the prepare step's answer to "not activated" is a fresh
   * erase of a device that is at Setup Assistant already, so "it shows the effect" cannot skip it.
   */
  readonly evenIfErased?: boolean;
}

export async function runErase(
  ctx: JobContext,
  step: EraseStep,
  choice: EraseChoice = {},
): Promise<'succeeded'> {
  // Usually the board's arrival read of a moment ago: nothing has been done to the device since.
  // It holds what the change guard decides on too (./safety/guard-changes.ts), which checks again before
  // every erase sent: who manages it, the ignore list, whether someone uses it.
  const read = await currentRead(ctx, ERASE_DECISION);
  // Another organization's device is never asked to trust us: decided before pairing. Ours includes the
  // workflow's ADE organizations (../ade-ownership.ts), the same rule the guard applies to every erase sent;
  // a supervisor this read cannot show is left to the guard, which reads again and holds.
  if (
    eraseOwnership(read.values, ctx.ours, ctx.workflow.adeOrganizations) === 'other-organization' &&
    !step.allowOtherOrganization
  )
    throw new JobSkip('other-organization');
  // The effect may already be on the device (a job resumed after a crash, its erase sent before the bench
  // was cut off): a device that shows it is erased is not erased a second time.
  if (!choice.evenIfErased && looksErased(read)) return 'succeeded';
  await ensurePaired(ctx, read, ERASE_DECISION);
  const send = busyRetries(ctx);
  for (let attempt = 1; ; attempt += 1) {
    let generation = ctx.generation();
    try {
      // The generation the erase was really sent at (after any busy refusals).
      await send(() => {
        generation = ctx.generation();
        return ctx.heavy(() => duringReboot(ctx, () => ctx.client.erase(ctx.ecid, withIdentity(ctx))));
      });
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === 'activation-locked') {
        await waitForActivationLockRemoval(ctx);
        continue;
      }
      if (code === undefined || !REREAD_CODES.has(code)) {
        clearReboot(ctx);
        throw endingFrom(error);
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
  // Gone (or gone and back): readDevice waits for the re-attach within the reboot allowance. Everything is
  // read: the device is new to the bench now, and it is settling after its boot, so the read costs no time.
  const read = await readDevice(ctx);
  ctx.resume();
  return looksErased(read) || (ctx.generation() > generation && read.values.activationState !== 'Activated');
}
