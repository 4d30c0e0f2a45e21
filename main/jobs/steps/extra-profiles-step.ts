/**
 * Extra profiles from the data folder's `profiles/extra/`, each installed with the identity. A profile that
 * waits for approval (625) waits for the person like the enrollment profile does, until the device lists one
 * more profile than before.
 */
import path from 'node:path';
import type { WorkflowStep } from '../../../preload/jobs-domain';
import { PROFILES } from '../device-read';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, endingFrom } from '../job-failure';
import {
  busyRetries,
  currentRead,
  readDevice,
  REREAD_CODES,
  waitForOperator,
  withIdentity,
} from '../step-kit';

type ExtraStep = Extract<WorkflowStep, { kind: 'install-extra-profiles' }>;

export async function runExtraProfiles(ctx: JobContext, step: ExtraStep): Promise<'succeeded' | 'skipped'> {
  if (step.files.length === 0) return 'skipped';
  const dir = ctx.extraProfilesDir;
  if (!dir)
    throw failure(
      'invalid-request',
      'No folder for extra profiles',
      'This bench has no data folder for extra profiles.',
      false,
    );
  for (const file of step.files) {
    if (path.basename(file) !== file)
      throw failure(
        'invalid-request',
        'Bad extra profile name',
        `"${file}" must be a file name inside profiles/extra/.`,
        false,
      );
    const before = (await currentRead(ctx, PROFILES)).values.configurationProfiles?.length ?? 0;
    try {
      const outcome = await busyRetries(ctx)(() =>
        ctx.heavy(() => ctx.client.installProfile(ctx.ecid, path.join(dir, file), withIdentity(ctx))),
      );
      if (outcome === 'awaiting-user-approval') {
        await waitForOperator(
          ctx,
          'approve-profile',
          (r) => (r.values.configurationProfiles?.length ?? 0) > before,
          {
            code: 'needs-user-approval',
            title: `${file} was not approved`,
            detail: 'Approve it on the device, then press Retry.',
          },
          PROFILES,
        );
      }
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === undefined || !REREAD_CODES.has(code)) throw endingFrom(error);
      const after = (await readDevice(ctx, PROFILES)).values.configurationProfiles?.length ?? 0;
      if (after <= before) throw endingFrom(error);
    }
  }
  return 'succeeded';
}
