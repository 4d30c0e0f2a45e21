/**
 * Pure helpers for the workflow editor: a duplicate of a preset, a new step with sensible options, moving
 * steps, and the checks the editor can make before asking main (which validates again and has the last word).
 */
import {
  workflowStepKinds,
  type Workflow,
  type WorkflowStep,
  type WorkflowStepKind,
} from '../../preload/jobs-domain';

/** The step kinds the editor offers, in their usual order. */
export const stepKinds: readonly WorkflowStepKind[] = workflowStepKinds;

export function newStep(kind: WorkflowStepKind): WorkflowStep {
  switch (kind) {
    case 'erase':
      return { kind, allowOtherOrganization: false };
    case 'prepare':
      return { kind, language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false };
    case 'rename':
      return { kind, template: '{class}-{serial}' };
    case 'install-extra-profiles':
      return { kind, files: [] };
    case 'prepare-ade':
      return { kind, language: 'en', locale: 'en_US' };
    case 'confirm-ade-enrollment':
      return { kind };
    case 'wait-until-settled':
    case 'finish-setup-assistant':
    case 'install-enrollment-profile':
    case 'verify-enrollment':
    case 'shut-down':
      return { kind };
  }
}

/** An editable copy with an id no other workflow has. */
export function duplicateWorkflow(source: Workflow, taken: readonly string[]): Workflow {
  const stem = `${source.id}-copy`;
  let id = stem;
  for (let n = 2; taken.includes(id); n += 1) id = `${stem}-${n}`;
  return { ...source, id, name: `${source.name} (copy)`, preset: false };
}

export function moveStep(steps: readonly WorkflowStep[], index: number, by: -1 | 1): WorkflowStep[] {
  const target = index + by;
  const next = [...steps];
  if (target < 0 || target >= next.length) return next;
  const [step] = next.splice(index, 1);
  if (step) next.splice(target, 0, step);
  return next;
}

export function replaceStep(
  steps: readonly WorkflowStep[],
  index: number,
  step: WorkflowStep,
): WorkflowStep[] {
  return steps.map((s, i) => (i === index ? step : s));
}

export interface DraftProblem {
  readonly field: 'id' | 'name' | 'steps';
  readonly message: string;
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function checkDraft(draft: Workflow, otherIds: readonly string[]): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!idPattern.test(draft.id) || draft.id.length > 64) {
    problems.push({ field: 'id', message: 'Use lower-case letters, digits and dashes, such as cart-b.' });
  } else if (otherIds.includes(draft.id)) {
    problems.push({ field: 'id', message: 'Another workflow has this file name; pick another.' });
  }
  if (draft.name.trim() === '') problems.push({ field: 'name', message: 'Give the workflow a name.' });
  if (draft.steps.length === 0) problems.push({ field: 'steps', message: 'Add at least one step.' });
  return problems;
}
