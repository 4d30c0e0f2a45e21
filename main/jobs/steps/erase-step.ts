/**
 * `erase`, guarded (issue 9 item 5): never a device supervised by another organization unless the workflow
 * says so (ours: this bench's organization or one the workflow lists in `adeOrganizations`, ../ade-ownership.ts),
 * never a device whose supervisor cannot be read, and done only when the device shows it, after its detach and re-attach (§8.2): Unactivated and
 * unsupervised. An ambiguous result (−402653052, 603, an error inside a success envelope) is judged the same
 * way: if the device leaves USB and comes back erased it happened; if it stays and still looks set up, it
 * did not, and the erase is sent again.
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import { backoffMs } from '../backoff';
import { eraseOwnership, type EraseOwnership } from '../ade-ownership';
import { SUPERVISION_PROPERTIES, type DeviceRead } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, failureFrom, JobSkip } from '../job-failure';
import {
  busyRetries,
  clearReboot,
  currentRead,
  ensurePaired,
  markReboot,
  readDevice,
  REREAD_CODES,
  waitForActivationLockRemoval,
  withIdentity,
} from '../step-kit';

type EraseStep = Extract<WorkflowStep, { kind: 'erase' }>;

function looksErased(read: DeviceRead): boolean {
  return read.values.activationState === 'Unactivated' && read.values.isSupervised !== true;
}

/**
 * `again`: erase even a device that already looks erased (prepare's recovery from "not activated" and 33001,
 * as AZTEC does). Otherwise a device that reads Unactivated and unsupervised is at Setup Assistant already
 * (new, or erased by an earlier job such as an ADE attempt the operator switched to direct enrollment), and
 * the erase is skipped: there is nothing on it to wipe.
 */
export async function runErase(
  ctx: JobContext,
  step: EraseStep,
  again = false,
): Promise<'succeeded' | 'skipped'> {
  // Usually the board's arrival read of a moment ago: nothing has been done to the device since.
  const read = await currentRead(ctx, SUPERVISION_PROPERTIES);
  // Decided before pairing (another organization's device is never asked to trust us), and again on the
  // paired read when the first could not tell.
  if (refusal(eraseOwnership(read.values, ctx.ours, ctx.workflow.adeOrganizations), step) === 'skip')
    throw new JobSkip('other-organization');
  const paired = await ensurePaired(ctx, read, SUPERVISION_PROPERTIES);
  const verdict = refusal(eraseOwnership(paired.values, ctx.ours, ctx.workflow.adeOrganizations), step);
  if (verdict === 'skip') throw new JobSkip('other-organization');
  if (verdict === 'hold') throw unknownSupervisor();
  if (!again && looksErased(paired)) return 'skipped';
  const send = busyRetries(ctx);
  for (let attempt = 1; ; attempt += 1) {
    let generation = ctx.generation();
    try {
      // The generation the erase was really sent at (after any busy refusals).
      await send(() => {
        generation = ctx.generation();
        markReboot(ctx);
        return ctx.heavy(() => ctx.client.erase(ctx.ecid, withIdentity(ctx)));
      });
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === 'activation-locked') {
        await waitForActivationLockRemoval(ctx);
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

function refusal(ownership: EraseOwnership, step: EraseStep): 'skip' | 'hold' | undefined {
  if (step.allowOtherOrganization) return undefined;
  if (ownership === 'other-organization') return 'skip';
  return ownership === 'unknown-supervisor' ? 'hold' : undefined;
}

/** Fail closed: a device whose supervisor cannot be read is never erased on a guess. */
function unknownSupervisor() {
  return failure(
    'value-missing',
    'Who supervises this device is unknown',
    'The device did not say whether it is supervised, or by which organization, so it is not erased. Unlock it, ' +
      'check its cable, then press Retry; if it belongs to another organization, take it off the cart.',
    true,
  );
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
