/**
 * After `prepare --dep` and its reboot: judge an ADE device from its own read, never from the commands that
 * returned (main/cfgutil/README.md "Automated Device Enrollment"). It must be supervised by an organization
 * this workflow counts as ours, and activated; then it stands either
 * - `enrolled`: a profile is on it (an erased device gets one only from its MDM enrollment), or
 * - `ready-for-user`: no profile yet, so it waits at Setup Assistant where Remote Management enrolls it in
 *   Intune when its user goes through.
 * Anything else fails, in words; the card never ends at a guessed success.
 */
import { eraseOwnership } from '../ade-ownership';
import type { ReadProperty } from '../device-read';
import type { JobContext } from '../job-context';
import { failure } from '../job-failure';
import { sanitizeText } from '../../text/sanitize-text';
import { readDevice } from '../step-kit';

const ADE_PROPERTIES = [
  'isSupervised',
  'organizationName',
  'activationState',
  'configurationProfiles',
] as const satisfies readonly ReadProperty[];

export async function runConfirmAde(ctx: JobContext): Promise<'succeeded'> {
  // Always the device's answer now: the Setup Assistant may have moved on since the last read.
  const read = await readDevice(ctx, ADE_PROPERTIES);
  const { values } = read;
  const ownership = eraseOwnership(values, ctx.ours, ctx.workflow.adeOrganizations);
  if (ownership === 'other-organization') {
    const org = sanitizeText(values.organizationName ?? '', { maxLength: 100 });
    throw failure(
      'unknown',
      'Supervised by another organization',
      `It is supervised by "${org}", which this workflow does not list as yours. Hand it to that organization, or ` +
        'fix its assignment in Apple Business Manager or Apple School Manager.',
      false,
    );
  }
  if (ownership !== 'ours') {
    throw failure(
      'value-missing',
      'Not supervised through Automated Device Enrollment',
      ownership === 'not-supervised'
        ? 'After prepare --dep the device does not show itself supervised. Press Retry; if it stays so, use ' +
            'Switch to direct enrollment.'
        : 'The device did not say whether it is supervised, or by whom. Unlock it, check the cable, then press Retry.',
    );
  }
  if (values.activationState !== 'Activated') {
    throw failure(
      'not-activated',
      'The device is not activated',
      'It is supervised but has not finished activating. Check that this Mac is online, then press Retry.',
    );
  }
  const standing = (values.configurationProfiles ?? []).length > 0 ? 'enrolled' : 'ready-for-user';
  ctx.dispatch({ type: 'ade-standing', standing });
  return 'succeeded';
}
