/**
 * What a device allows, as rules on the order of a workflow's steps. A workflow that breaks one is refused
 * with the reason, before it can run on a cart and fail on every device.
 *
 * The rules come from what a real device allows (../README.md J1–J3): `prepare` works only on a freshly erased
 * device (612 otherwise, J1) and the device restarts after erase, so the bench must wait for it to settle (J2);
 * the direct-enrollment profile can only be installed once Setup Assistant is finished (J3, Microsoft's doc:
 * "device must have finished Setup Assistant"); verification reads back what install-enrollment-profile put there, so it needs that step before it.
 */
import { workflowStepKinds, type WorkflowStep, type WorkflowStepKind } from '../../../preload/jobs-domain';
import { checkNameTemplate } from './name-template';

export interface StepProblem {
  /** `steps[3]` or `steps[3].template`. */
  readonly field: string;
  readonly message: string;
}

/** Steps that make sense at most once in a workflow (waiting for the device may repeat). */
const ONCE: readonly WorkflowStepKind[] = workflowStepKinds.filter((kind) => kind !== 'wait-until-settled');

/** The first rule the steps break, or `undefined` when the order is one a device allows. */
export function checkStepOrder(steps: readonly WorkflowStep[]): StepProblem | undefined {
  const kinds = steps.map((s) => s.kind);
  const at = (i: number) => `steps[${i}]`;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as WorkflowStep;
    const before = kinds.slice(0, i);
    if (ONCE.includes(step.kind) && before.includes(step.kind)) {
      return { field: at(i), message: `${step.kind} appears twice; a workflow runs it once.` };
    }
    const problem = ruleFor(step, before, kinds, i);
    if (problem) return { field: problem.field ?? at(i), message: problem.message };
  }
  return undefined;
}

function ruleFor(
  step: WorkflowStep,
  before: readonly WorkflowStepKind[],
  all: readonly WorkflowStepKind[],
  index: number,
): { readonly field?: string; readonly message: string } | undefined {
  const erases = all.includes('erase');
  switch (step.kind) {
    case 'erase':
      if (index !== 0)
        return { message: 'erase must be the first step: it wipes what the steps before it did.' };
      if (all[1] !== undefined && all[1] !== 'wait-until-settled') {
        return {
          message:
            'erase must be followed by wait-until-settled: the device restarts and is not ready for the next command until it has settled.',
        };
      }
      return undefined;
    case 'prepare':
      if (!before.includes('erase')) {
        return {
          message:
            'prepare needs erase before it in the same workflow: cfgutil prepares only a freshly erased device (error 612 otherwise).',
        };
      }
      return undefined;
    case 'finish-setup-assistant':
      if (!erases) {
        return {
          message:
            'finish-setup-assistant belongs in a workflow that erases: a device that was not erased has already finished Setup Assistant.',
        };
      }
      return undefined;
    case 'verify-enrollment':
      if (!before.includes('install-enrollment-profile')) {
        return {
          message:
            'verify-enrollment needs install-enrollment-profile before it: it checks that the profile that step installed is on the device.',
        };
      }
      return undefined;
    case 'rename': {
      const problem = checkNameTemplate(step.template);
      return problem ? { field: `steps[${index}].template`, message: problem } : undefined;
    }
    case 'shut-down':
      if (index !== all.length - 1)
        return { message: 'shut-down must be the last step: nothing runs on a device that is off.' };
      return undefined;
    // A device still at Setup Assistant cannot take a profile: it needs the Home Screen.
    case 'install-enrollment-profile':
    case 'install-extra-profiles':
      if (erases && !before.includes('finish-setup-assistant')) {
        return {
          message: `${step.kind} needs finish-setup-assistant before it in a workflow that erases: profiles install only once Setup Assistant is done.`,
        };
      }
      return undefined;
    case 'wait-until-settled':
      return undefined;
    case 'prepare-ade':
      if (!before.includes('erase')) {
        return {
          message:
            'prepare-ade needs erase before it in the same workflow: cfgutil prepare --dep works only on a freshly erased device (error 612 otherwise).',
        };
      }
      if (all.includes('prepare')) {
        return {
          message:
            'prepare-ade and prepare cannot share a workflow: a device is supervised either by its Automated Device Enrollment organization or by this bench.',
        };
      }
      return undefined;
    case 'confirm-ade-enrollment':
      if (!before.includes('prepare-ade')) {
        return {
          message:
            'confirm-ade-enrollment needs prepare-ade before it: it judges what prepare --dep did to the device.',
        };
      }
      return undefined;
  }
}
