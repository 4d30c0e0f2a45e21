/**
 * Verify: the device's own `configurationProfiles` holds the profile's PayloadIdentifier (never an exit code).
 * Straight after the install that is the install's own re-read, taken after the command with nothing sent
 * since; otherwise (a retry, a workflow without install) the device is asked.
 */
import { holdsProfile, PROFILES } from '../device-read';
import type { JobContext } from '../job-context';
import { failure } from '../job-failure';
import { currentRead } from '../step-kit';

export async function runVerify(ctx: JobContext): Promise<'succeeded'> {
  const identifier = ctx.profile?.payloadIdentifier;
  const read = await currentRead(ctx, PROFILES);
  if (holdsProfile(read.values, identifier)) return 'succeeded';
  throw failure(
    'no-such-profile',
    'The Intune profile is not on the device',
    `The device does not list ${identifier ?? 'the enrollment profile'} among its profiles. Press Retry to install it again.`,
  );
}
