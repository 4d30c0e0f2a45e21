/**
 * A workflow refusal in the editor's terms (issue 21 item 5): which field it is about, and one sentence a
 * person reads next to that field, such as `Step 3 (Prepare) › Panes to skip: "foo" is not a pane this cfgutil
 * knows. Choose from the list.` Files and `workflow validate` keep the compact `steps[2].skipPanes[0]: …` form,
 * which names the place in the JSON; the editor gets no bracket path.
 */
import { workflowFieldKey, workflowFieldLabel } from '../../../preload/workflow-fields';

export interface FieldProblem {
  /** The editor's field key (preload/workflow-fields.ts). */
  readonly field: string;
  readonly sentence: string;
}

/** `steps[2].template` → `['steps', 2, 'template']`; `(the file)` → `[]`. */
export function pathOfFieldText(text: string): (string | number)[] {
  if (text === '(the file)') return [];
  const path: (string | number)[] = [];
  for (const match of text.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)) {
    if (match[1] !== undefined) path.push(match[1]);
    else path.push(Number(match[2]));
  }
  return path;
}

/** `steps[3]` inside a message → `step 4`, so no sentence carries a JSON path. */
function withoutBrackets(message: string): string {
  return message
    .replace(/steps\[(\d+)\](?:\.\w+|\[\d+\])*/g, (_all, n: string) => `step ${Number(n) + 1}`)
    .replace(/\[\d+\]/g, '');
}

function sentenceOf(message: string, path: readonly PropertyKey[]): string {
  let text = withoutBrackets(message).trim();
  // "language must be …" under the Language field reads "Must be …".
  const named = [...path].reverse().find((part): part is string => typeof part === 'string');
  if (named && text.startsWith(`${named} `)) text = text.slice(named.length + 1);
  text = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The refusal at `path` (into `raw`, the workflow as sent) for people. */
export function forPeople(path: readonly PropertyKey[], message: string, raw: unknown): FieldProblem {
  const steps =
    typeof raw === 'object' && raw !== null && Array.isArray((raw as { steps?: unknown }).steps)
      ? ((raw as { steps: unknown[] }).steps as readonly unknown[])
      : undefined;
  const field = workflowFieldKey(path, steps);
  return { field, sentence: `${workflowFieldLabel(field, steps)}: ${sentenceOf(message, path)}` };
}
