/**
 * `prepare`: supervise under this bench's identity with the workflow's language, locale, skipped panes and
 * pairing rule (§8.3). Done when a re-read shows the device supervised by us; the reboot that follows it
 * (AGREED-SIM item 3) is ridden out by the read. 612 on a device that is already ours counts as done.
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import type { PrepareOptions } from '../../cfgutil/cfgutil-client';
import { SKIP_PANES, type SkipPane } from '../../cfgutil/prepare-options';
import { backoffMs } from '../backoff';
import { SUPERVISION_PROPERTIES, supervisedByUs } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, failureFrom } from '../job-failure';
import {
  busyRetries,
  clearReboot,
  currentRead,
  duringReboot,
  markReboot,
  readDevice,
  REREAD_CODES,
  waitForActivationLockRemoval,
} from '../step-kit';

type PrepareStep = Extract<WorkflowStep, { kind: 'prepare' }>;

export function prepareOptionsFor(
  step: PrepareStep,
  ctx: Pick<JobContext, 'ours' | 'identity'>,
): PrepareOptions {
  const panes =
    step.skipPanes === 'all'
      ? [...SKIP_PANES]
      : step.skipPanes.filter((p): p is SkipPane => (SKIP_PANES as readonly string[]).includes(p));
  return {
    supervised: true,
    ...(ctx.ours.organizationName ? { name: ctx.ours.organizationName } : {}),
    ...(ctx.identity ? { hostCert: ctx.identity.certPath } : {}),
    language: step.language,
    locale: step.locale,
    skipAll: step.skipPanes === 'all',
    skip: panes,
    forbidPairing: !step.allowPairing,
  };
}

export async function runPrepare(ctx: JobContext, step: PrepareStep): Promise<'succeeded' | 'skipped'> {
  // Usually the settle step's read of a moment ago.
  const before = await currentRead(ctx, SUPERVISION_PROPERTIES);
  if (supervisedByUs(before.values, ctx.ours) && before.values.activationState === 'Activated')
    return 'skipped';
  const options = prepareOptionsFor(step, ctx);
  // A device still settling after the erase's reboot refuses prepare as busy for about a minute.
  const send = busyRetries(ctx);
  for (let attempt = 1; ; attempt += 1) {
    let code: ReturnType<typeof cfgutilCode>;
    try {
      // The device reboots at the end of prepare (AGREED-SIM item 3), maybe before cfgutil returns: expected.
      await send(() =>
        ctx.heavy(() =>
          duringReboot(ctx, () => ctx.client.prepare(ctx.ecid, options, { signal: ctx.signal })),
        ),
      );
    } catch (error) {
      markReboot(ctx);
      code = cfgutilCode(error);
      if (code === 'activation-locked' || code === 'not-activated') {
        await waitForActivationLockRemoval(ctx);
        continue;
      }
      if (code === 'network-unavailable') ctx.setWaiting('mac-offline');
      else if (code !== 'already-prepared' && (code === undefined || !REREAD_CODES.has(code))) {
        clearReboot(ctx);
        throw failureFrom(error);
      }
    }
    const after = await readDevice(ctx, SUPERVISION_PROPERTIES);
    if (supervisedByUs(after.values, ctx.ours)) {
      if (code === 'network-unavailable') ctx.resume();
      return 'succeeded';
    }
    if (code === 'already-prepared') {
      clearReboot(ctx);
      throw failure(
        'already-prepared',
        'Erase the device first',
        'It was set up without this bench and can only be prepared straight after an erase. Use a workflow that erases.',
        false,
      );
    }
    const policy = code === 'network-unavailable' ? ctx.timings.transient : ctx.timings.busy;
    if (
      attempt >=
      (code === 'network-unavailable'
        ? ctx.timings.operatorTimeoutMs / ctx.timings.transient.maxMs
        : policy.attempts)
    ) {
      clearReboot(ctx);
      throw failure(
        code ?? 'unknown',
        'The device was not prepared',
        'Prepare was tried several times without the device showing it supervised. Press Retry.',
      );
    }
    ctx.dispatch({ type: 'attempt' });
    // While the Mac is offline, the card's Retry (once it is back online) tries again at once.
    if (code === 'network-unavailable') await ctx.waitForOperatorWord(backoffMs(policy, attempt, ctx.random));
    else await ctx.sleep(backoffMs(policy, attempt, ctx.random));
  }
}
