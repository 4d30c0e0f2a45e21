/**
 * Workflows for the jobs area through one small interface (`get(id)`, synchronous because a job is admitted
 * between two device events). The data folder's workflow store (main/jobs/workflow/) is the source in the app:
 * its list is cached here and refreshed on every change. A file named on the command line
 * (`run --workflow FILE`) passes the same schema and step-order rules as a saved one.
 */
import type { Workflow } from '../../preload/jobs-domain';
import { BenchError } from '../errors/bench-error';
import { MAX_WORKFLOW_BYTES, parseWorkflowText } from './workflow/parse-workflow';
import { presetWorkflows } from './workflow/presets';
import { readBoundedText } from './workflow/read-bounded-file';
import type { WorkflowStore } from './workflow/workflow-store';
import type { WorkflowSource } from './job-board-types';

/** The shipped presets, plus any workflows given (a file named on the command line). */
export function workflowSource(extra: readonly Workflow[] = []): WorkflowSource {
  const all = new Map([...presetWorkflows, ...extra].map((w) => [w.id, w] as const));
  return { get: (id) => all.get(id) };
}

/** The store's workflows, cached; presets answer before the first list arrives. */
export async function storeWorkflowSource(
  store: Pick<WorkflowStore, 'list' | 'onChanged'>,
): Promise<WorkflowSource & { close(): void }> {
  let byId = new Map(presetWorkflows.map((w) => [w.id, w] as const));
  const take = (workflows: readonly Workflow[]) => {
    byId = new Map(workflows.map((w) => [w.id, w] as const));
  };
  take((await store.list()).workflows);
  const off = store.onChanged((list) => take(list.workflows));
  return { get: (id) => byId.get(id), close: off };
}

function refused(file: string, detail: string): never {
  throw new BenchError({
    code: 'invalid-request',
    title: 'The workflow file cannot be used',
    detail: `${file}: ${detail}`,
    retryable: false,
  });
}

/** Reads and judges a workflow JSON file; a problem names the file and the field. */
export async function readWorkflowFile(file: string): Promise<Workflow> {
  const text = await readBoundedText(file, MAX_WORKFLOW_BYTES, { followSymlink: true }).catch(() =>
    refused(file, 'the file could not be read.'),
  );
  const parsed = parseWorkflowText(text);
  if (!parsed.ok) refused(file, parsed.message);
  return parsed.workflow;
}
