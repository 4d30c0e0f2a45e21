/** One workflow step to its executor. Exhaustive: a new step kind does not compile until it runs here. */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import { assertNever } from '../../cfgutil/assert-never';
import type { JobContext } from '../job-context';
import { runConfirmAde } from './confirm-ade-step';
import { runErase } from './erase-step';
import { runExtraProfiles } from './extra-profiles-step';
import { runInstallProfile } from './install-step';
import { runPrepareAde } from './prepare-ade-step';
import { runPrepare } from './prepare-step';
import { runRename } from './rename-step';
import { runSettle } from './settle-step';
import { runFinishSetupAssistant } from './setup-assistant-step';
import { runShutDown } from './shut-down-step';
import { runVerify } from './verify-step';

export function runStep(ctx: JobContext, step: WorkflowStep): Promise<'succeeded' | 'skipped'> {
  switch (step.kind) {
    case 'erase':
      return runErase(ctx, step);
    case 'prepare':
      return runPrepare(ctx, step);
    case 'wait-until-settled':
      return runSettle(ctx);
    case 'finish-setup-assistant':
      return runFinishSetupAssistant(ctx);
    case 'install-enrollment-profile':
      return runInstallProfile(ctx);
    case 'verify-enrollment':
      return runVerify(ctx);
    case 'rename':
      return runRename(ctx, step);
    case 'install-extra-profiles':
      return runExtraProfiles(ctx, step);
    case 'shut-down':
      return runShutDown(ctx);
    case 'prepare-ade':
      return runPrepareAde(ctx, step);
    case 'confirm-ade-enrollment':
      return runConfirmAde(ctx);
    default:
      return assertNever(step);
  }
}
