/**
 * One workflow from untrusted JSON (a file in the data folder, a save from the editor, `workflow validate`):
 * the size is bounded before parsing, the shape is checked by the schema, the step order by the rules, and a
 * refusal names the field at fault.
 */
import type { Workflow } from '../../../preload/jobs-domain';
import { sanitizeText } from '../../text/sanitize-text';
import { checkStepOrder } from './workflow-rules';
import { forPeople, pathOfFieldText, type FieldProblem } from './workflow-problem';
import { fieldPath, firstIssue, workflowFileSchema } from './workflow-schema';

/** A workflow is a short list of steps; the IPC validator refuses larger requests too. */
export const MAX_WORKFLOW_BYTES = 64 * 1024;

/** A refusal: `message` names the place in the JSON (files, the CLI); `forPeople` the editor's field. */
export type ParsedWorkflow =
  | { readonly ok: true; readonly workflow: Workflow }
  | { readonly ok: false; readonly message: string; readonly forPeople: FieldProblem };

function refused(path: readonly PropertyKey[], message: string, raw: unknown): ParsedWorkflow {
  return { ok: false, message: `${fieldPath(path)}: ${message}`, forPeople: forPeople(path, message, raw) };
}

/** Judges a value already parsed from JSON. The result is never a preset: only shipped workflows are. */
export function parseWorkflow(raw: unknown): ParsedWorkflow {
  const parsed = workflowFileSchema.safeParse(raw);
  if (!parsed.success) {
    const { path, message } = firstIssue(parsed.error);
    return refused(path, message, raw);
  }
  const { id, name, description, steps, eraseInUse, adeOrganizations } = parsed.data;
  const order = checkStepOrder(steps);
  if (order) return refused(pathOfFieldText(order.field), order.message, raw);
  return {
    ok: true,
    workflow: {
      id,
      name,
      description,
      steps,
      preset: false,
      ...(eraseInUse ? { eraseInUse } : {}),
      ...(adeOrganizations ? { adeOrganizations } : {}),
    },
  };
}

/** Judges the text of a workflow file. */
export function parseWorkflowText(text: string): ParsedWorkflow {
  if (Buffer.byteLength(text, 'utf8') > MAX_WORKFLOW_BYTES) {
    return refused([], 'larger than 64 KB; a workflow is a short list of steps', undefined);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return refused(
      [],
      `not valid JSON (${sanitizeText((error as Error).message, { maxLength: 120 })})`,
      undefined,
    );
  }
  return parseWorkflow(raw);
}
