/**
 * `prepare`: supervise under this bench's identity with the workflow's language, locale, skipped panes and
 * pairing rule. Done when a re-read shows the device supervised by us; the reboot that follows it is ridden
 * out by the read. 612 on a device that is already ours counts as done.
 *
 * What real runs show (README.md in main/cfgutil, "prepare"):
 * - The identity goes with the command (`-C/-K`, its certificate as `--host-cert`), and every later command
 *   carries it, because a device prepared with pairing forbidden pairs only with that identity. After a
 *   prepare, −402653030 (pairing prohibited) means "re-read with the identity", never a failure on its own.
 * - "The device is not activated." is transient (the device not ready after its reboot, or the network):
 *   retried with back-off, then the device is erased and prepared once more, and only then is the operator
 *   told. Activation Lock is a different answer and alone gets the Find My instruction.
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import type { PrepareOptions } from '../../cfgutil/cfgutil-client';
import { isPaneKey, SKIP_PANES, type SkipPane } from '../../cfgutil/prepare-options';
import type { ErrorCode } from '../../../preload/domain';
import { backoffMs } from '../backoff';
import { SUPERVISION_PROPERTIES, supervisedByUs } from '../device-read';
import type { JobContext } from '../job-context';
import { withGuardProperties } from '../safety/guard-changes';
import { cfgutilCode, failure, endingFrom } from '../job-failure';
import {
  busyRetries,
  clearReboot,
  currentRead,
  duringReboot,
  markReboot,
  readDevice,
  REREAD_CODES,
  waitForActivationLockRemoval,
  withIdentity,
} from '../step-kit';
import { runErase } from './erase-step';

type PrepareStep = Extract<WorkflowStep, { kind: 'prepare' }>;

export function prepareOptionsFor(
  step: PrepareStep,
  ctx: Pick<JobContext, 'ours' | 'identity'>,
): PrepareOptions {
  const panes =
    step.skipPanes === 'all' ? [...SKIP_PANES] : step.skipPanes.filter((p): p is SkipPane => isPaneKey(p));
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

/** Codes after which a prepare is judged by re-reading the device (with the identity) rather than failed. */
const JUDGE_BY_REREAD: ReadonlySet<ErrorCode> = new Set([
  'already-prepared',
  'pairing-prohibited',
  'network-unavailable',
]);

/** Unactivated and not supervised: at Setup Assistant, never set up since its last erase. */
function neverSetUp(read: { values: { activationState?: string; isSupervised?: boolean } }): boolean {
  return read.values.activationState === 'Unactivated' && read.values.isSupervised === false;
}

export async function runPrepare(ctx: JobContext, step: PrepareStep): Promise<'succeeded' | 'skipped'> {
  // Usually the settle step's read of a moment ago.
  const before = await currentRead(ctx, withGuardProperties(SUPERVISION_PROPERTIES));
  if (supervisedByUs(before.values, ctx.ours) && before.values.activationState === 'Activated')
    return 'skipped';
  const options = prepareOptionsFor(step, ctx);
  // A device still settling after the erase's reboot refuses prepare as busy for about a minute.
  const send = busyRetries(ctx);
  let notActivated = 0;
  let erasedForActivation = false;
  for (let attempt = 1; ; attempt += 1) {
    let code: ReturnType<typeof cfgutilCode>;
    try {
      // The device reboots at the end of prepare (AGREED-SIM item 3), maybe before cfgutil returns: a detach
      // while the command runs or within the grace after it is expected, never a drop-off.
      await send(() =>
        ctx.heavy(() => duringReboot(ctx, () => ctx.client.prepare(ctx.ecid, options, withIdentity(ctx)))),
      );
    } catch (error) {
      markReboot(ctx);
      code = cfgutilCode(error);
      if (code === 'activation-locked') {
        await waitForActivationLockRemoval(ctx);
        continue;
      }
      if (code === 'not-activated') {
        clearReboot(ctx);
        notActivated += 1;
        if (notActivated < ctx.timings.transient.attempts) {
          ctx.dispatch({ type: 'attempt' });
          await ctx.sleep(backoffMs(ctx.timings.transient, notActivated, ctx.random));
          continue;
        }
        if (!erasedForActivation) {
          // AZTEC's answer to it: erase, then prepare again (once).
          erasedForActivation = true;
          await runErase(ctx, { kind: 'erase', allowOtherOrganization: false }, { evenIfErased: true });
          ctx.dispatch({ type: 'attempt' });
          continue;
        }
        throw failure(
          'not-activated',
          'The device did not activate',
          'Prepare was tried several times and once more after an erase, and each time the device said it is not ' +
            'activated. Check that this Mac is online and can reach Apple (the device activates through it), ' +
            'then press Retry.',
        );
      }
      if (code === 'network-unavailable') ctx.setWaiting('mac-offline');
      else if (code === undefined || (!JUDGE_BY_REREAD.has(code) && !REREAD_CODES.has(code))) {
        clearReboot(ctx);
        throw endingFrom(error);
      }
    }
    const after = await readDevice(ctx, SUPERVISION_PROPERTIES);
    if (supervisedByUs(after.values, ctx.ours)) {
      if (code === 'network-unavailable') ctx.resume();
      return 'succeeded';
    }
    if (code === 'pairing-prohibited') {
      // Re-read with the identity and still not ours: another host's device refusing this Mac.
      clearReboot(ctx);
      throw failure(
        'pairing-prohibited',
        'The device refuses to pair with this Mac',
        'Prepare ended with "pairing prohibited" and a re-read with this bench\u2019s supervision identity does not show the device supervised by it. Check that the identity in Settings is the one the device was prepared with, or erase the device, then press Retry.',
        false,
      );
    }
    if (code === 'already-prepared' && !erasedForActivation && neverSetUp(after)) {
      // 612 on a device that never finished its setup (a `prepare --dep` that failed, for a device switched
      // from ADE): it only needs the erase the earlier attempt consumed. Once, then the usual failure.
      erasedForActivation = true;
      clearReboot(ctx);
      await runErase(ctx, { kind: 'erase', allowOtherOrganization: false }, { evenIfErased: true });
      ctx.dispatch({ type: 'attempt' });
      continue;
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
