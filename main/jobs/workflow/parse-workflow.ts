/**
 * One workflow from untrusted JSON (a file in the data folder, a save from the editor, `workflow validate`):
 * the size is bounded before parsing, the shape is checked by the schema, the step order by the rules, and a
 * refusal names the field at fault.
 */
import type { Workflow } from '../../../preload/jobs-domain';
import { sanitizeText } from '../../text/sanitize-text';
import { checkStepOrder } from './workflow-rules';
import { describeIssue, workflowFileSchema } from './workflow-schema';

/** A workflow is a short list of steps; the IPC validator refuses larger requests too. */
export const MAX_WORKFLOW_BYTES = 64 * 1024;

export type ParsedWorkflow =
  { readonly ok: true; readonly workflow: Workflow } | { readonly ok: false; readonly message: string };

/** Judges a value already parsed from JSON. The result is never a preset: only shipped workflows are. */
export function parseWorkflow(raw: unknown): ParsedWorkflow {
  const parsed = workflowFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: describeIssue(parsed.error) };
  const { id, name, description, steps, eraseInUse, adeOrganizations } = parsed.data;
  const order = checkStepOrder(steps);
  if (order) return { ok: false, message: `${order.field}: ${order.message}` };
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
    return { ok: false, message: '(the file): larger than 64 KB; a workflow is a short list of steps' };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `(the file): not valid JSON (${sanitizeText((error as Error).message, { maxLength: 120 })})`,
    };
  }
  return parseWorkflow(raw);
}
