/**
 * Install the Intune enrollment profile with the identity (`-C/-K`), done when `configurationProfiles` holds
 * its PayloadIdentifier. 625 is not a failure: the job waits for the approval on the device and goes on by
 * itself once the profile shows (§8.4). A silent install the device does not show (Setup Assistant not
 * finished, AGREED-SIM item 1) is sent again with back-off, then handed to a person.
 */
import { BenchError } from '../../errors/bench-error';
import { backoffMs } from '../backoff';
import { holdsProfile, PAIRING_AND_PROFILES, PROFILES } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, endingFrom } from '../job-failure';
import {
  busyRetries,
  currentRead,
  ensurePaired,
  readDevice,
  REREAD_CODES,
  waitForOperator,
  withIdentity,
} from '../step-kit';

const UNSEEN_INSTALLS = 3;

/** Waits for a person, going on by itself as soon as a re-read shows the profile on the device. */
function waitForProfile(
  ctx: JobContext,
  payloadIdentifier: string,
  reason: Parameters<typeof waitForOperator>[1],
  timeout: Parameters<typeof waitForOperator>[3],
): Promise<unknown> {
  return waitForOperator(ctx, reason, (r) => holdsProfile(r.values, payloadIdentifier), timeout, PROFILES);
}

/** The profile's own pre-install work (an ACME serial push to Intune); its failure is the step's, in words. */
async function beforeInstall(ctx: JobContext, profile: NonNullable<JobContext['profile']>): Promise<void> {
  if (!profile.beforeInstall) return;
  try {
    await profile.beforeInstall(ctx.serialNumber(), ctx.signal);
  } catch (error) {
    if (error instanceof BenchError)
      throw failure('invalid-request', error.info.title, error.info.detail, true);
    throw endingFrom(error);
  }
}

export async function runInstallProfile(ctx: JobContext): Promise<'succeeded' | 'skipped'> {
  const profile = ctx.profile;
  if (!profile) {
    throw failure(
      'invalid-request',
      'No enrollment profile',
      'Import the Intune enrollment profile, then press Retry.',
      false,
    );
  }
  let read = await currentRead(ctx, PAIRING_AND_PROFILES);
  if (holdsProfile(read.values, profile.payloadIdentifier)) return 'skipped';
  await beforeInstall(ctx, profile);
  read = await ensurePaired(ctx, read, PAIRING_AND_PROFILES);
  // A device still settling after prepare's reboot refuses the install as busy.
  const send = busyRetries(ctx);
  let unseen = 0;
  for (let attempt = 1; ; attempt += 1) {
    let outcome: 'installed' | 'awaiting-user-approval' | 'ambiguous';
    try {
      outcome = await send(() =>
        ctx.heavy(() => ctx.client.installProfile(ctx.ecid, profile.path, withIdentity(ctx))),
      );
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === undefined || !REREAD_CODES.has(code) || attempt >= ctx.timings.busy.attempts)
        throw endingFrom(error);
      outcome = 'ambiguous';
    }
    read = await readDevice(ctx, PROFILES);
    if (holdsProfile(read.values, profile.payloadIdentifier)) return 'succeeded';
    if (outcome === 'awaiting-user-approval') {
      await waitForProfile(ctx, profile.payloadIdentifier, 'approve-profile', {
        code: 'needs-user-approval',
        title: 'The profile was not approved',
        detail: 'Approve it on the device (Settings ▸ General ▸ VPN & Device Management), then press Retry.',
      });
      return 'succeeded';
    }
    if (outcome === 'installed' && ++unseen >= UNSEEN_INSTALLS) {
      await waitForProfile(ctx, profile.payloadIdentifier, 'finish-setup-assistant', {
        code: 'no-such-profile',
        title: 'The profile is not on the device',
        detail:
          'cfgutil said it installed, but the device does not show it. Finish Setup Assistant on the device, then press Retry.',
      });
      unseen = 0;
    }
    ctx.dispatch({ type: 'attempt' });
    await ctx.sleep(backoffMs(ctx.timings.busy, attempt, ctx.random));
  }
}
