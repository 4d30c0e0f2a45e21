/**
 * Install the Intune enrollment profile with the identity (`-C/-K`), done when `configurationProfiles` holds
 * its PayloadIdentifier. 625 is not a failure: the job waits for the approval on the device and goes on by
 * itself once the profile shows (§8.4). A silent install the device does not show (Setup Assistant not
 * finished, AGREED-SIM item 1) is sent again with back-off, then handed to a person.
 */
import { backoffMs } from '../backoff';
import { holdsProfile } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, failureFrom } from '../job-failure';
import { ensurePaired, readDevice, REREAD_CODES, waitForOperator } from '../step-kit';

const UNSEEN_INSTALLS = 3;

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
  let read = await readDevice(ctx);
  if (holdsProfile(read.values, profile.payloadIdentifier)) return 'skipped';
  read = await ensurePaired(ctx, read);
  let unseen = 0;
  for (let attempt = 1; ; attempt += 1) {
    let outcome: 'installed' | 'awaiting-user-approval' | 'ambiguous';
    try {
      outcome = await ctx.heavy(() =>
        ctx.client.installProfile(ctx.ecid, profile.path, {
          signal: ctx.signal,
          ...(ctx.identity ? { identity: ctx.identity } : {}),
        }),
      );
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === undefined || !REREAD_CODES.has(code) || attempt >= ctx.timings.busy.attempts)
        throw failureFrom(error);
      outcome = 'ambiguous';
    }
    read = await readDevice(ctx);
    if (holdsProfile(read.values, profile.payloadIdentifier)) return 'succeeded';
    if (outcome === 'awaiting-user-approval') {
      await waitForOperator(
        ctx,
        'approve-profile',
        (r) => holdsProfile(r.values, profile.payloadIdentifier),
        {
          code: 'needs-user-approval',
          title: 'The profile was not approved',
          detail:
            'Approve it on the device (Settings ▸ General ▸ VPN & Device Management), then press Retry.',
        },
      );
      return 'succeeded';
    }
    if (outcome === 'installed' && ++unseen >= UNSEEN_INSTALLS) {
      await waitForOperator(
        ctx,
        'finish-setup-assistant',
        (r) => holdsProfile(r.values, profile.payloadIdentifier),
        {
          code: 'no-such-profile',
          title: 'The profile is not on the device',
          detail:
            'cfgutil said it installed, but the device does not show it. Finish Setup Assistant on the device, then press Retry.',
        },
      );
      unseen = 0;
    }
    ctx.dispatch({ type: 'attempt' });
    await ctx.sleep(backoffMs(ctx.timings.busy, attempt, ctx.random));
  }
}
