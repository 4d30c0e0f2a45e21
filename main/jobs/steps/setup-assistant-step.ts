/**
 * Finish Setup Assistant. cfgutil cannot see Setup Assistant (AGREED-SIM item 1): with every pane skipped the
 * device finishes on its own after prepare's reboot, so the step is done; otherwise a person taps through the
 * remaining screens and presses Continue. A leftover pane still shows later, as "verify found no profile".
 */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import type { JobContext } from '../job-context';
import { waitForOperator } from '../step-kit';

export function skipsAllPanes(steps: readonly WorkflowStep[]): boolean {
  return steps.some((s) => s.kind === 'prepare' && s.skipPanes === 'all');
}

export async function runFinishSetupAssistant(ctx: JobContext): Promise<'succeeded'> {
  if (skipsAllPanes(ctx.workflow.steps)) return 'succeeded';
  await waitForOperator(ctx, 'finish-setup-assistant', undefined, {
    code: 'timed-out',
    title: 'Setup Assistant was not finished',
    detail: 'Tap through the remaining Setup Assistant screens, then press Retry.',
  });
  return 'succeeded';
}
