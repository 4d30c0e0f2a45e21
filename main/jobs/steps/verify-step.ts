/** Verify: the device's own `configurationProfiles` holds the profile's PayloadIdentifier (never an exit code). */
import { holdsProfile } from '../device-read';
import type { JobContext } from '../job-context';
import { failure } from '../job-failure';
import { readDevice } from '../step-kit';

export async function runVerify(ctx: JobContext): Promise<'succeeded'> {
  const identifier = ctx.profile?.payloadIdentifier;
  const read = await readDevice(ctx);
  if (holdsProfile(read.values, identifier)) return 'succeeded';
  throw failure(
    'no-such-profile',
    'The Intune profile is not on the device',
    `The device does not list ${identifier ?? 'the enrollment profile'} among its profiles. Press Retry to install it again.`,
  );
}
