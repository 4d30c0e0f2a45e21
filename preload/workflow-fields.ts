/**
 * The workflow editor's fields, named once for main and renderer: main says which field a refusal is about
 * (`ErrorInfo.field`) and words it for people; the editor shows the sentence next to that field.
 *
 * A field key is `id`, `name`, `description`, `steps`, `steps.<i>` (the step itself: its kind, its place in the
 * order) or `steps.<i>.<option>`; anything the editor has no control for is `form` (shown beside Save).
 * Pure types and constants: no imports with side effects.
 */
import type { WorkflowStepKind } from './jobs-domain';

export type WorkflowTopField = 'id' | 'name' | 'description' | 'steps';

const TOP_LABELS: Readonly<Record<WorkflowTopField, string>> = {
  id: 'File name',
  name: 'Name',
  description: 'Description',
  steps: 'Steps',
};

/** The options each step kind shows in the editor, with their labels (step-fields.tsx uses the same words). */
export const STEP_OPTION_LABELS: Readonly<Record<WorkflowStepKind, Readonly<Record<string, string>>>> = {
  erase: { allowOtherOrganization: 'Also erase devices supervised by another organization' },
  prepare: {
    language: 'Language',
    locale: 'Locale',
    skipPanes: 'Panes to skip',
    allowPairing: 'Allow other computers to pair afterwards',
  },
  'prepare-ade': { language: 'Language', locale: 'Locale' },
  rename: { template: 'Name template' },
  'install-extra-profiles': { files: 'Profile files in profiles/extra/' },
  'wait-until-settled': {},
  'finish-setup-assistant': {},
  'install-enrollment-profile': {},
  'verify-enrollment': {},
  'shut-down': {},
  'confirm-ade-enrollment': {},
};

/** Short step names for "Step 3 (Prepare) › …". */
export const STEP_SHORT_NAMES: Readonly<Record<WorkflowStepKind, string>> = {
  erase: 'Erase',
  prepare: 'Prepare',
  'prepare-ade': 'Prepare through ADE',
  'wait-until-settled': 'Wait until it restarts',
  'finish-setup-assistant': 'Finish Setup Assistant',
  'install-enrollment-profile': 'Install the Intune profile',
  'verify-enrollment': 'Verify enrollment',
  rename: 'Rename',
  'install-extra-profiles': 'Install extra profiles',
  'shut-down': 'Shut down',
  'confirm-ade-enrollment': 'Confirm ADE enrollment',
};

/** The form-level key: a refusal about something the editor has no field for. */
export const FORM_FIELD = 'form';

type StepLike = { readonly kind?: unknown };

function kindOf(step: unknown): WorkflowStepKind | undefined {
  const kind = (step as StepLike | undefined)?.kind;
  return typeof kind === 'string' && Object.hasOwn(STEP_OPTION_LABELS, kind)
    ? (kind as WorkflowStepKind)
    : undefined;
}

/** The editor field a path into a workflow (as sent to main) points at. */
export function workflowFieldKey(
  path: readonly PropertyKey[],
  steps: readonly unknown[] | undefined,
): string {
  const [top, index, option] = path;
  if (top === 'id' || top === 'name' || top === 'description') return top;
  if (top !== 'steps') return FORM_FIELD;
  if (typeof index !== 'number' || !steps || index < 0 || index >= steps.length) return 'steps';
  const kind = kindOf(steps[index]);
  if (kind && typeof option === 'string' && Object.hasOwn(STEP_OPTION_LABELS[kind], option))
    return `steps.${index}.${option}`;
  return `steps.${index}`;
}

/** Every field key the editor renders for these steps (the set a refusal's field must come from). */
export function workflowFieldKeys(steps: readonly unknown[]): string[] {
  return [
    FORM_FIELD,
    'id',
    'name',
    'description',
    'steps',
    ...steps.flatMap((step, i) => {
      const kind = kindOf(step);
      return [
        `steps.${i}`,
        ...Object.keys(kind ? STEP_OPTION_LABELS[kind] : {}).map((o) => `steps.${i}.${o}`),
      ];
    }),
  ];
}

/** "Step 3 (Prepare) › Panes to skip", "File name", "The workflow". */
export function workflowFieldLabel(key: string, steps: readonly unknown[] | undefined): string {
  if (Object.hasOwn(TOP_LABELS, key)) return TOP_LABELS[key as WorkflowTopField];
  const match = /^steps\.(\d+)(?:\.(\w+))?$/.exec(key);
  if (!match) return 'The workflow';
  const index = Number(match[1]);
  const kind = kindOf(steps?.[index]);
  const step = `Step ${index + 1}${kind ? ` (${STEP_SHORT_NAMES[kind]})` : ''}`;
  const option = match[2];
  return option && kind ? `${step} › ${STEP_OPTION_LABELS[kind][option] ?? option}` : step;
}
