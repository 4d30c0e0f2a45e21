/**
 * `prepare --dep` (issue 26): the device fetches its Automated Device Enrollment configuration from Apple, which
 * decides supervision, the supervising organization and the Setup Assistant panes. We send only `--dep` with a
 * language and locale, as AZTEC's bench does, and no `-C/-K`: the device is not supervised by our identity.
 * Done when, after the reboot that follows it, a re-read shows the device supervised (main/cfgutil/README.md
 * "Automated Device Enrollment").
 *
 * 33001 ("The configuration is not available") is branched on by code: right after an assignment it is often
 * transient (AZTEC erased and ran `prepare --dep` again, and that worked), so the device is erased and prepared
 * again up to `ADE_ATTEMPTS` times; then the job holds with the checklist (describe-error.ts).
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import type { PrepareOptions } from '../../cfgutil/cfgutil-client';
import { errorInfo } from '../../cfgutil/cfgutil-error';
import { sanitizeText } from '../../text/sanitize-text';
import { eraseOwnership } from '../ade-ownership';
import { backoffMs } from '../backoff';
import { SUPERVISION_PROPERTIES, type DeviceRead } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, failureFrom, JobFailure } from '../job-failure';
import {
  busyRetries,
  clearReboot,
  currentRead,
  markReboot,
  readDevice,
  REREAD_CODES,
  waitForActivationLockRemoval,
} from '../step-kit';
import { runErase } from './erase-step';

type PrepareAdeStep = Extract<WorkflowStep, { kind: 'prepare-ade' }>;

/** `prepare --dep` tries in all when Apple answers 33001, each after a fresh erase (AZTEC: the second worked). */
export const ADE_ATTEMPTS = 3;

export function prepareAdeOptions(step: PrepareAdeStep): PrepareOptions {
  return { dep: true, language: step.language, locale: step.locale };
}

/** Prepared and activated already (a Retry or a restart after the prepare): nothing to send again. */
function alreadyPrepared(read: DeviceRead): boolean {
  return read.values.isSupervised === true && read.values.activationState === 'Activated';
}

export async function runPrepareAde(ctx: JobContext, step: PrepareAdeStep): Promise<'succeeded' | 'skipped'> {
  const before = await currentRead(ctx, SUPERVISION_PROPERTIES);
  if (alreadyPrepared(before)) return 'skipped';
  const options = prepareAdeOptions(step);
  let unavailable = 0;
  for (let attempt = 1; ; attempt += 1) {
    let code: ReturnType<typeof cfgutilCode>;
    const generation = ctx.generation();
    // The busy window starts afresh each try: after a re-erase the device settles (refuses as busy) again.
    const send = busyRetries(ctx);
    try {
      await send(() => ctx.heavy(() => ctx.client.prepare(ctx.ecid, options, { signal: ctx.signal })));
      markReboot(ctx);
    } catch (error) {
      markReboot(ctx);
      code = cfgutilCode(error);
      if (code === 'activation-locked') {
        await waitForActivationLockRemoval(ctx);
        continue;
      }
      if (code === 'configuration-unavailable') {
        clearReboot(ctx);
        unavailable += 1;
        if (unavailable >= ADE_ATTEMPTS) throw noConfiguration();
        ctx.dispatch({ type: 'attempt', error: errorInfo('configuration-unavailable') });
        // AZTEC's answer: erase, then `prepare --dep` again.
        await runErase(ctx, { kind: 'erase', allowOtherOrganization: false }, { evenIfErased: true });
        continue;
      }
      if (code === 'network-unavailable') ctx.setWaiting('mac-offline');
      else if (code === undefined || (code !== 'not-activated' && !REREAD_CODES.has(code))) {
        clearReboot(ctx);
        throw failureFrom(error);
      }
    }
    const after = await readAfterReboot(ctx, generation, code === undefined);
    if (after.values.isSupervised === true) {
      if (code === 'network-unavailable') ctx.resume();
      const ownership = eraseOwnership(after.values, ctx.ours, ctx.workflow.adeOrganizations);
      if (ownership === 'other-organization') throw otherOrganization(after.values.organizationName);
      return 'succeeded';
    }
    if (attempt >= ctx.timings.transient.attempts) {
      clearReboot(ctx);
      throw failure(
        code ?? 'unknown',
        'The device was not prepared',
        'prepare --dep was tried several times without the device showing it supervised. Check that this Mac is ' +
          'online, then press Retry.',
      );
    }
    ctx.dispatch({ type: 'attempt' });
    await ctx.sleep(backoffMs(ctx.timings.transient, attempt, ctx.random));
  }
}

/**
 * After a `prepare --dep` that returned, the device reboots (§12): wait for it to leave USB within the detach
 * window, then read it once it is back (the read rides out the re-attach, `markReboot`).
 */
async function readAfterReboot(
  ctx: JobContext,
  generation: number,
  expectReboot: boolean,
): Promise<DeviceRead> {
  if (expectReboot) {
    ctx.dispatch({ type: 'waiting-for-reattach', at: ctx.now() });
    const leaveBy = ctx.now() + ctx.timings.rebootDetachWindowMs;
    while (ctx.generation() === generation && ctx.isPresent() && ctx.now() < leaveBy) {
      await ctx.waitForDeviceChange(leaveBy - ctx.now());
    }
  }
  const read = await readDevice(ctx, SUPERVISION_PROPERTIES);
  if (expectReboot) ctx.resume();
  clearReboot(ctx);
  return read;
}

/** Held with the checklist: Retry after fixing the assignment, or switch the device to direct enrollment. */
export function noConfiguration(): JobFailure {
  return new JobFailure(errorInfo('configuration-unavailable'));
}

function otherOrganization(name: string | undefined): JobFailure {
  const org = name === undefined ? 'an unnamed organization' : sanitizeText(name, { maxLength: 100 });
  return failure(
    'unknown',
    'Its ADE configuration belongs to another organization',
    `Apple supervised it for "${org}", which this workflow does not list as yours. ` +
      'Take it off the cart and hand it to that organization, or fix its assignment in Apple Business Manager or ' +
      'Apple School Manager.',
    false,
  );
}
