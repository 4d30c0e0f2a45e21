/**
 * Workflows for the jobs area through one small interface (`get(id)`). The shipped presets always; a file
 * named on the command line (`run --workflow FILE`) after a structural check. The workflow store of the data
 * folder (main/jobs/workflow/) offers the same interface with full validation.
 */
import { readFile } from 'node:fs/promises';
import type { Workflow, WorkflowStepKind } from '../../preload/jobs-domain';
import { BenchError } from '../errors/bench-error';
import { presetWorkflows } from './workflow/presets';
import type { WorkflowSource } from './job-board-types';

const STEP_KINDS: ReadonlySet<WorkflowStepKind> = new Set([
  'erase',
  'prepare',
  'wait-until-settled',
  'finish-setup-assistant',
  'install-enrollment-profile',
  'verify-enrollment',
  'rename',
  'install-extra-profiles',
  'shut-down',
]);

export function workflowSource(extra: readonly Workflow[] = []): WorkflowSource {
  const all = new Map([...presetWorkflows, ...extra].map((w) => [w.id, w] as const));
  return { get: (id) => all.get(id) };
}

const MAX_WORKFLOW_BYTES = 256 * 1024;

function bad(file: string, field: string, fix: string): never {
  throw new BenchError({
    code: 'invalid-request',
    title: 'The workflow file cannot be used',
    detail: `${file}: ${field} ${fix}`,
    retryable: false,
  });
}

/** Reads a workflow JSON file; each problem names the file and the field. */
export async function readWorkflowFile(file: string): Promise<Workflow> {
  const bytes = await readFile(file).catch(() => bad(file, 'the file', 'could not be read.'));
  if (bytes.length > MAX_WORKFLOW_BYTES) bad(file, 'the file', 'is larger than 256 KB.');
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    bad(file, 'the file', 'is not JSON.');
  }
  const w = value as Partial<Workflow> | null;
  if (!w || typeof w !== 'object') bad(file, 'the file', 'must hold one JSON object.');
  if (typeof w.id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(w.id))
    bad(file, '"id"', 'must be lower-case letters, digits and dashes.');
  if (!Array.isArray(w.steps) || w.steps.length === 0) bad(file, '"steps"', 'must be a non-empty list.');
  w.steps.forEach((step, i) => {
    if (
      !step ||
      typeof step !== 'object' ||
      !STEP_KINDS.has((step as { kind?: WorkflowStepKind }).kind as WorkflowStepKind)
    ) {
      bad(file, `steps[${i}].kind`, `must be one of ${[...STEP_KINDS].join(', ')}.`);
    }
  });
  return {
    id: w.id,
    name: typeof w.name === 'string' ? w.name : w.id,
    description: typeof w.description === 'string' ? w.description : '',
    steps: w.steps,
    preset: false,
  };
}
