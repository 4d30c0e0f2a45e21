/**
 * `enroll-bench workflow list | show ID | validate FILE [--json]`: the bench's workflows from a terminal, on
 * the app's data folder, and a check of a workflow file before it is copied there.
 *
 * Exit codes: 0 fine; 1 a workflow file has a problem (list), the id is unknown (show), or the file is not a
 * usable workflow (validate); 2 for a usage error or a file that cannot be read.
 */
import type { SkipPaneCatalogue, Workflow, WorkflowStep } from '../../preload/jobs-domain';
import { createCfgutilClient } from '../cfgutil/cfgutil-client';
import { locateCfgutil } from '../cfgutil/locate-cfgutil';
import { readSkipPaneCatalogue, skipPaneCatalogue } from '../cfgutil/skip-pane-names';
import { loadBenchSettings } from '../settings/bench-settings';
import { defaultDataDir } from '../storage/data-dir';
import { MAX_WORKFLOW_BYTES, parseWorkflowText } from '../jobs/workflow/parse-workflow';
import { presetWorkflows } from '../jobs/workflow/presets';
import { readBoundedText } from '../jobs/workflow/read-bounded-file';
import { WorkflowStore } from '../jobs/workflow/workflow-store';
import { sanitizeText } from '../text/sanitize-text';
import { flagSpec } from './command-table';
import { parseFlags, UsageError } from '../text/parse-flags';
import { stderrLine, stdoutLine } from './terminal-output';

export interface WorkflowCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** `workflow panes`: tests may answer as a given cfgutil would. */
  readonly skipPanes?: (options: SkipPaneOptions) => Promise<SkipPaneCatalogue>;
}

interface SkipPaneOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly simulate: boolean;
  readonly cfgutilFlag?: string;
}

/**
 * The panes of the cfgutil the bench would use (the same search as `serve` and `preflight`). The simulated
 * cfgutil's help lists no panes by default, as a real one may not, so `--simulate` gives the known list.
 */
async function cfgutilSkipPanes(options: SkipPaneOptions): Promise<SkipPaneCatalogue> {
  if (options.simulate) return skipPaneCatalogue(undefined);
  const { settings } = await loadBenchSettings(defaultDataDir(options.env));
  const located = await locateCfgutil({
    ...(options.cfgutilFlag ? { flagPath: options.cfgutilFlag } : {}),
    ...(options.env.ENROLL_BENCH_CFGUTIL ? { envPath: options.env.ENROLL_BENCH_CFGUTIL } : {}),
    ...(settings.cfgutilPath ? { settingPath: settings.cfgutilPath } : {}),
  });
  return readSkipPaneCatalogue(
    located.kind === 'found' ? createCfgutilClient({ cfgutilPath: located.path }) : undefined,
  );
}

/** One group a paragraph: each pane's name, then the key a workflow file saves. */
export function formatSkipPanes(catalogue: SkipPaneCatalogue): string {
  const lines: string[] = [];
  if (catalogue.note) lines.push(catalogue.note, '');
  lines.push('all                        Skip all panes (--skip-all)');
  for (const group of catalogue.groups) {
    lines.push('', `${group.title}:`);
    for (const pane of group.panes) lines.push(`  ${pane.key.padEnd(26)} ${pane.name}`);
  }
  return lines.join('\n');
}

const defaultIo: WorkflowCommandIo = {
  out: stdoutLine,
  err: stderrLine,
  env: process.env,
};

const USAGE =
  'usage: enroll-bench workflow list | workflow show ID | workflow validate FILE | workflow panes  [--json]';

function describeStep(step: WorkflowStep): string {
  if (step.kind === 'erase') {
    return `erase${step.allowOtherOrganization ? ' (also devices of another organization)' : ''}`;
  }
  if (step.kind === 'prepare') {
    const panes = step.skipPanes === 'all' ? 'all panes' : `${step.skipPanes.length} panes`;
    return `prepare supervised, ${step.language} / ${step.locale}, skip ${panes}, pairing ${step.allowPairing ? 'allowed' : 'forbidden'}`;
  }
  if (step.kind === 'rename') return `rename to ${step.template}`;
  if (step.kind === 'install-extra-profiles') return `install-extra-profiles ${step.files.join(', ')}`;
  return step.kind;
}

export function formatWorkflow(workflow: Workflow): string {
  return [
    `${workflow.id}: ${workflow.name}${workflow.preset ? ' (preset)' : ''}`,
    ...(workflow.description ? [`  ${workflow.description}`] : []),
    ...workflow.steps.map((step, i) => `  ${i + 1}. ${describeStep(step)}`),
  ].join('\n');
}

export async function runWorkflowCommand(
  argv: readonly string[],
  io: WorkflowCommandIo = defaultIo,
): Promise<number> {
  const [sub, ...rest] = argv;
  const { flags, positional } = parseFlags(rest, flagSpec('workflow', sub));
  const store = WorkflowStore.inDataDir(defaultDataDir(io.env));
  const json = (value: unknown) => io.out(JSON.stringify(value, null, 2));
  if (sub === 'list') {
    if (positional.length > 0) throw new UsageError(USAGE);
    const list = await store.list();
    if (flags.json) json(list);
    else for (const w of list.workflows) io.out(`${w.id.padEnd(24)} ${w.name}${w.preset ? ' (preset)' : ''}`);
    for (const p of list.problems) io.err(`enroll-bench: ${p.file}: ${p.message}`);
    return list.problems.length > 0 ? 1 : 0;
  }
  if (sub === 'show') {
    const [id, ...extra] = positional;
    if (!id || extra.length > 0) throw new UsageError('workflow show takes exactly one ID');
    const workflow = await store.get(id);
    if (workflow) {
      if (flags.json) json(workflow);
      else io.out(formatWorkflow(workflow));
      return 0;
    }
    const problem = (await store.list()).problems.find((p) => p.file === store.fileFor(id));
    io.err(
      problem
        ? `enroll-bench: ${problem.file}: ${problem.message}`
        : `enroll-bench: there is no workflow "${sanitizeText(id)}"; workflow list shows them.`,
    );
    return 1;
  }
  if (sub === 'panes') {
    if (positional.length > 0) throw new UsageError('workflow panes takes no arguments');
    const catalogue = await (io.skipPanes ?? cfgutilSkipPanes)({
      env: io.env,
      simulate: flags.simulate === true,
      ...(flags.cfgutil ? { cfgutilFlag: flags.cfgutil } : {}),
    });
    if (flags.json) json(catalogue);
    else io.out(formatSkipPanes(catalogue));
    return 0;
  }
  if (sub === 'validate') {
    const [file, ...extra] = positional;
    if (!file || extra.length > 0) throw new UsageError('workflow validate takes exactly one FILE');
    return validate(file, flags.json === true, store, io);
  }
  throw new UsageError(USAGE);
}

async function validate(
  file: string,
  asJson: boolean,
  store: WorkflowStore,
  io: WorkflowCommandIo,
): Promise<number> {
  let text: string;
  try {
    text = await readBoundedText(file, MAX_WORKFLOW_BYTES, { followSymlink: true });
  } catch {
    io.err(`enroll-bench: the workflow file cannot be read: ${file}`);
    return 2;
  }
  const parsed = parseWorkflowText(text);
  const problem = !parsed.ok
    ? parsed.message
    : presetWorkflows.some((p) => p.id === parsed.workflow.id)
      ? `id: "${parsed.workflow.id}" is a shipped preset, which a file cannot replace; give it another id`
      : undefined;
  if (asJson) {
    io.out(
      JSON.stringify(
        problem || !parsed.ok ? { valid: false, problem } : { valid: true, workflow: parsed.workflow },
        null,
        2,
      ),
    );
  }
  if (problem || !parsed.ok) {
    io.err(`enroll-bench: ${file}: ${problem}`);
    return 1;
  }
  if (!asJson) {
    io.out(formatWorkflow(parsed.workflow));
    io.out(`Valid. To use it, copy it to ${store.fileFor(parsed.workflow.id)}`);
  }
  return 0;
}
